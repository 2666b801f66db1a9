/// What carrying out a change plan redoes, as the handbook is now: the pages to render, whether
/// the data files are made again, and which search entries. The preview (`LiveSite`) and the
/// build in place (`InPlaceBuild`) both ask this, so the same edit redoes the same work in both.
struct PlanWork {
    /// The pages to render again (in every language).
    var pages = Set<PageKind>()
    /// The data files (sitemap, feeds, JSON, CSV, 404, language choice) are made again.
    var dataFiles = false
    /// The guides whose search entries are made again.
    var searchGuides: [RecordKey] = []
    /// Every record's search entry is made again (names may have changed).
    var searchTables = false
    /// Pages may have gone (the site's page list is compared with the previous one).
    var pagesMayGo = false

    /// True when search entries change.
    var touchesSearch: Bool { searchTables || !searchGuides.isEmpty }

    /// The work of `plan` (not `.everything`, which is every file) over `h`.
    /// - Parameters:
    ///   - keys: the guides the plan's files are.
    ///   - backlinks: the back-links before and after (`Backlinks.guides`).
    ///   - targets: what each free page's links point at, as the handbook is now (asked only for
    ///     front-matter and table edits).
    init(_ plan: ChangePlan, in h: Handbook, keys: [RecordKey], backlinks: (old: [RecordKey: [RecordKey]], new: [RecordKey: [RecordKey]]),
         targets: () -> [RecordKey: Set<RecordKey>], writeReport: Bool) {
        switch plan {
        case .nothing, .everything: break
        case .templates(let names):
            pages = Set(PageKind.all(h).filter { names.contains($0.template) })
            dataFiles = true   // the 404 page and the language choice are rendered with the theme
        case .bodies:
            pages = Set(keys.compactMap(h.pageKind(of:))).union(Self.backlinkPages(backlinks.old, backlinks.new, in: h))
            searchGuides = keys
            dataFiles = writeReport   // the report lists links and stale translations of bodies
        case .content(_, let tables):
            let namesChanged: Bool
            (pages, namesChanged) = Self.contentPages(keys: Set(keys), tables: tables, targets: targets(), backlinks: backlinks, in: h)
            // The data files do not show free pages' front matter.
            dataFiles = namesChanged || writeReport
            searchGuides = keys.filter { $0.kind == .page }
            searchTables = namesChanged
            pagesMayGo = true
        }
    }

    /// The search documents of language `l` the work makes again.
    func searchDocuments(_ h: Handbook, language l: String) -> [SearchDocument] {
        let c = SearchDocuments(h, language: l)
        return (searchTables ? c.tables() : []) + searchGuides.compactMap { c.guide($0, in: h) }
    }

    /// True when `index` (of `h`'s free pages and records) no longer has one entry per record,
    /// records having been added or removed: it is made anew rather than updated.
    func needsNewIndex(_ index: SearchIndex, documents: [SearchDocument], in h: Handbook) -> Bool {
        searchTables && documents.count - searchGuides.count != index.documents.count - h.pages.count
    }

    /// The standard, scheme and body pages whose lists of linking guides differ between `old`
    /// and `new` (`Backlinks.guides`).
    static func backlinkPages(_ old: [RecordKey: [RecordKey]], _ new: [RecordKey: [RecordKey]], in h: Handbook) -> Set<PageKind> {
        Set(Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.compactMap(h.pageKind(of:)))
    }

    /// The pages that show what changed when the front matter of the guides `keys` or the tables
    /// changed, and whether names could have changed (then every list and table page shows it).
    static func contentPages(keys: Set<RecordKey>, tables: Bool, targets: [RecordKey: Set<RecordKey>],
                             backlinks: (old: [RecordKey: [RecordKey]], new: [RecordKey: [RecordKey]]),
                             in h: Handbook) -> (pages: Set<PageKind>, namesChanged: Bool) {
        let namesChanged = tables || keys.contains { $0.kind == .market || $0.kind == .product }
        let pagePaths = keys.filter { $0.kind == .page }.map(\.id)
        var kinds = Set<PageKind>()
        if namesChanged {
            // Names, regions, schemes and requirements show on every list and table page.
            for k in PageKind.all(h) {
                if case .page = k { continue }
                kinds.insert(k)
            }
        } else if pagePaths.contains(where: { !$0.contains("/") }) {
            kinds.insert(.home)   // it lists the top-level pages
        }
        kinds.formUnion(keys.compactMap(h.pageKind(of:)))
        // The pages listing a changed guide among those linking to them show its title.
        for (target, guides) in backlinks.new where guides.contains(where: keys.contains) {
            if let kind = h.pageKind(of: target) { kinds.insert(kind) }
        }
        kinds.formUnion(backlinkPages(backlinks.old, backlinks.new, in: h))
        for (i, page) in h.pages.enumerated() {
            let found = targets[RecordKey(.page, page.path)] ?? []
            let showsChange = !found.isDisjoint(with: keys)
                || (tables && found.contains { ![.page, .market, .product].contains($0.kind) })
                || pagePaths.contains { !$0.isEmpty && page.path.hasPrefix($0 + "/") }
            if showsChange { kinds.insert(page.isHomeIntro ? .home : .page(i)) }
        }
        return (kinds, namesChanged)
    }
}
