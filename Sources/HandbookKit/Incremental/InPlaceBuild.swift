import Foundation

/// `handbook build` over an output folder whose state it trusts: carries out a change plan in
/// place. It renders only the pages the plan names (and the data and search files when the plan
/// touches what they show), writes the files whose bytes differ from the recorded hashes (each
/// beside its place, then renamed over it), deletes the pages and files the site no longer has,
/// and records the new state last.
struct InPlaceBuild {
    let handbook: Handbook
    let templates: TemplateSet
    let backlinks: Backlinks
    let options: BuildOptions
    /// The state of the output as it is.
    let previous: BuildState
    /// What this build is made from.
    let inputs: InputPrints
    /// The output folder (absolute, checked).
    let root: String

    /// The file in the output folder that keeps the search index of language `l`.
    static func searchStore(_ l: String) -> String { ".handbook-search-\(l)" }

    /// The search indexes kept in the output folder at `root`, by language (read while the
    /// content loads).
    static func storedIndexes(_ root: String) -> [String: SearchIndex] {
        let prefix = searchStore("")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasPrefix(prefix) }
        var out: [String: SearchIndex] = [:]
        for name in names {
            if case .success(let bytes) = FileIO.read(root + "/" + name, limit: Int.max), let index = SearchIndex.restore(bytes) {
                out[String(name.dropFirst(prefix.count))] = index
            }
        }
        return out
    }

    /// Carries out `plan` (anything but `.everything`, which the staging build does).
    /// - Parameters:
    ///   - stored: the search indexes kept in the output folder (`storedIndexes`), to update.
    ///   - fresh: the search index of every language made anew, when it was (without a stored
    ///     index to update).
    func run(_ plan: ChangePlan, stored: [String: SearchIndex], fresh: [(String, SearchIndex)]?) throws -> BuildSummary {
        let h = handbook
        let site = SiteOutput(h, templates, backlinks, options, log: DiagnosticLog())   // links were checked before
        let paths: [String] = switch plan {
        case .bodies(let paths), .content(let paths, _): paths
        case .nothing, .everything, .templates: []
        }
        let work = PlanWork(plan, in: h, keys: h.guideKeys(ofFiles: paths), backlinks: (previous.backlinks, backlinks.guides),
                            targets: pageTargets, writeReport: options.writeReport)
        let prints = OutputPrints(), collector = OutputCollector()
        let pages = h.config.languages.flatMap { l in work.pages.map { ($0, l) } }
        let timer = options.timer
        timer?.mark("in place: plan")
        try site.renderPages(pages, emit: prints.recording(.page, then: collector.emit))
        if work.dataFiles { try site.dataFiles(emit: prints.recording(.data, then: collector.emit)) }
        timer?.mark("in place: render \(pages.count) pages")
        var stores: [(String, [UInt8])] = [], searchGone: [String] = [], searchRedone: Set<String> = []
        if work.touchesSearch {
            for l in h.config.languages {
                let (index, only, gone) = search(l, work, stored: stored[l], fresh: fresh?.first { $0.0 == l }?.1)
                if only == nil { searchRedone.insert(Routes.search(l).path + "index/") }
                searchGone += gone
                try SiteOutput.emitAll(site.searchFiles(index, language: l, only: only), emit: prints.recording(.search, then: collector.emit))
                if only.map({ !$0.shards.isEmpty || !$0.chunks.isEmpty }) ?? true {
                    let start = Date()
                    stores.append((Self.searchStore(l), index.stored()))
                    timer?.record("  search: store", since: start)
                }
            }
        }
        timer?.mark("in place: search")
        // What differs from the output as recorded, and what it has that the site no longer has.
        var outputs = previous.outputs
        var new: [String] = [], changed: [String] = [], deleted: [String] = []
        let made = prints.outputs
        for (path, output) in made where previous.outputs[path]?.hash != output.hash {
            if previous.outputs[path] == nil { new.append(path) } else { changed.append(path) }
            outputs[path] = output
        }
        let pageFiles = work.pagesMayGo ? Set(site.allPages.map { $0.0.route($0.1, in: h).file }) : []
        for (path, output) in previous.outputs {
            let gone = switch output.category {
            case .page: work.pagesMayGo && !pageFiles.contains(path)
            case .data: work.dataFiles && made[path] == nil
            case .search: searchGone.contains(path) || (made[path] == nil && searchRedone.contains { path.hasPrefix($0) })
            case .asset: false
            }
            if gone {
                deleted.append(path)
                outputs[path] = nil
            }
        }
        let summary = Self.summary(h, plan: plan, pages: pages.count, outputs: outputs, new: new, changed: changed,
                                   deleted: deleted, sorted: options.dryRun)
        if options.dryRun { return summary }
        let state = BuildState(inputs: inputs, backlinks: backlinks.guides, outputs: outputs)
        if inputs.guides != previous.inputs.guides {
            stores.append((OutlineStore.file, OutlineStore(h, prints: inputs).encoded(key: inputs.options)))
        }
        let writes = Set(new + changed)
        try write(collector.files.filter { writes.contains($0.0) }, deleting: deleted, stores: stores, state: state)
        timer?.mark("in place: write")
        return summary
    }

    /// Writes and deletes files in place, then the state. While it works, the folder is marked as
    /// being written and has no state, so a build stopped half-way is repaired by the next one.
    private func write(_ files: [(String, [UInt8])], deleting deleted: [String], stores: [(String, [UInt8])],
                       state: BuildState) throws {
        if files.isEmpty && deleted.isEmpty && stores.isEmpty {
            if state != previous { try state.write(root) }
            return
        }
        let marker = root + "/" + BuildState.writing
        try FileIO.write(marker, [])
        BuildState.remove(root)
        let live = LiveOutput(root: root)
        for result in files.parallelMap({ path, bytes in Result { try live.write(path, bytes) } }) { try result.get() }
        for path in deleted { live.remove(path) }
        for (name, bytes) in stores { try FileIO.write(root + "/" + name, bytes) }
        try state.write(root)
        unlink(marker)
    }

    /// The search index of language `l` with the entries `work` makes again: the stored index
    /// updated, or, without one or when records were added or removed, made anew. Returns it with
    /// the files to write (nil: all) and the files gone.
    private func search(_ l: String, _ work: PlanWork, stored: SearchIndex?, fresh: SearchIndex?)
        -> (SearchIndex, SearchShards.Selection?, [String]) {
        let h = handbook
        let remake = { fresh ?? SearchIndex.build(h, language: l, keepText: false) }
        guard var index = stored?.with(synonyms: h.config.searchSynonyms) else { return (remake(), nil, []) }
        let start = Date()
        defer { options.timer?.record("  search: replace", since: start) }
        let docs = work.searchDocuments(h, language: l)
        if work.needsNewIndex(index, documents: docs, in: h) { return (remake(), nil, []) }
        guard let (only, gone) = index.replacing(docs, page: Routes.search(l), fileLinks: options.fileLinks) else {
            return (index, SearchShards.Selection(shards: [], chunks: []), [])
        }
        return (index, only, gone)
    }

    /// What each free page's links point at.
    private func pageTargets() -> [RecordKey: Set<RecordKey>] {
        let resolver = LinkResolver(handbook: handbook, log: DiagnosticLog(), fileLinks: options.fileLinks)
        var out: [RecordKey: Set<RecordKey>] = [:]
        for page in handbook.pages {
            out[RecordKey(.page, page.path)] = page.guide.bodies.values.reduce(into: Set()) { $0.formUnion(resolver.targets(of: $1)) }
        }
        return out
    }

    /// The summary of a build in place; the lists count each `.gz` beside its file, as a staging
    /// build does.
    static func summary(_ h: Handbook, plan: ChangePlan, pages: Int, outputs: [String: BuildState.Output], new: [String],
                        changed: [String], deleted: [String], sorted: Bool) -> BuildSummary {
        func withCopies(_ paths: [String]) -> [String] {
            let all = paths.flatMap { OutputDirectory.isCompressible($0) ? [$0, $0 + ".gz"] : [$0] }
            return sorted ? all.sorted() : all
        }
        var summary = BuildSummary(pagesPerLanguage: PageKind.all(h).count, languages: h.config.languages, files: outputs.count)
        (summary.new, summary.changed, summary.deleted) = (withCopies(new), withCopies(changed), withCopies(deleted))
        let all = outputs.keys.reduce(0) { $0 + (OutputDirectory.isCompressible($1) ? 2 : 1) }
        summary.unchanged = all - summary.new.count - summary.changed.count
        summary.plan = plan.kind
        summary.pagesRendered = pages
        return summary
    }
}
