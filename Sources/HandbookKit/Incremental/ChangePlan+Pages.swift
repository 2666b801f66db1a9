/// Which pages a plan renders again: shared by the live site and the build in place, so both
/// redo the same pages for the same edit.
extension ChangePlan {
    /// The standard, scheme and body pages whose lists of linking guides differ between `old`
    /// and `new` (`Backlinks.guides`).
    static func backlinkPages(_ old: [RecordKey: [RecordKey]], _ new: [RecordKey: [RecordKey]], in h: Handbook) -> Set<PageKind> {
        Set(Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.compactMap(h.pageKind(of:)))
    }

    /// The pages that show what changed when the front matter of the guides `keys` or the tables
    /// changed, and whether names could have changed (then every list and table page shows it).
    /// - Parameter targets: what each guide's links point at, as the handbook is now.
    /// - Parameter backlinks: the back-links before and after (`Backlinks.guides`).
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
