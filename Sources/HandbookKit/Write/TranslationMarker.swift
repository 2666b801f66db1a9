import Foundation

/// `handbook translated`: records in a translation's front matter (`translation_of`) the version of
/// the original it now follows, so `check` can tell when the original changes again.
public enum TranslationMarker {
    /// Why nothing was marked (a usage problem: no file was changed).
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, in both languages.
        public var phrase: Phrase
        public var description: String { phrase.en }
    }

    /// One translation marked.
    public struct Marked: Sendable, Equatable {
        /// The translation, relative to the content folder.
        public var translation: String
        /// Its original, relative to the content folder.
        public var original: String
        /// The original's version now recorded.
        public var version: String
        /// False when the file already named this version (it was not written).
        public var changed: Bool
    }

    /// Marks translations as following the current text of their originals.
    /// - Parameters:
    ///   - paths: translation files, relative to the content folder or as paths (`Content/markets/sa.en.md`).
    ///   - all: mark every translation in the content folder instead.
    ///   - content: the content folder.
    /// - Returns: what was marked, in path order. Nothing is written unless every path is valid.
    public static func mark(_ paths: [String], all: Bool, content: String) throws -> [Marked] {
        let files = ContentFiles(root: content)
        let log = DiagnosticLog()
        guard let config = ContentLoader(root: content).loadConfig(files, log: log) else {
            throw Failure(phrase: Phrase(en: "cannot read \(files.display("site.yml")) (run `handbook check` to see why)",
                                         zh: "无法读取 \(files.display("site.yml"))（运行 `handbook check` 查看原因）"))
        }
        var relative: [String] = []
        if all {
            relative = try files.list().filter { ContentLoader.markdownKind($0) != nil && translationLanguage($0, config) != nil }
        } else {
            guard !paths.isEmpty else {
                throw Failure(phrase: Phrase(en: "name the translations to mark, e.g. markets/sa.en.md, or give --all",
                                             zh: "请写出要标记的译文，例如 markets/sa.en.md，或使用 --all"))
            }
            relative = try paths.map { try contentPath($0, content: content, config: config) }
        }
        var plans: [(Marked, String?)] = []
        for path in relative.sorted() {
            let language = translationLanguage(path, config)!
            let original = String(path.dropLast(language.count + 4)) + ".md"
            guard case .success(let originalText) = files.text(original),
                  case .success(let split) = FrontMatter.split(originalText, file: original) else {
                throw Failure(phrase: Phrase(en: "cannot read the original \(files.display(original)) of \(path)",
                                             zh: "无法读取 \(path) 的原文 \(files.display(original))"))
            }
            guard case .success(let text) = files.text(path) else {
                throw Failure(phrase: Phrase(en: "cannot read \(files.display(path))", zh: "无法读取 \(files.display(path))"))
            }
            let version = TranslationStamp.version(of: split.body)
            let stamped = stamped(text, version: version)
            let marked = Marked(translation: path, original: original, version: version, changed: stamped != text)
            plans.append((marked, marked.changed ? stamped : nil))
        }
        for (marked, text) in plans {
            guard let text else { continue }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: files.display(marked.translation)), options: .atomic)
            } catch {
                throw Failure(phrase: Phrase(en: "cannot write \(files.display(marked.translation)): \(error.localizedDescription)",
                                             zh: "无法写入 \(files.display(marked.translation))：\(error.localizedDescription)"))
            }
        }
        return plans.map(\.0)
    }

    /// The language of a translation file (`markets/sa.en.md` → `en`), nil for originals.
    static func translationLanguage(_ path: String, _ config: SiteConfig) -> String? {
        let name = path.dropLast(3)
        guard path.hasSuffix(".md"), let dot = name.lastIndex(of: ".") else { return nil }
        let language = String(name[name.index(after: dot)...])
        return config.languages.contains(language) && language != config.defaultLanguage ? language : nil
    }

    /// `path` relative to the content folder, checked to be a translation that exists.
    static func contentPath(_ path: String, content: String, config: SiteConfig) throws -> String {
        let root = content.hasSuffix("/") ? content : content + "/"
        let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        guard ContentLoader.markdownKind(relative) != nil else {
            throw Failure(phrase: Phrase(en: "\(path) is not a guide in \(content)/markets, products or pages",
                                         zh: "\(path) 不是 \(content)/markets、products 或 pages 中的指南"))
        }
        guard translationLanguage(relative, config) != nil else {
            let others = config.languages.dropFirst().map { ".\($0).md" }.joined(separator: ", ")
            throw Failure(phrase: Phrase(en: "\(path) is an original, not a translation (translations end in \(others))",
                                         zh: "\(path) 是原文，不是译文（译文的文件名以 \(others) 结尾）"))
        }
        guard FileManager.default.fileExists(atPath: root + relative) else {
            throw Failure(phrase: Phrase(en: "\(root + relative) does not exist", zh: "\(root + relative) 不存在"))
        }
        return relative
    }

    /// `text` with `translation_of: <version>` in its front matter: the line replaced when there is
    /// one, added as the first field otherwise, and a front matter made when the file has none.
    static func stamped(_ text: String, version: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let field = "translation_of: \(version)"
        var lines = text.components(separatedBy: newline)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            return "---" + newline + field + newline + "---" + newline + text
        }
        if let existing = lines[1..<close].firstIndex(where: { $0.hasPrefix("translation_of:") }) {
            lines[existing] = field
        } else {
            lines.insert(field, at: 1)
        }
        return lines.joined(separator: newline)
    }
}
