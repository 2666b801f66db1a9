import HandbookMarkdown

/// The partial rebuilds: page templates, guide bodies, front matter and tables.
extension LiveSite {
    /// Page templates changed: the pages of those kinds, and the root pages.
    func rebuildTemplates(_ names: Set<String>) throws -> LiveUpdate {
        guard var s = state, let config else { return try rebuildAll(kind: .whole) }
        let log = DiagnosticLog()
        let templates = TemplateSet.load(options.templates, languages: config.languages, log: log)
        let assets = Assets.load(options.templates, log: log)
        templateDiagnostics = log.all
        guard let templates, !hasFailed() else {
            inSync = false
            return finish(.template, failed: true)
        }
        s.templates = templates
        s.assets = assets
        let site = output(s)
        let work = PlanWork(.templates(names), in: s.handbook, keys: [], backlinks: ([:], [:]), targets: { [:] },
                            writeReport: options.writeReport)
        let pages = s.handbook.config.languages.flatMap { l in work.pages.map { ($0, l) } }
        let collector = OutputCollector()
        try site.renderPages(pages, emit: collector.emit)
        if work.dataFiles { try site.dataFiles(emit: collector.emit) }
        let changed = try writeChanges(collector.files, removingOthers: false)
        state = s
        return finish(.template, changed: changed, pages: pages.count)
    }

    /// Only guide bodies changed (front matter as it was): their pages, the scheme and standard
    /// pages whose back-links moved, and their search entries. Nil when the edit turns out to be
    /// more than that (a guide that was not in the site).
    func rebuildBodies(_ paths: [String]) throws -> LiveUpdate? {
        guard var s = state else { return nil }
        let timer = options.timer
        _ = timer?.drain()
        var h = s.handbook
        var keys: [RecordKey] = []
        var headingsMoved = false
        var backlinksMoved = false
        for path in paths {
            guard let f = loaded[path]?.file, let body = f.body else { return nil }
            let key = RecordKey(f.kind.recordKind, f.id)
            guard let old = h.replaceBody(of: key, with: body) else { return nil }
            if old.headings.map(\.id) != body.headings.map(\.id) { headingsMoved = true }
            if Self.backlinkTargets(old) != Self.backlinkTargets(body) { backlinksMoved = true }
            keys.append(key)
        }
        timer?.mark("body: replace")
        if headingsMoved {
            // Links from other guides to these headings may now be broken (or mended).
            (linkDiagnostics, s.targets) = linkPass(h)
            diagnostics = collectDiagnostics()
        } else {
            for key in keys {
                guard let guide = h.guide(key) else { return nil }
                let (byFile, targets) = links(of: guide, key: key, in: h)
                for (file, list) in byFile { linkDiagnostics[file] = list }
                s.targets[key] = targets
            }
            refreshDiagnostics(of: paths)
        }
        timer?.mark("body: links")
        guard !isFailing else {
            inSync = false
            return finish(.body, failed: true)
        }
        let backlinks = backlinksMoved ? Backlinks(h) : s.backlinks
        let work = PlanWork(.bodies(paths), in: h, keys: keys, backlinks: (s.backlinks.guides, backlinks.guides),
                            targets: { [:] }, writeReport: options.writeReport)
        s.handbook = h
        s.backlinks = backlinks
        let site = output(s)
        let pages = h.config.languages.flatMap { l in work.pages.map { ($0, l) } }
        timer?.mark("body: backlinks")
        var changed = try writeChanges(try render(site, pages), removingOthers: false)
        timer?.mark("body: render")
        for l in h.config.languages { changed += try updateSearch(l, work, site: site) }
        timer?.mark("body: search")
        state = s
        return finish(.body, changed: changed, pages: pages.count)
    }

    /// The schemes, standards and bodies a body links to (what their pages list as back-links).
    static func backlinkTargets(_ body: Guide.Body) -> Set<RecordKey> {
        Set(body.links.compactMap { link in
            CrossReference(link.destination).flatMap { Backlinks.kinds.contains($0.kind) ? $0.key : nil }
        })
    }

    /// Front matter or tables changed: the handbook is assembled again from the guides as read
    /// (only the changed ones were read again) and the pages that show what changed are rendered.
    func rebuildContent(guides paths: [String], tables: Bool) throws -> LiveUpdate {
        let kind: LiveUpdate.Kind = tables ? .table : .frontMatter
        guard var s = state, let config else { return try rebuildAll(kind: .whole) }
        let timer = options.timer
        _ = timer?.drain()
        let log = DiagnosticLog()
        let h = assemble(config, log: log)
        baseDiagnostics = log.all
        timer?.mark("warnings")
        let targets: [RecordKey: Set<RecordKey>]
        (linkDiagnostics, targets) = linkPass(h)
        timer?.mark("links")
        guard !hasFailed() else {
            inSync = false
            return finish(kind, failed: true)
        }
        let old = s.handbook
        let before = PageKind.all(old), after = PageKind.all(h)
        if before.count != after.count && !tables { return try rebuildAll(kind: .whole) }
        let keys = Set(paths.compactMap { loaded[$0]?.file.map { RecordKey($0.kind.recordKind, $0.id) } })
        let backlinks = Backlinks(h)
        let work = PlanWork(.content(guides: paths, tables: tables), in: h, keys: keys.sorted(),
                            backlinks: (s.backlinks.guides, backlinks.guides), targets: { targets }, writeReport: options.writeReport)
        s.handbook = h
        s.backlinks = backlinks
        s.targets = targets
        let site = output(s)
        let pages = h.config.languages.flatMap { l in work.pages.map { ($0, l) } }
        let collector = OutputCollector()
        try site.renderPages(pages, emit: collector.emit)
        if work.dataFiles { try site.dataFiles(emit: collector.emit) }
        var changed = try writeChanges(collector.files, removingOthers: false)
        timer?.mark("render \(pages.count)")
        let routes = { (kinds: [PageKind], h: Handbook) in Set(h.config.languages.flatMap { l in kinds.map { $0.route(l, in: h).file } }) }
        changed += remove(Array(routes(before, old).subtracting(routes(after, h))))
        for l in h.config.languages { changed += try updateSearch(l, work, site: site) }
        timer?.mark("search")
        state = s
        return finish(kind, changed: changed, pages: pages.count)
    }

    /// Puts the search documents `work` makes again in place of those with the same routes in
    /// language `l`'s search index and writes the index files that changed; when records were
    /// added or removed, the index is made anew.
    func updateSearch(_ l: String, _ work: PlanWork, site: SiteOutput) throws -> [String] {
        guard var index = searches[l] else { return [] }
        let docs = work.searchDocuments(site.handbook, language: l)
        if work.needsNewIndex(index, documents: docs, in: site.handbook) {
            index = SearchIndex(site.searchDocuments(l), synonyms: index.synonyms)
            searches[l] = index
            let prefix = Routes.search(l).path + "index/"
            let produced = site.searchFiles(index, language: l)
            var changed = try writeChanges(produced, removingOthers: false)
            let kept = Set(produced.map(\.0))
            changed += remove(hashes.keys.filter { $0.hasPrefix(prefix) && !kept.contains($0) })
            return changed
        }
        guard let (only, gone) = index.replacing(docs, page: Routes.search(l), fileLinks: options.fileLinks) else {
            searches[l] = index
            return []
        }
        searches[l] = index
        var changed = try writeChanges(site.searchFiles(index, language: l, only: only), removingOthers: false)
        changed += remove(gone)
        return changed
    }
}
