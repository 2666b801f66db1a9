import HandbookMarkdown

/// Collects the web addresses a loaded handbook cites: the sources of its records (tables and
/// front matter) and the links to outside sites (http, https) in its Markdown bodies.
enum SourceCitations {
    /// Every cited address once, sorted, with every place that cites it.
    static func collect(_ h: Handbook) -> [CitedURL] {
        var found: [String: Set<SourceLocation>] = [:]
        func add(_ sources: [SourceRef], record: SourceLocation) {
            for s in sources where isWeb(s.url) { found[s.url, default: []].insert(s.location ?? record) }
        }
        for m in h.markets { add(m.sources, record: m.location) }
        for p in h.products { add(p.sources, record: p.location) }
        for s in h.schemes { add(s.sources, record: s.location) }
        for r in h.requirements { add(r.sources, record: r.location) }
        for b in h.bodies { add(b.sources, record: b.location) }
        for c in h.changes { add(c.sources, record: c.location) }
        for e in h.events { add(e.source.map { [$0] } ?? [], record: e.location) }
        let guides = h.markets.map(\.guide) + h.products.map(\.guide) + h.pages.map(\.guide)
        for guide in guides {
            for body in guide.bodies.values {
                for link in body.links where isWeb(link.destination) {
                    let location = SourceLocation(file: body.file, line: link.position.line + body.lineOffset,
                                                  column: link.position.column)
                    found[link.destination, default: []].insert(location)
                }
            }
        }
        return found.map { CitedURL(url: $0.key, locations: $0.value.sorted()) }.sorted { $0.url < $1.url }
    }

    /// True for an absolute http or https address (the only ones requested).
    static func isWeb(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
