import Foundation

/// `handbook new`: writes a new guide in every language from the theme's `scaffold/` files.
public enum Scaffold {
    /// What can be scaffolded, and the content folder each goes in.
    public enum Kind: String, CaseIterable, Sendable {
        case market, product, page
        var folder: String { self == .page ? "pages" : rawValue + "s" }
    }

    /// Why a scaffold could not be written (a usage problem: nothing was written).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Why, in English and Chinese.
        public var phrase: Phrase
        /// The English.
        public var description: String { phrase.en }

        init(_ phrase: Phrase) { self.phrase = phrase }
    }

    /// Writes `<folder>/<id>.md` (default language) and `<id>.<lang>.md` for the other languages.
    /// - Returns: the paths written.
    public static func create(_ kind: Kind, id: String, nameZH: String?, nameEN: String?, region: String?,
                              content: String, templates: String, today: Day) throws -> [String] {
        guard ContentLoader.isValidID(id, allowSlash: kind == .page), !id.isEmpty else {
            let page = kind == .page
            throw Failure(Phrase(en: "'\(id)' is not a valid id: use lower-case letters, digits and '-'"
                                     + (page ? " (and '/' between folders)" : "") + ", e.g. saudi-arabia",
                                 zh: "“\(id)”不是有效的 id：只能用小写字母、数字和“-”"
                                     + (page ? "（文件夹之间用“/”）" : "") + "，例如 saudi-arabia"))
        }
        if kind == .page, ContentLoader.reservedPaths.contains(String(id.split(separator: "/")[0])) {
            let top = id.split(separator: "/")[0]
            throw Failure(Phrase(en: "'\(id)' clashes with the site's own '\(top)/' section; choose another name",
                                 zh: "“\(id)”与网站自带的“\(top)/”栏目冲突，请换一个名称"))
        }
        let log = DiagnosticLog()
        guard let handbook = ContentLoader(root: content).load(log: log) else {
            throw Failure(Phrase(en: "cannot read the content folder '\(content)' (run `handbook check` to see why)",
                                 zh: "无法读取内容文件夹“\(content)”（运行 `handbook check` 查看原因）"))
        }
        if kind == .market {
            let regions = handbook.regions.map(\.id)
            guard let region else {
                let list = Phrase.list(regions)
                throw Failure(Phrase(en: "a market needs --region, one of: \(list.en)", zh: "新建市场需要 --region，可选的地区：\(list.zh)"))
            }
            guard regions.contains(region) else {
                throw Failure(Phrase(en: "unknown region '\(region)'", zh: "未知的地区“\(region)”") + Suggestions.suggestion(region, in: regions)
                              + Phrase(en: "; regions are: ", zh: "；可用的地区：") + .list(regions))
            }
        }
        let languages = handbook.config.languages
        let base = content + "/" + kind.folder + "/" + id
        let paths = languages.enumerated().map { i, l in base + (i == 0 ? ".md" : ".\(l).md") }
        for path in paths where FileManager.default.fileExists(atPath: path) {
            throw Failure(Phrase(en: "\(path) already exists; handbook new never overwrites a file",
                                 zh: "\(path) 已存在；handbook new 不会覆盖已有的文件"))
        }
        let values = [
            "id": id, "name_zh": JSONText.string(nameZH ?? id), "name_en": JSONText.string(nameEN ?? id),
            "region": region ?? "", "today": today.description,
        ]
        var texts: [String] = []
        for (i, l) in languages.enumerated() {
            let file = templates + "/scaffold/" + kind.rawValue + (i == 0 ? ".md" : ".\(l).md")
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Failure(Phrase(en: "the theme has no scaffold \(file)", zh: "模板文件夹中没有新建文件用的样板 \(file)"))
            }
            var text = String(decoding: data, as: UTF8.self)
            for (key, value) in values { text = text.replacing("{{\(key)}}", with: value) }
            // A translation starts as following the original as scaffolded.
            if i > 0, case .success(let original) = FrontMatter.split(texts[0], file: paths[0]) {
                text = TranslationMarker.stamped(text, version: TranslationStamp.version(of: original.body))
            }
            texts.append(text)
        }
        for (path, text) in zip(paths, texts) {
            try FileIO.makeDirectories((path as NSString).deletingLastPathComponent)
            try FileIO.write(path, Array(text.utf8))
        }
        return paths
    }
}
