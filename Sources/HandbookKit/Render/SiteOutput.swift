/// Every file of the site, handed to a writer: pages, assets, data files and the search index.
/// `Pipeline.build` writes them all; `LiveSite` writes the ones an edit changes.
struct SiteOutput {
    /// Receives one output file (path relative to the output folder, bytes); called from several threads.
    typealias Emit = @Sendable (String, [UInt8]) throws -> Void

    let handbook: Handbook
    let templates: TemplateSet
    var renderer: SiteRenderer
    let assets: Assets
    let options: BuildOptions

    /// Prepares rendering, reading the theme's assets; link problems found while rendering go to `log`.
    init(_ h: Handbook, _ templates: TemplateSet, _ backlinks: Backlinks, _ options: BuildOptions, log: DiagnosticLog) {
        self.init(h, templates, backlinks, options, assets: Assets.load(options.templates, log: log), log: log)
    }

    /// Prepares rendering with assets already read.
    init(_ h: Handbook, _ templates: TemplateSet, _ backlinks: Backlinks, _ options: BuildOptions, assets: Assets,
         log: DiagnosticLog) {
        handbook = h
        self.templates = templates
        self.options = options
        self.assets = assets
        renderer = SiteRenderer(
            handbook: h, templates: templates, backlinks: backlinks,
            resolver: LinkResolver(handbook: h, log: log, fileLinks: options.fileLinks),
            assets: assets.routes, today: options.today, fileLinks: options.fileLinks,
            htmlOptionsByLanguage: SiteRenderer.htmlOptions(h, templates))
    }

    /// Every page in every language.
    var allPages: [(PageKind, String)] {
        let kinds = PageKind.all(handbook)
        return handbook.config.languages.flatMap { l in kinds.map { ($0, l) } }
    }

    /// Renders `pages` on all cores.
    func renderPages(_ pages: [(PageKind, String)], progress: ProgressCounter? = nil, emit: Emit) throws {
        let failures = pages.parallelMap { kind, l -> OutputDirectory.Failure? in
            defer { progress?.step() }
            let (route, html) = timed(options.timer, "render pages (Markdown to HTML, templates)") { renderer.render(kind, l) }
            do {
                try emit(route.file, html)
                return nil
            } catch {
                return OutputDirectory.Failure(error)
            }
        }.compactMap { $0 }
        if let first = failures.first { throw first }
    }

    /// Hands `files` to `emit` on all cores; throws the first failure.
    static func emitAll(_ files: [(String, [UInt8])], emit: Emit) throws {
        let failures = files.parallelMap { path, bytes -> OutputDirectory.Failure? in
            do {
                try emit(path, bytes)
                return nil
            } catch {
                return OutputDirectory.Failure(error)
            }
        }.compactMap { $0 }
        if let first = failures.first { throw first }
    }

    /// The theme's assets, fingerprinted.
    func assetFiles(emit: Emit) throws {
        for asset in assets.files { try emit(asset.route.file, asset.bytes) }
    }

    /// The sitemap, robots.txt, matrix CSV, JSON API, feeds, language choice, 404 page and
    /// (when asked for) the editorial report: the files made from the whole handbook.
    func dataFiles(emit: Emit) throws {
        let h = handbook
        let data = DataFiles(handbook: h)
        try emit(Routes.sitemap.file, Array(data.sitemap(PageKind.all(h)).utf8))
        try emit(Routes.robots.file, Array(data.robots().utf8))
        try emit(Routes.matrixCSV.file, Array(data.matrixCSV().utf8))
        try emit(Routes.api.file, data.api())
        for l in h.config.languages {
            try emit(Routes.feed(l).file, Array(data.feed(l, strings: templates.strings[l] ?? [:]).utf8))
            for (route, text) in data.recordFeeds(l, strings: templates.strings[l] ?? [:]) {
                try emit(route.file, Array(text.utf8))
            }
        }
        if options.writeReport {
            try emit("report/index.txt", Array(EditorialReport(handbook: h, today: options.today, language: options.messages).text.utf8))
        }
        try emit(Routes.languageChoice.file, renderer.languageChoice())
        let css = assets.files.first { assets.routes["style.css"] == $0.route }?.bytes
        try emit(Routes.notFound.file, renderer.notFound(css: css))
    }

    /// The search documents of language `l`.
    func searchDocuments(_ l: String) -> [SearchDocument] {
        SearchDocuments.collect(handbook, language: l)
    }

    /// The files of a search index in language `l` (all of them, or only `shards` and `chunks`).
    func searchFiles(_ index: SearchIndex, language l: String, only: SearchShards.Selection? = nil,
                     sortedTokens: [String]? = nil) -> [(String, [UInt8])] {
        SearchShards(index: index, page: Routes.search(l), fileLinks: options.fileLinks).files(only: only, sortedTokens: sortedTokens).map {
            (Routes.search(l).path + "index/" + $0.0, $0.1)
        }
    }
}
