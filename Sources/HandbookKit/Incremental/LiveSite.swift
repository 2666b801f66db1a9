import Foundation
import HandbookMarkdown

/// The site kept in memory while `handbook serve` runs. After the first build, each batch of
/// changed files is classified (`LiveUpdate.Kind`) and only what it affects is rendered again:
/// pages, data files and search-index files. A file whose bytes did not change is not rewritten.
/// When an edit brings errors, nothing is written and the last good site stays in place.
///
/// Not thread-safe: one caller (the preview's rebuild loop) drives it.
public final class LiveSite: @unchecked Sendable {
    public let options: BuildOptions
    let files: ContentFiles
    let contentRoot: String
    let templatesRoot: String

    /// The content as last read: configuration, file lists, loaded guides with their own problems.
    var config: SiteConfig?
    var configDiagnostics: [Diagnostic] = []
    var guidePaths: [String: MarkdownFile.Kind] = [:]
    var tablePaths: [String: [String]] = [:]
    var scanDiagnostics: [Diagnostic] = []
    var loaded: [String: Loaded] = [:]

    /// The site as served, and whether it reflects every file as it is now.
    var state: State?
    var inSync = false
    /// Problems of the whole (tables, references, warnings), of the theme, and of links by file.
    var baseDiagnostics: [Diagnostic] = []
    var templateDiagnostics: [Diagnostic] = []
    var linkDiagnostics: [String: [Diagnostic]] = [:]
    /// Output file → hash of its bytes, for every file the served site has.
    var hashes: [String: Int] = [:]
    var searches: [String: SearchIndex] = [:]

    /// Every problem of the content as last read.
    public internal(set) var diagnostics: [Diagnostic] = []

    /// A guide file as last read, with the problems found reading it.
    struct Loaded {
        var file: MarkdownFile?
        var diagnostics: [Diagnostic]
        /// Size and modification time when read, to tell whether it changed since.
        var stamp: FileIO.Stamp?
    }

    /// What the served site was made from.
    struct State {
        var handbook: Handbook
        var templates: TemplateSet
        var backlinks: Backlinks
        var assets: Assets
        /// Guide (`page guides/x`) → what its links point at (`market sa`).
        var targets: [RecordKey: Set<RecordKey>]
    }

    /// Prepares a live site; nothing is read until `build()`.
    public init(options: BuildOptions) {
        self.options = options
        files = ContentFiles(root: options.content)
        contentRoot = Self.absolute(options.content)
        templatesRoot = Self.absolute(options.templates)
    }

    /// The absolute, standardised form of a folder (how the file watcher reports paths).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The folders to watch: content and templates.
    public var watchedFolders: [String] { [contentRoot, templatesRoot] }

    /// The first build: everything, swapped into the output folder as `handbook build` does.
    /// Throws `OutputDirectory.Failure` for an output folder `handbook build` would refuse, even
    /// when the content has errors (the preview serves that folder).
    public func build() throws -> LiveUpdate {
        _ = try OutputDirectory.check(options.output, protecting: [options.content, options.templates])
        return try rebuildAll(kind: .first)
    }

    /// Rebuilds after the files at `paths` (absolute) changed, were added or were removed: the
    /// change is classified into a plan, then the plan is carried out.
    public func update(_ paths: [String]) throws -> LiveUpdate {
        let changes = Set(paths.compactMap { LiveChange.place($0, content: contentRoot, templates: templatesRoot) })
            .filter(matters)
        switch plan(changes) {
        case .nothing:
            return LiveUpdate(kind: .none, changedFiles: [], pagesRendered: 0, diagnostics: diagnostics, failed: false)
        case .everything:
            return try rebuildAll(kind: .whole)
        case .templates(let names):
            return try rebuildTemplates(names)
        case .bodies(let paths):
            if let update = try rebuildBodies(paths) { return update }
            return try rebuildContent(guides: paths, tables: false)
        case .content(let paths, let tables):
            return try rebuildContent(guides: paths, tables: tables)
        }
    }

    /// What `changes` require. Changed guides are read again here (whether only a body changed is
    /// known once the file is read); what is read is kept for the rebuild.
    func plan(_ changes: Set<LiveChange>) -> ChangePlan {
        if changes.isEmpty { return .nothing }
        guard inSync, state != nil else { return .everything }
        var inputs: [InputChange] = []
        var reloaded: [String: Loaded] = [:]
        for change in changes {
            switch change {
            case .config: inputs.append(.config)
            case .template(let path), .asset(let path): inputs.append(.theme(path))
            case .table: inputs.append(.table)
            case .other(let path): inputs.append(.unknownFile(path))
            case .guide(let path, let kind):
                // A guide added or removed changes the site's list of pages.
                guard FileManager.default.fileExists(atPath: files.display(path)), guidePaths[path] != nil else {
                    inputs.append(.guideAddedOrRemoved(path))
                    continue
                }
                let new = load(path, kind)
                let old = loaded[path]
                let bodyOnly = new.file?.body != nil && old?.file?.body != nil && new.file?.frontMatterText == old?.file?.frontMatterText
                inputs.append(bodyOnly ? .body(path) : .frontMatter(path))
                reloaded[path] = new
            }
        }
        loaded.merge(reloaded) { $1 }
        return ChangePlan.classify(inputs)
    }

    /// A change to a file that was and still is not part of the site (an editor's temporary file
    /// that came and went) does not matter.
    private func matters(_ change: LiveChange) -> Bool {
        guard case .other(let path) = change else { return true }
        return FileManager.default.fileExists(atPath: files.display(path)) || scanDiagnostics.contains {
            $0.location.file == files.display(path)
        }
    }

    /// Reads one guide file.
    func load(_ path: String, _ kind: MarkdownFile.Kind) -> Loaded {
        let log = DiagnosticLog()
        let stamp = FileIO.stamp(files.display(path))
        let file = config.flatMap { MarkdownFile.load(path, kind: kind, files: files, config: $0, log: log) }
        return Loaded(file: file, diagnostics: log.all, stamp: stamp)
    }

    /// Builds everything again from the files (reading again only the guides that changed, unless
    /// site.yml did), writing what differs from the served site.
    func rebuildAll(kind: LiveUpdate.Kind) throws -> LiveUpdate {
        let log = DiagnosticLog()
        let previousConfig = config
        config = ContentLoader(root: options.content).loadConfig(files, log: log)
        configDiagnostics = log.all
        guard var config else { return finish(kind, failed: true) }
        if let base = options.baseURL { config.baseURL = base.hasSuffix("/") ? base : base + "/" }
        let scanLog = DiagnosticLog()
        guard let (markdown, tables) = ContentLoader(root: options.content).scan(files, log: scanLog) else {
            scanDiagnostics = scanLog.all
            return finish(kind, failed: true)
        }
        scanDiagnostics = scanLog.all
        let sameConfig = previousConfig.map { $0.languages == config.languages } ?? false
        guidePaths = Dictionary(markdown, uniquingKeysWith: { a, _ in a })
        tablePaths = tables
        let stale = markdown.filter { path, _ in !sameConfig || loaded[path] == nil || isNewer(path) }
        let fresh = stale.parallelMap { path, kind in (path, self.load(path, kind)) }
        loaded = loaded.filter { guidePaths[$0.key] != nil }
        for (path, entry) in fresh { loaded[path] = entry }
        self.config = config
        let assembleLog = DiagnosticLog()
        let h = assemble(config, log: assembleLog)
        baseDiagnostics = assembleLog.all
        let themeLog = DiagnosticLog()
        let templates = TemplateSet.load(options.templates, languages: config.languages, log: themeLog)
        let assets = Assets.load(options.templates, log: themeLog)
        templateDiagnostics = themeLog.all
        let (links, targets) = linkPass(h)
        linkDiagnostics = links
        guard let templates, !hasFailed() else {
            inSync = false
            return finish(kind, failed: true)
        }
        let next = State(handbook: h, templates: templates, backlinks: Backlinks(h), assets: assets, targets: targets)
        let site = output(next)
        let pages = site.allPages
        let collector = OutputCollector()
        try site.renderPages(pages, emit: collector.emit)
        try site.assetFiles(emit: collector.emit)
        try site.dataFiles(emit: collector.emit)
        var produced = collector.files
        var indexes: [String: SearchIndex] = [:]
        for l in config.languages {
            let index = SearchIndex(site.searchDocuments(l), synonyms: config.searchSynonyms)
            indexes[l] = index
            produced += site.searchFiles(index, language: l)
        }
        let changed: [String]
        if state == nil || kind == .first {
            changed = try swapIn(produced)
        } else {
            changed = try writeChanges(produced, removingOthers: true)
        }
        state = next
        searches = indexes
        inSync = true
        return finish(kind, changed: changed, pages: pages.count)
    }

    /// True when a guide file changed on disk after it was last read.
    private func isNewer(_ path: String) -> Bool {
        guard let stamp = loaded[path]?.stamp else { return true }
        return FileIO.stamp(files.display(path)) != stamp
    }

    /// The handbook from the guides as last read and the tables as they are now.
    func assemble(_ config: SiteConfig, log: DiagnosticLog) -> Handbook {
        let guides = loaded.keys.sorted().compactMap { loaded[$0]?.file }
        let h = ContentLoader(root: options.content).assemble(config, guides, tables: tablePaths, files: files, log: log)
        options.timer?.mark("assemble")
        ReferenceChecker(handbook: h, log: log).check()
        options.timer?.mark("references")
        let warnings = ContentWarnings(handbook: h, today: options.today, log: log)
        warnings.check()
        warnings.checkTextFields()
        TranslationWarnings(handbook: h, log: log).check()
        warnings.checkOrphans()
        return h
    }

    /// The renderer over a state (link problems found while rendering were already reported).
    func output(_ s: State) -> SiteOutput {
        SiteOutput(s.handbook, s.templates, s.backlinks, options, assets: s.assets, log: DiagnosticLog())
    }

    /// The result of an update.
    func finish(_ kind: LiveUpdate.Kind, changed: [String] = [], pages: Int = 0, failed: Bool = false) -> LiveUpdate {
        if failed { diagnostics = collectDiagnostics() }
        return LiveUpdate(kind: kind, changedFiles: changed.sorted(), pagesRendered: pages, diagnostics: diagnostics,
                          failed: failed)
    }
}
