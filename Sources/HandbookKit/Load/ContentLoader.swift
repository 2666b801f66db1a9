/// Stage 1, load: reads `Content/` (site.yml, guides, tables) into a `Handbook`.
/// Every problem is recorded in the log; nothing is skipped silently.
public struct ContentLoader: Sendable {
    /// The content folder as the user gave it.
    public let root: String

    /// Receives the time of each loading step (`--timings`).
    var timer: StageTimer?

    /// Creates a loader for a content folder.
    public init(root: String) {
        self.root = root
    }

    /// The same, timing its steps.
    init(root: String, timer: StageTimer?) {
        self.root = root
        self.timer = timer
    }

    /// Path names that a free page may not take at the top level (they are the site's own sections).
    static let reservedPaths: Set<String> = [
        "markets", "products", "schemes", "standards", "matrix", "planner", "updates", "search", "assets",
        "api", "feed.xml", "index", "404", "regions", "report", "bodies",
    ]

    /// Ids are lower-case letters, digits and `-` (pages may also use `_`, `.` and `/` between segments).
    static func isValidID(_ id: String, allowSlash: Bool = false) -> Bool {
        if allowSlash && id.isEmpty { return true }
        let segments = allowSlash ? id.split(separator: "/", omittingEmptySubsequences: false) : [Substring(id)]
        return segments.allSatisfy { segment in
            guard let first = segment.unicodeScalars.first, first.isLowerAlnum else { return false }
            return segment.unicodeScalars.allSatisfy { $0.isLowerAlnum || $0 == "-" || (allowSlash && ($0 == "_" || $0 == ".")) }
        }
    }

    /// Loads everything; returns nil only when `site.yml` itself cannot be used.
    public func load(log: DiagnosticLog) -> Handbook? {
        loadWithPrints(log: log)?.0
    }

    /// Loads everything, and the prints of the files read (site.yml, tables, guides; the options
    /// are left for the caller); nil only when `site.yml` itself cannot be used.
    /// - Parameter outlines: gives the body outlines a previous build kept (asked for once the
    ///   folder is listed): bodies they hold are parsed only when a page shows them.
    func loadWithPrints(log: DiagnosticLog, outlines: (() -> OutlineStore?)? = nil) -> (Handbook, InputPrints)? {
        let files = ContentFiles(root: root)
        guard let config = loadConfig(files, log: log), let (markdown, tables) = scan(files, log: log) else { return nil }
        let kept = outlines?()
        let loaded = markdown.parallelMap { path, kind in
            MarkdownFile.load(path, kind: kind, files: files, config: config, log: log, timer: timer, outlines: kept)
        }.compactMap { $0 }
        var prints = InputPrints(options: "")
        prints.config = InputPrints.files(["site.yml"], in: files)["site.yml"] ?? 0
        prints.tables = InputPrints.files(tables.values.flatMap { $0 }, in: files)
        for file in loaded {
            if let print = file.print { prints.guides[file.path] = print }
        }
        return (assemble(config, loaded, tables: tables, files: files, log: log), prints)
    }

    /// The guides (path, kind) and tables (name → paths) in the content folder; warns about other
    /// files. Nil when the folder cannot be listed.
    func scan(_ files: ContentFiles, log: DiagnosticLog) -> (markdown: [(String, MarkdownFile.Kind)], tables: [String: [String]])? {
        let paths: [String]
        var skipped: [(String, Phrase)] = []
        do {
            paths = try files.list(skipped: &skipped)
        } catch {
            let why = (error as? FileIO.Failure)?.phrase ?? .verbatim("\(error)")
            log.error(.unreadableFile, Phrase(en: "cannot list the content folder: \(why.en)", zh: "无法列出内容文件夹中的文件：\(why.zh)"),
                      at: SourceLocation(file: root))
            return nil
        }
        for (path, why) in skipped {
            log.warning(.unexpectedFile, why, at: SourceLocation(file: files.display(path)),
                        hint: Phrase(en: "replace the link with the file itself, or link to a file inside the content folder",
                                     zh: "用文件本身替换这个链接，或改为链接到内容文件夹中的文件"))
        }
        var markdown: [(String, MarkdownFile.Kind)] = []
        var tables: [String: [String]] = [:]
        for path in paths where path != "site.yml" {
            if let kind = Self.markdownKind(path) {
                markdown.append((path, kind))
            } else if let name = Self.tableName(path) {
                tables[name, default: []].append(path)
            } else if !path.contains("/"), path.lowercased().hasPrefix("readme") {
                continue
            } else {
                log.warning(.unexpectedFile, Phrase(en: "this file is not part of the content format and is ignored",
                                                    zh: "这个文件不属于内容格式，已忽略"),
                            at: SourceLocation(file: files.display(path)),
                            hint: Phrase(en: "guides go in markets/, products/ or pages/ as .md; tables in data/ as .yml or .csv",
                                         zh: "指南以 .md 文件放在 markets/、products/ 或 pages/ 中；数据表以 .yml 或 .csv 文件放在 data/ 中"))
            }
        }
        return (markdown, tables)
    }

    /// The kind of guide at `path` (relative to the content folder), if it is one.
    static func markdownKind(_ path: String) -> MarkdownFile.Kind? {
        let parts = path.split(separator: "/")
        guard path.hasSuffix(".md"), let kind = MarkdownFile.Kind(rawValue: String(parts[0])),
              kind == .page || parts.count == 2 else { return nil }
        return kind
    }

    /// The table name of `data/<name>.yml|yaml|csv`, if `path` is a table.
    static func tableName(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[0] == "data", let dot = parts[1].lastIndex(of: "."),
              ["yml", "yaml", "csv"].contains(parts[1][parts[1].index(after: dot)...]) else { return nil }
        return String(parts[1][..<dot])
    }

    /// Builds the handbook from loaded guides, reading the tables.
    func assemble(_ config: SiteConfig, _ loaded: [MarkdownFile], tables: [String: [String]], files: ContentFiles,
                  log: DiagnosticLog) -> Handbook {
        let builder = EntityBuilder(config: config, log: log)
        let tableReader = TableReader(files: files, config: config, log: log)
        // A table with errors may have lost rows: references into it are not reported again
        // (the whole kind is unavailable), since the table's own errors say what to fix.
        var unavailable = Unavailable(records: Set(loaded.filter { !$0.isTranslation && $0.body == nil }
            .map { RecordKey($0.kind.recordKind, $0.id) }))
        func table<T>(_ name: String, _ kind: CrossReference.Kind?, _ build: (TableReader.Row) -> T?) -> [T] {
            let before = log.errorCount
            let rows = tableReader.rows(name, tables).compactMap(build)
            if log.errorCount > before, let kind { unavailable.kinds.insert(kind) }
            return rows
        }
        let regions = builder.unique(table("regions", .region, builder.region), CrossReference.Kind.region.name)
        let standards = builder.unique(table("standards", .standard, builder.standard), CrossReference.Kind.standard.name)
        let schemes = builder.unique(table("schemes", .scheme, builder.scheme), CrossReference.Kind.scheme.name)
        let requirements = builder.unique(table("requirements", .req, builder.requirement), CrossReference.Kind.req.name)
        let events = table("events", nil, builder.event)
        let centres = builder.unique(table("centres", nil, builder.centre), Phrase(en: "centre", zh: "服务中心"))
        let bodies = builder.unique(table("bodies", .body, builder.body), CrossReference.Kind.body.name)
        let changes = table("changes", nil, builder.change)
        return Handbook(
            config: config, regions: regions, standards: standards, schemes: schemes, requirements: requirements,
            events: events, centres: centres, bodies: bodies, changes: changes,
            markets: builder.group(loaded, .market).compactMap(builder.market),
            products: builder.group(loaded, .product).compactMap(builder.product),
            pages: builder.pages(builder.group(loaded, .page)),
            unavailable: unavailable)
        .checkingUnknownTables(tables, files: files, log: log)
        .withContentRoot(root)
    }

    func loadConfig(_ files: ContentFiles, log: DiagnosticLog) -> SiteConfig? {
        let file = files.display("site.yml")
        let text: String
        switch files.text("site.yml") {
        case .success(let t): text = t
        case .failure(let d):
            log.add(d.code == .unreadableFile
                ? Diagnostic(.error, .unreadableFile, Phrase(en: "no site.yml in the content folder", zh: "内容文件夹中没有 site.yml"),
                             at: SourceLocation(file: file),
                             hint: Phrase(en: "is '\(root)' the content folder? It must hold site.yml",
                                          zh: "“\(root)”是内容文件夹吗？内容文件夹中必须有 site.yml"))
                : d)
            return nil
        }
        let value: RawValue?
        switch YAMLReader.read(text, file: file) {
        case .success(let v): value = v
        case .failure(let d): log.add(d); return nil
        }
        let before = log.errorCount
        let siteYML = Phrase(en: "site.yml", zh: "site.yml 文件")
        var r = RecordReader(value, what: siteYML, at: SourceLocation(file: file), languages: [], log: log)
        var languages = r.strings("languages")
        if languages.isEmpty {
            log.error(.missingField, Phrase(en: "site.yml has no 'languages'", zh: "site.yml 文件缺少字段“languages”"),
                      at: r.location, hint: Phrase(en: "add 'languages: [zh, en]'", zh: "添加“languages: [zh, en]”"))
            languages = ["en"]
        }
        r = RecordReader(value, what: siteYML, at: SourceLocation(file: file), languages: languages, log: log)
        _ = r.list("languages")
        let title = r.text("title", required: true)
        let description = r.text("description")
        var base = r.url("base_url") ?? "https://example.org/"
        if !base.hasSuffix("/") { base += "/" }
        let edit = r.url("edit_url")
        let feedback = r.url("feedback_url")
        let maxAge = r.int("review_max_age_days") ?? 365
        var allowRawHTML = false
        if var markdown = r.nested("markdown", what: Phrase(en: "'markdown' in site.yml", zh: "site.yml 中的“markdown”")) {
            allowRawHTML = markdown.word("unsafe_html", default: YesNo.no) == .yes
            markdown.finish()
        }
        var synonyms: [String: [String]] = [:]
        if var search = r.nested("search", what: Phrase(en: "'search' in site.yml", zh: "site.yml 中的“search”")) {
            if case .map(let map, _)? = search.raw("synonyms") {
                for entry in map.entries {
                    synonyms[entry.key, default: []] += RecordReader.items(entry.value, key: "synonyms", log: log).map(\.0)
                }
            } else if let other = search.raw("synonyms") {
                log.error(.wrongType, Phrase(en: "'synonyms' should be a map of word: phrase(s)",
                                             zh: "“synonyms”应为“词: 同义词（一个或多个）”的映射"),
                          at: other.location,
                          hint: Phrase(en: "e.g. synonyms: {ESS: [energy storage, 储能系统]}", zh: "例如 synonyms: {ESS: [energy storage, 储能系统]}"))
            }
            search.finish()
        }
        let terms = TermReader.read(r.raw("terms"), log: log)
        r.finish()
        guard log.errorCount == before else { return nil }
        var config = SiteConfig(title: title, description: description, languages: languages, baseURL: base,
                                editURL: edit, reviewMaxAgeDays: maxAge, allowRawHTML: allowRawHTML)
        config.searchSynonyms = synonyms
        config.terms = terms
        config.feedbackURL = feedback
        return config
    }
}

extension Unicode.Scalar {
    var isLowerAlnum: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}

extension Handbook {
    /// The same handbook, remembering the content folder it came from.
    func withContentRoot(_ root: String) -> Handbook {
        var copy = self
        copy.contentRoot = root
        return copy
    }

    /// Warns about tables in `data/` that the format does not know.
    func checkingUnknownTables(_ tables: [String: [String]], files: ContentFiles, log: DiagnosticLog) -> Handbook {
        for (name, paths) in tables where !TableReader.known.contains(name) {
            log.warning(.unexpectedFile, Phrase(en: "unknown table '\(name)'", zh: "未知的数据表“\(name)”")
                            + Suggestions.suggestion(name, in: TableReader.known),
                        at: SourceLocation(file: files.display(paths[0])),
                        hint: Phrase(en: "tables are: ", zh: "可用的数据表：") + .list(TableReader.known.sorted()))
        }
        return self
    }
}
