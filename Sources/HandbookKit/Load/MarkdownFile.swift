import HandbookMarkdown

/// One Markdown content file after reading: its front matter and parsed body.
struct MarkdownFile: Sendable {
    enum Kind: String, Sendable {
        case market = "markets", product = "products", page = "pages"
        /// The cross-reference kind (`market`, `product`, `page`).
        var recordKind: CrossReference.Kind {
            switch self {
            case .market: .market
            case .product: .product
            case .page: .page
            }
        }
    }

    var kind: Kind
    /// The id (file name without language and `.md`); for pages, the path under `pages/`.
    var id: String
    /// The body language.
    var language: String
    /// True for `<id>.<lang>.md`.
    var isTranslation: Bool
    /// Path for diagnostics.
    var file: String
    /// Path relative to the content folder.
    var path: String
    var frontMatter: RawValue?
    /// The front matter as written (an edit that leaves it alone changes only the body).
    var frontMatterText: String?
    var body: Guide.Body?
    /// Stable hashes of the front matter and of the body as written (what a build records to tell
    /// later which part of the file an edit touched).
    var print: InputPrints.Guide?

    /// Reads, decodes, splits and parses one file; problems go to `log` and leave `body` nil
    /// (the file still counts as present, so links to it do not cascade into more errors).
    /// - Parameter outlines: outlines kept by a previous build: a body whose text they hold is not
    ///   parsed now (only when a page shows it).
    static func load(_ relative: String, kind: Kind, files: ContentFiles, config: SiteConfig,
                     log: DiagnosticLog, timer: StageTimer? = nil, outlines: OutlineStore? = nil) -> MarkdownFile? {
        let file = files.display(relative)
        var name = String(relative.dropFirst(kind.rawValue.count + 1).dropLast(3))
        var language = config.defaultLanguage
        var isTranslation = false
        if let dot = name.lastIndex(of: "."), config.languages.contains(String(name[name.index(after: dot)...])) {
            language = String(name[name.index(after: dot)...])
            isTranslation = language != config.defaultLanguage
            name = String(name[..<dot])
        }
        if kind == .page {
            if name == "index" { name = "" } else if name.hasSuffix("/index") { name = String(name.dropLast(6)) }
        }
        guard ContentLoader.isValidID(name, allowSlash: kind == .page) else {
            log.error(.invalidValue, Phrase(en: "file name '\(name)' is not a valid id", zh: "文件名“\(name)”不是有效的 id"),
                      at: SourceLocation(file: file),
                      hint: Phrase(en: "use lower-case letters, digits and '-' only, e.g. saudi-arabia.md",
                                   zh: "只能用小写字母、数字和“-”，例如 saudi-arabia.md"))
            return nil
        }
        var result = MarkdownFile(kind: kind, id: name, language: language, isTranslation: isTranslation, file: file, path: relative)
        let text: String
        switch timed(timer, "read and decode files", { files.text(relative) }) {
        case .success(let t): text = t
        case .failure(let d): log.add(d); return result
        }
        let front: FrontMatter
        switch FrontMatter.split(text, file: file) {
        case .success(let f): front = f
        case .failure(let d): log.add(d); return result
        }
        result.frontMatterText = front.yaml + "\n\(front.bodyLineOffset)"
        result.print = InputPrints.Guide(frontMatter: StableHash.of(result.frontMatterText ?? ""), body: StableHash.of(front.body))
        switch timed(timer, "parse front matter (YAML)", { YAMLReader.read(front.yaml, file: file, firstLine: front.yamlFirstLine) }) {
        case .success(let v): result.frontMatter = v
        case .failure(let d): log.add(d); return result
        }
        let bodyHash = result.print?.body ?? StableHash.of(front.body)
        var body: Guide.Body
        if let outline = outlines?.outline(relative, hash: bodyHash) {
            body = Guide.Body(language: language, outline: outline, text: front.body, file: file, relativePath: relative,
                              lineOffset: front.bodyLineOffset)
        } else {
            let document = timed(timer, "parse Markdown (cmark)") { MarkdownParser.parse(front.body) }
            body = Guide.Body(language: language, document: document, file: file, relativePath: relative,
                              lineOffset: front.bodyLineOffset)
            // A kept outline has its version; a body read anew gets it here, beside its parse.
            body.outline.version = TranslationStamp.version(of: front.body)
        }
        for issue in body.outline.issues {
            let code: DiagnosticCode = switch issue.code {
            case "malformed-table": .malformedTable
            case "table-cell-count": .tableCellCount
            case "too-deep": .tooDeep
            default: .badHeadingID
            }
            log.add(Diagnostic(issue.severity == .error ? .error : .warning, code, Phrase(en: issue.message, zh: issue.messageZH),
                               at: SourceLocation(file: file, line: issue.position.line + front.bodyLineOffset,
                                                  column: issue.position.column),
                               hint: issue.hint.map { Phrase(en: $0, zh: issue.hintZH ?? $0) }))
        }
        let terms = TermScanner(config.terms)
        terms.warn(markdown: front.body, file: file, lineOffset: front.bodyLineOffset, log: log)
        if let frontMatter = result.frontMatter { terms.warn(fields: [frontMatter], source: text, log: log) }
        result.body = body
        return result
    }

    private init(kind: Kind, id: String, language: String, isTranslation: Bool, file: String, path: String) {
        self.path = path
        self.kind = kind
        self.id = id
        self.language = language
        self.isTranslation = isTranslation
        self.file = file
    }
}
