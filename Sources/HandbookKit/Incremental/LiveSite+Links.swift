/// Link resolution for the live site: problems by file, and what each guide points at.
extension LiveSite {
    /// Resolves every link of every guide in every language: the problems by file, and what each
    /// guide points at.
    func linkPass(_ h: Handbook) -> ([String: [Diagnostic]], [String: Set<String>]) {
        let guides = Self.guides(h)
        let results = guides.parallelMap { key, guide -> (String, [(String, [Diagnostic])], Set<String>) in
            let (files, targets) = self.links(of: guide, key: key, in: h)
            return (key, files, targets)
        }
        var diagnostics: [String: [Diagnostic]] = [:]
        var targets: [String: Set<String>] = [:]
        for (key, files, found) in results {
            for (file, list) in files { diagnostics[file, default: []] += list }
            targets[key] = found
        }
        return (diagnostics, targets)
    }

    /// The link problems of one guide by file (every language it is shown in), and its targets.
    func links(of guide: Guide, key: String, in h: Handbook) -> ([(String, [Diagnostic])], Set<String>) {
        let log = DiagnosticLog()
        let resolver = LinkResolver(handbook: h, log: log, fileLinks: options.fileLinks)
        var targets = Set<String>()
        for body in guide.bodies.values { targets.formUnion(resolver.targets(of: body)) }
        let route = Self.pageKind(key, in: h)
        for l in h.config.languages {
            if let body = guide.body(l, defaultLanguage: h.config.defaultLanguage).body, let route {
                _ = resolver.resolve(body, from: route.route(l, in: h), language: l)
            }
        }
        let byFile = Dictionary(grouping: log.all, by: \.location.file)
        return (guide.bodies.values.map { ($0.file, byFile[$0.file] ?? []) }, targets)
    }

    /// Every guide with its key (`market:sa`, `product:x`, `page:guides/y`).
    static func guides(_ h: Handbook) -> [(String, Guide)] {
        h.markets.map { ("market:" + $0.id, $0.guide) } + h.products.map { ("product:" + $0.id, $0.guide) }
            + h.pages.map { ("page:" + $0.path, $0.guide) }
    }

    /// The page of a guide key.
    static func pageKind(_ key: String, in h: Handbook) -> PageKind? {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let id = String(key[key.index(after: colon)...])
        switch key[..<colon] {
        case "market": return h.marketIndex[id].map(PageKind.market)
        case "product": return h.productIndex[id].map(PageKind.product)
        case "page": return h.pageIndex[id].map { h.pages[$0].isHomeIntro ? .home : .page($0) }
        default: return nil
        }
    }
}
