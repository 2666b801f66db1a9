import Foundation
import HandbookMarkdown

/// The pipeline: load → model → link → render → write. Each stage is a value-to-value step;
/// reading happens in `ContentLoader` and writing in `OutputDirectory`.
public enum Pipeline {
    /// Load and link: the loaded handbook and theme, with every problem in `log`; nil on errors.
    static func loadAndLink(_ options: BuildOptions, log: DiagnosticLog) -> (Handbook, TemplateSet, Backlinks)? {
        guard var handbook = ContentLoader(root: options.content).load(log: log) else { return nil }
        options.timer?.mark("load")
        if var base = options.baseURL {
            if !base.hasSuffix("/") { base += "/" }
            handbook.config.baseURL = base
        }
        let templates = TemplateSet.load(options.templates, languages: handbook.config.languages, log: log)
        ReferenceChecker(handbook: handbook, log: log).check()
        let warnings = ContentWarnings(handbook: handbook, today: options.today, log: log)
        warnings.check()
        warnings.checkTextFields()
        warnings.checkOrphans()
        guard let templates else { return nil }
        let backlinks = Backlinks(handbook)
        options.timer?.mark("templates+link")
        return (handbook, templates, backlinks)
    }

    /// True when the problems so far fail the build: any error, or any warning with `strict`.
    static func failed(_ log: DiagnosticLog, _ options: BuildOptions) -> Bool {
        log.errorCount > 0 || (options.strict && log.warningCount > 0)
    }

    /// `handbook check`: load and link everything, resolving every link in every language; writes nothing.
    /// - Parameter report: receives the editorial report (coverage, staleness) when given.
    public static func check(_ options: BuildOptions, log: DiagnosticLog, report: ((String) -> Void)? = nil) -> Bool {
        guard let (h, _, _) = loadAndLink(options, log: log) else { return false }
        resolveAllLinks(h, options, log: log)
        report?(EditorialReport(handbook: h, today: options.today).text)
        return log.errorCount == 0
    }

    /// Resolves the links of every guide body in every language, for their diagnostics.
    static func resolveAllLinks(_ h: Handbook, _ options: BuildOptions, log: DiagnosticLog) {
        let resolver = LinkResolver(handbook: h, log: log, fileLinks: options.fileLinks)
        let guides = h.markets.enumerated().map { (PageKind.market($0.offset), $0.element.guide) }
            + h.products.enumerated().map { (PageKind.product($0.offset), $0.element.guide) }
            + h.pages.enumerated().map { ($0.element.isHomeIntro ? PageKind.home : .page($0.offset), $0.element.guide) }
        var jobs: [(Guide.Body, Route, String)] = []
        for l in h.config.languages {
            for (kind, guide) in guides {
                if let body = guide.body(l, defaultLanguage: h.config.defaultLanguage).body {
                    jobs.append((body, kind.route(l, in: h), l))
                }
            }
        }
        _ = jobs.parallelMap { body, route, l in resolver.resolve(body, from: route, language: l).count }
    }

    /// `handbook search`: the pages a query finds in `language`, best first (as the site's search
    /// page ranks them), as (kind, title, route); nil when the content does not load.
    public static func search(_ query: String, language: String?, limit: Int, _ options: BuildOptions,
                              log: DiagnosticLog) -> [(kind: String, title: String, route: String)]? {
        guard let h = ContentLoader(root: options.content).load(log: log), log.errorCount == 0 else { return nil }
        let l = language ?? h.config.defaultLanguage
        guard h.config.languages.contains(l) else {
            log.error(.invalidValue, "'\(l)' is not a language of this site", at: SourceLocation(file: options.content + "/site.yml"),
                      hint: "use one of: \(h.config.languages.joined(separator: ", "))")
            return nil
        }
        let index = SearchIndex(SearchDocuments.collect(h, language: l), synonyms: h.config.searchSynonyms)
        return index.search(query, limit: limit).map {
            (index.documents[$0].kind.rawValue, index.documents[$0].title, index.documents[$0].route.path)
        }
    }

    /// `handbook build`: the whole pipeline into a staging folder, swapped in only without errors.
    public static func build(_ options: BuildOptions, log: DiagnosticLog) throws -> BuildSummary? {
        guard let (h, templates, backlinks) = loadAndLink(options, log: log) else { return nil }
        guard !failed(log, options) else {
            resolveAllLinks(h, options, log: log)   // report link problems too, all at once
            return nil
        }
        let output = try OutputDirectory(path: options.output, protecting: [options.content, options.templates])
        do {
            var summary = try write(h, templates, backlinks, options, output: output, log: log)
            guard !failed(log, options) else {
                output.discard()
                return nil
            }
            (summary.new, summary.changed, summary.unchanged, summary.deleted) = output.plan()
            if options.dryRun {
                output.discard()
                return summary
            }
            try output.commit()
            options.timer?.mark("swap")
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    private static func write(_ h: Handbook, _ templates: TemplateSet, _ backlinks: Backlinks, _ options: BuildOptions,
                              output: OutputDirectory, log: DiagnosticLog) throws -> BuildSummary {
        let assets = Assets.load(options.templates, log: log)
        let renderer = SiteRenderer(
            handbook: h, templates: templates, backlinks: backlinks,
            resolver: LinkResolver(handbook: h, log: log, fileLinks: options.fileLinks),
            assets: assets.routes, today: options.today, fileLinks: options.fileLinks)
        let kinds = PageKind.all(h)
        let jobs = h.config.languages.flatMap { l in kinds.map { ($0, l) } }
        let counter = ProgressCounter(total: jobs.count, report: options.progress)
        let failures = jobs.parallelMap { kind, l -> String? in
            defer { counter.step() }
            let (route, html) = renderer.render(kind, l)
            do {
                try output.write(route.file, html)
                return nil
            } catch {
                return "\(error)"
            }
        }.compactMap { $0 }
        if let first = failures.first { throw OutputDirectory.Failure(description: first) }
        options.timer?.mark("render+write")
        for asset in assets.files { try output.write(asset.route.file, asset.bytes) }
        let data = DataFiles(handbook: h)
        try output.write(Routes.sitemap.file, data.sitemap(kinds))
        try output.write(Routes.robots.file, data.robots())
        try output.write(Routes.matrixCSV.file, data.matrixCSV())
        try output.write(Routes.api.file, [UInt8](data.api()))
        for l in h.config.languages {
            try output.write(Routes.feed(l).file, data.feed(l, strings: templates.strings[l] ?? [:]))
        }
        options.timer?.mark("data files")
        var searchFiles = 0
        for l in h.config.languages {
            let index = SearchIndex(SearchDocuments.collect(h, language: l), synonyms: h.config.searchSynonyms)
            let shards = SearchShards(index: index, page: Routes.search(l), fileLinks: options.fileLinks)
            for (name, text) in shards.files() {
                try output.write(Routes.search(l).path + "index/" + name, text)
                searchFiles += 1
            }
        }
        options.timer?.mark("search index")
        if options.writeReport {
            try output.write("report/index.txt", EditorialReport(handbook: h, today: options.today).text)
        }
        try output.write(Routes.languageChoice.file, renderer.languageChoice())
        try output.write(Routes.notFound.file, renderer.notFound())
        return BuildSummary(pagesPerLanguage: kinds.count, languages: h.config.languages,
                            files: jobs.count + assets.files.count + 6 + h.config.languages.count + searchFiles)
    }
}
