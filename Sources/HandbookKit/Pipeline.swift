import Foundation
import HandbookMarkdown

/// The pipeline: load → model → link → render → write. Each stage is a value-to-value step;
/// reading happens in `ContentLoader` and writing in `OutputDirectory`.
public enum Pipeline {
    /// Load and link: the loaded handbook and theme, with every problem in `log`; nil on errors.
    /// - Parameter loaded: called with the handbook and the prints of what it was made from as
    ///   soon as it is loaded (before the checks).
    /// - Parameter outlines: the body outlines a previous build kept, if any.
    static func loadAndLink(_ options: BuildOptions, log: DiagnosticLog, outlines: (() -> OutlineStore?)? = nil,
                            loaded: ((Handbook, InputPrints) -> Void)? = nil) -> (Handbook, TemplateSet, Backlinks)? {
        let loader = ContentLoader(root: options.content, timer: options.timer)
        guard var (handbook, prints) = loader.loadWithPrints(log: log, outlines: outlines) else { return nil }
        options.timer?.mark("load")
        if var base = options.baseURL {
            if !base.hasSuffix("/") { base += "/" }
            handbook.config.baseURL = base
        }
        let h = handbook
        if let loaded {
            prints.options = InputPrints.optionsKey(options)
            prints.templates = InputPrints.templates(options.templates)
            loaded(h, prints)
        }
        let warnings = ContentWarnings(handbook: h, today: options.today, log: log)
        // Independent checks over the same handbook, on both cores (the log sorts what they find).
        let backlinks = Background {
            warnings.checkOrphans()
            return Backlinks(h)
        }
        ReferenceChecker(handbook: h, log: log).check()
        warnings.check()
        warnings.checkTextFields()
        TranslationWarnings(handbook: h, log: log).check()
        let templates = TemplateSet.load(options.templates, languages: h.config.languages, log: log)
        guard let templates else {
            _ = backlinks.wait()
            return nil
        }
        let links = backlinks.wait()
        options.timer?.mark("templates+link")
        return (handbook, templates, links)
    }

    /// True when the problems so far fail the build: any error, or any warning with `strict`.
    static func failed(_ log: DiagnosticLog, _ options: BuildOptions) -> Bool {
        log.errorCount > 0 || (options.strict && log.warningCount > 0)
    }

    /// `handbook check`: load and link everything, resolving every link in every language; writes nothing.
    /// - Parameters:
    ///   - report: receives the editorial report (coverage, staleness) when given.
    ///   - loaded: receives the handbook as soon as it is loaded (before the checks).
    public static func check(_ options: BuildOptions, log: DiagnosticLog, report: ((String) -> Void)? = nil,
                             loaded: ((Handbook) -> Void)? = nil) -> Bool {
        guard let (h, _, _) = loadAndLink(options, log: log, loaded: loaded.map { hand in { h, _ in hand(h) } }) else { return false }
        resolveAllLinks(h, options, log: log)
        report?(EditorialReport(handbook: h, today: options.today, language: options.messages).text)
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
            log.error(.invalidValue, Phrase(en: "'\(l)' is not a language of this site", zh: "“\(l)”不是本站的语言"),
                      at: SourceLocation(file: options.content + "/site.yml"),
                      hint: Phrase(en: "use one of: ", zh: "可用的语言：") + .list(h.config.languages))
            return nil
        }
        let index = SearchIndex(SearchDocuments.collect(h, language: l), synonyms: h.config.searchSynonyms)
        return index.search(query, limit: limit).map {
            (index.documents[$0].kind.rawValue, index.documents[$0].title, index.documents[$0].route.path)
        }
    }

    /// `handbook build`. Over an output whose recorded state it trusts, the inputs are compared
    /// with what that output was made from and the resulting change plan is carried out in place
    /// (`InPlaceBuild`); otherwise (a first build, `--clean`, a change to site.yml, the theme's
    /// layout or the list of guides) the whole site goes into a staging folder swapped in only
    /// without errors. Either way nothing is written before the whole site is loaded and checked.
    public static func build(_ options: BuildOptions, log: DiagnosticLog) throws -> BuildSummary? {
        // The search index needs only the loaded handbook: it is made beside everything after.
        var search: Background<[(String, SearchIndex)]>?
        let timer = options.timer
        defer { _ = search?.wait() }   // never leave it running on a failed build
        // What the previous output was made from, and its search indexes, read while the content loads.
        let state = options.clean ? nil : Background { BuildState.read(options.output) }
        let stored = options.clean ? nil : Background { InPlaceBuild.storedIndexes(options.output) }
        let key = InputPrints.optionsKey(options)
        let outlines = options.clean ? nil : Background { OutlineStore.read(options.output, key: key) }
        defer { _ = stored?.wait(); _ = state?.wait(); _ = outlines?.wait() }
        var previous: BuildState?
        var plan = ChangePlan.everything, inputs = InputPrints(options: "")
        guard let (h, templates, backlinks) = loadAndLink(options, log: log, outlines: { outlines?.wait() ?? nil }, loaded: { h, prints in
            inputs = prints
            previous = state?.wait()
            if let previous { plan = ChangePlan.classify(prints.changes(since: previous.inputs)) }
            // The PDF editions show everything: any change makes them, and the site, again.
            if options.pdf, plan != .nothing { plan = .everything }
            switch plan {
            case .nothing, .templates: return
            case .bodies, .content:
                // The stored indexes are updated instead, when there are stored indexes.
                let indexes = stored?.wait() ?? [:]
                if h.config.languages.allSatisfy({ indexes[$0] != nil }) { return }
            case .everything: break
            }
            search = Background {
                h.config.languages.map { l in
                    let start = Date()
                    let index = SearchIndex.build(h, language: l, keepText: false, timer: timer)
                    timer?.record("  beside: search index \(l)", since: start)
                    return (l, index)
                }
            }
        }) else { return nil }
        guard !failed(log, options) else {
            resolveAllLinks(h, options, log: log)   // report link problems too, all at once
            return nil
        }
        if let previous, plan != .everything {
            let root = try OutputDirectory.check(options.output, protecting: [options.content, options.templates])
            if !options.dryRun { OutputDirectory.removeLeftovers(of: root) }
            // A whole build finds link problems as it renders every page; here they are looked for.
            resolveAllLinks(h, options, log: log)
            timer?.mark("links")
            guard !failed(log, options) else { return nil }
            let update = InPlaceBuild(handbook: h, templates: templates, backlinks: backlinks, options: options,
                                      previous: previous, inputs: inputs, root: root.path)
            let summary = try update.run(plan, stored: stored?.wait() ?? [:], fresh: search?.wait())
            if options.keepUntilExit { keepUntilExit(h, templates, backlinks) }
            return summary
        }
        guard let search else { return nil }   // started whenever the plan is `.everything`
        let output = try OutputDirectory(path: options.output, protecting: [options.content, options.templates])
        output.timer = options.timer
        do {
            let prints = OutputPrints()
            prints.timer = options.timer
            // What the next build reads besides the state (made beside the pages).
            let made = inputs, staging = output.staging.path, dryRun = options.dryRun
            var summary = try write(h, templates, backlinks, search, options, output: output, prints: prints, records: {
                let start = Date()
                if !dryRun { try FileIO.write(staging + "/" + OutlineStore.file, OutlineStore(h, prints: made).encoded(key: made.options)) }
                timer?.record("  beside: outlines", since: start)
            }, log: log)
            if options.keepUntilExit { keepUntilExit(h, templates, backlinks) }
            guard !failed(log, options) else {
                output.discard()
                return nil
            }
            (summary.new, summary.changed, summary.unchanged, summary.deleted) = output.plan(sorted: options.dryRun)
            summary.plan = previous == nil && !options.clean ? .first : .whole
            summary.pagesRendered = summary.pagesPerLanguage * h.config.languages.count
            if options.dryRun {
                output.discard()
                return summary
            }
            try BuildState(inputs: inputs, backlinks: backlinks.guides, outputs: prints.outputs).write(output.staging.path)
            options.timer?.mark("state")
            try output.commit()
            options.timer?.mark("swap")
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    /// Takes a reference the process never gives back, so `value` is freed by the exit.
    private static func keepUntilExit(_ values: Any...) {
        _ = Unmanaged.passRetained(values as AnyObject)
    }

    private static func write(_ h: Handbook, _ templates: TemplateSet, _ backlinks: Backlinks,
                              _ search: Background<[(String, SearchIndex)]>, _ options: BuildOptions,
                              output: OutputDirectory, prints: OutputPrints, records: @escaping @Sendable () throws -> Void,
                              log: DiagnosticLog) throws -> BuildSummary {
        var made = SiteOutput(h, templates, backlinks, options, log: log)
        let files = FileCounter()
        let write: SiteOutput.Emit = { path, bytes in
            try output.write(path, bytes)
            files.add()
        }
        // The PDF editions first: the home pages link them with their sizes.
        let books = options.pdf ? try made.makeBooks(emit: prints.recording(.data, then: write)) : []
        if options.pdf { options.timer?.mark("PDF editions") }
        let site = made
        let emit = prints.recording(.page, then: write)
        let pages = site.allPages
        let timer = options.timer, keep = options.keepUntilExit
        // The data files and the search index are made beside the pages: each stage's serial
        // parts (merging the index, writing the JSON) then overlap the other's parallel work.
        try inParallel({
            try site.renderPages(pages, progress: ProgressCounter(total: pages.count, report: options.progress), emit: emit)
            timer?.mark("render+write")
        }, beside: {
            let start = Date()
            try site.assetFiles(emit: prints.recording(.asset, then: write))
            try site.dataFiles(emit: prints.recording(.data, then: write))
            timer?.record("  beside: data files", since: start)
            for (l, index) in search.wait() {
                let start = Date()
                let tokens = timed(timer, "search: sort tokens") { index.postings.keys.sorted() }
                try SiteOutput.emitAll(site.searchFiles(index, language: l, sortedTokens: tokens), emit: prints.recording(.search, then: write))
                if !options.dryRun {
                    let bytes = timed(timer, "search: store") { index.stored(sortedTokens: tokens) }
                    try FileIO.write(output.staging.path + "/" + InPlaceBuild.searchStore(l), bytes)
                }
                timer?.record("  beside: search files \(l)", since: start)
                if keep { keepUntilExit(index) }
            }
            try records()
        })
        timer?.mark("waiting for search")
        if options.keepUntilExit { keepUntilExit(site) }
        var summary = BuildSummary(pagesPerLanguage: pages.count / max(1, h.config.languages.count),
                                   languages: h.config.languages, files: files.count)
        summary.books = books
        return summary
    }
}
