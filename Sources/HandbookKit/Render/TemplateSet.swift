import Foundation

/// The theme: Mustache templates (page kinds and partials), UI strings per language, and assets.
/// The render stage talks to templates only through `render(_:_:)`, so the engine can change.
struct TemplateSet: Sendable {
    private let renderer: MustacheRenderer
    /// Names of the templates found.
    let names: Set<String>
    /// UI strings: language → key → text.
    let strings: [String: [String: String]]

    /// The UI strings of `language` as a template value (`t` in templates), made once.
    func uiStrings(_ language: String) -> [String: Any] { uiValues[language] ?? [:] }
    nonisolated(unsafe) private let uiValues: [String: [String: Any]]   // immutable strings only
    /// The templates folder as given.
    let root: String

    /// Renders template `name` with `context`. Every list `x` in the context also answers `has_x`
    /// (true when not empty), so templates can wrap a list in a heading only when it has items;
    /// missing values and empty strings render as nothing.
    func render(_ name: String, _ context: [String: Any]) -> [UInt8] {
        renderer.renderBytes(name, context)
    }

    /// Template names every theme must have.
    static let required = [
        "layout", "home", "markets", "market", "products", "product", "requirement", "schemes", "scheme",
        "standards", "standard", "bodies", "body", "matrix", "planner", "updates", "search", "page", "not-found", "languages",
    ]

    /// Loads `root`; every problem (syntax, missing template, missing UI string) goes to `log`.
    static func load(_ root: String, languages: [String], log: DiagnosticLog) -> TemplateSet? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.error(.missingTemplate, Phrase(en: "templates folder not found", zh: "找不到模板文件夹"), at: SourceLocation(file: root),
                      hint: Phrase(en: "pass --templates with the theme folder (the project's Templates/)",
                                   zh: "用 --templates 指定模板文件夹（项目中的 Templates/）"))
            return nil
        }
        var parsed: [String: [MustacheNode]] = [:], sources: [String: String] = [:]
        var names = Set<String>()
        var stringUses: [(key: String, at: SourceLocation)] = []
        let files = ContentFiles(root: root)
        let paths = (try? files.list()) ?? []
        let before = log.errorCount
        for path in paths where path.hasSuffix(".mustache") {
            let name = String((path as NSString).lastPathComponent.dropLast(".mustache".count))
            guard case .success(let text) = files.text(path) else {
                log.error(.unreadableFile, Phrase(en: "cannot read template", zh: "无法读取模板"), at: SourceLocation(file: files.display(path)))
                continue
            }
            do {
                parsed[name] = try MustacheParser.parse(text)
                sources[name] = text
                names.insert(name)
                stringUses += uiStringUses(in: text, file: files.display(path))
            } catch let error as MustacheError {
                log.error(.templateSyntax, error.text,
                          at: SourceLocation(file: files.display(path), line: error.line, column: error.column),
                          hint: error.fix)
            } catch {
                log.error(.templateSyntax, Phrase(en: "template error: \(error)", zh: "模板错误：\(error)"),
                          at: SourceLocation(file: files.display(path)))
            }
        }
        let found = Set(paths.filter { $0.hasSuffix(".mustache") }.map {
            String(($0 as NSString).lastPathComponent.dropLast(".mustache".count))
        })
        for name in required where !found.contains(name) {
            log.error(.missingTemplate, Phrase(en: "the theme has no '\(name).mustache'", zh: "模板文件夹中没有“\(name).mustache”"),
                      at: SourceLocation(file: root), hint: Phrase(en: "add \(root)/\(name).mustache", zh: "添加 \(root)/\(name).mustache"))
        }
        var strings: [String: [String: String]] = [:]
        for language in languages {
            strings[language] = loadStrings(files, language: language, log: log)
        }
        let reference = strings[languages[0]] ?? [:]
        for language in languages.dropFirst() {
            for key in reference.keys.sorted() where strings[language]?[key] == nil {
                log.error(.i18n, Phrase(en: "UI string '\(key)' is missing for '\(language)'", zh: "缺少“\(language)”的界面文字“\(key)”"),
                          at: SourceLocation(file: files.display("i18n/\(language).yml")),
                          hint: Phrase(en: "copy it from i18n/\(languages[0]).yml and translate it",
                                       zh: "从 i18n/\(languages[0]).yml 复制过来再翻译"))
            }
        }
        // Mustache prints a missing value as nothing: check every {{t.key}} exists in every language.
        for use in stringUses {
            for language in languages where strings[language]?[use.key] == nil && strings[language] != nil {
                let file = files.display("i18n/\(language).yml")
                log.error(.i18n, Phrase(en: "template uses UI string 't.\(use.key)', which i18n/\(language).yml does not have",
                                        zh: "模板用到了界面文字“t.\(use.key)”，但 i18n/\(language).yml 中没有")
                                     + Suggestions.suggestion(use.key, in: strings[language]!.keys),
                          at: use.at, hint: Phrase(en: "add '\(use.key): …' to \(file)", zh: "在 \(file) 中添加“\(use.key): …”"))
            }
        }
        guard log.errorCount == before else { return nil }
        return TemplateSet(renderer: MustacheRenderer(templates: parsed, sources: sources), names: names, strings: strings,
                           uiValues: strings.mapValues { $0 as [String: Any] }, root: root)
    }

    /// Every `{{t.key}}` (or `{{#t.key}}`, `{{{t.key}}}` …) in a template, with its position.
    static func uiStringUses(in text: String, file: String) -> [(key: String, at: SourceLocation)] {
        var out: [(key: String, at: SourceLocation)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{") {
                var tag = rest[open.upperBound...]
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                guard let close = tag.firstRange(of: "}}") else { break }
                if tag.first == "!" || tag.first == "/" {   // comments and section ends
                    rest = tag[close.upperBound...]
                    continue
                }
                tag = tag.drop { "{#^&>$< ".contains($0) }
                guard let close = tag.firstRange(of: "}}") else { break }
                let name = tag[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("t."), name.count > 2 {
                    out.append((String(name.dropFirst(2)), SourceLocation(file: file, line: index + 1, column: column)))
                }
                rest = tag[close.upperBound...]
            }
        }
        return out
    }

    private static func loadStrings(_ files: ContentFiles, language: String, log: DiagnosticLog) -> [String: String] {
        let path = "i18n/\(language).yml"
        let text: String
        switch files.text(path) {
        case .success(let t): text = t
        case .failure:
            log.error(.i18n, Phrase(en: "no UI strings for language '\(language)'", zh: "没有语言“\(language)”的界面文字"),
                      at: SourceLocation(file: files.display(path)),
                      hint: Phrase(en: "add \(files.display(path)) (copy another language's file)",
                                   zh: "添加 \(files.display(path))（可复制另一种语言的文件）"))
            return [:]
        }
        guard case .success(let value) = YAMLReader.read(text, file: files.display(path)) else {
            if case .failure(let d) = YAMLReader.read(text, file: files.display(path)) { log.add(d) }
            return [:]
        }
        guard case .map(let map, _)? = value else { return [:] }
        var out: [String: String] = [:]
        for entry in map.entries {
            if let s = entry.value.scalar { out[entry.key] = s } else {
                log.error(.i18n, Phrase(en: "UI string '\(entry.key)' should be text", zh: "界面文字“\(entry.key)”应为文本"),
                          at: entry.value.location)
            }
        }
        return out
    }
}
