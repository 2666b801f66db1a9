import Foundation

/// `handbook new`: writes a new guide in every language from the theme's `scaffold/` files.
public enum Scaffold {
    /// What can be scaffolded, and the content folder each goes in.
    public enum Kind: String, CaseIterable, Sendable {
        case market, product, page
        var folder: String { self == .page ? "pages" : rawValue + "s" }
    }

    /// Why a scaffold could not be written (a usage problem: nothing was written).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `<folder>/<id>.md` (default language) and `<id>.<lang>.md` for the other languages.
    /// - Returns: the paths written.
    public static func create(_ kind: Kind, id: String, nameZH: String?, nameEN: String?, region: String?,
                              content: String, templates: String, today: Day) throws -> [String] {
        guard ContentLoader.isValidID(id, allowSlash: kind == .page), !id.isEmpty else {
            throw Failure(description: "'\(id)' is not a valid id: use lower-case letters, digits and '-'"
                          + (kind == .page ? " (and '/' between folders)" : "") + ", e.g. saudi-arabia")
        }
        if kind == .page, ContentLoader.reservedPaths.contains(String(id.split(separator: "/")[0])) {
            throw Failure(description: "'\(id)' clashes with the site's own '\(id.split(separator: "/")[0])/' section; choose another name")
        }
        let log = DiagnosticLog()
        guard let handbook = ContentLoader(root: content).load(log: log) else {
            throw Failure(description: "cannot read the content folder '\(content)' (run `handbook check` to see why)")
        }
        if kind == .market {
            let regions = handbook.regions.map(\.id)
            guard let region else {
                throw Failure(description: "a market needs --region, one of: \(regions.joined(separator: ", "))")
            }
            guard regions.contains(region) else {
                throw Failure(description: "unknown region '\(region)'" + Suggestions.didYouMean(region, in: regions)
                              + "; regions are: \(regions.joined(separator: ", "))")
            }
        }
        let languages = handbook.config.languages
        let base = content + "/" + kind.folder + "/" + id
        let paths = languages.enumerated().map { i, l in base + (i == 0 ? ".md" : ".\(l).md") }
        for path in paths where FileManager.default.fileExists(atPath: path) {
            throw Failure(description: "\(path) already exists; handbook new never overwrites a file")
        }
        let values = [
            "id": id, "name_zh": JSONText.string(nameZH ?? id), "name_en": JSONText.string(nameEN ?? id),
            "region": region ?? "", "today": today.description,
        ]
        var texts: [String] = []
        for (i, l) in languages.enumerated() {
            let file = templates + "/scaffold/" + kind.rawValue + (i == 0 ? ".md" : ".\(l).md")
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Failure(description: "the theme has no scaffold \(file)")
            }
            var text = String(decoding: data, as: UTF8.self)
            for (key, value) in values { text = text.replacing("{{\(key)}}", with: value) }
            texts.append(text)
        }
        for (path, text) in zip(paths, texts) {
            try FileIO.makeDirectories((path as NSString).deletingLastPathComponent)
            try FileIO.write(path, Array(text.utf8))
        }
        return paths
    }
}
