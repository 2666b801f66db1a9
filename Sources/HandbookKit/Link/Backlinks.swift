import HandbookMarkdown

/// Which pages and requirements point at each standard and scheme (shown on their pages).
public struct Backlinks: Sendable {
    /// A standard, scheme or body → the guides (market, product, page) linking to it, sorted.
    public private(set) var guides: [RecordKey: [RecordKey]] = [:]
    /// standard id → requirement ids using it.
    public private(set) var requirementsByStandard: [String: [String]] = [:]
    /// scheme id → requirement ids using it.
    public private(set) var requirementsByScheme: [String: [String]] = [:]
    /// standard id → product ids listing it.
    public private(set) var productsByStandard: [String: [String]] = [:]
    /// body id → requirement ids naming it among their labs.
    public private(set) var requirementsByBody: [String: [String]] = [:]
    /// body id → scheme ids it issues certificates for.
    public private(set) var schemesByBody: [String: [String]] = [:]
    /// body id → market ids naming it as an IECEE NCB.
    public private(set) var marketsByBody: [String: [String]] = [:]

    /// The kinds of cross-reference whose pages list the guides linking to them.
    static let kinds: Set<CrossReference.Kind> = [.standard, .scheme, .body]

    /// Collects back-links from every guide body and table row.
    init(_ h: Handbook) {
        var found: [RecordKey: Set<RecordKey>] = [:]
        func scan(_ guide: Guide, as source: RecordKey) {
            for body in guide.bodies.values {
                for link in body.links {
                    guard let ref = CrossReference(link.destination), Self.kinds.contains(ref.kind) else {
                        continue
                    }
                    found[ref.key, default: []].insert(source)
                }
            }
        }
        for m in h.markets { scan(m.guide, as: RecordKey(.market, m.id)) }
        for p in h.products { scan(p.guide, as: RecordKey(.product, p.id)) }
        for p in h.pages { scan(p.guide, as: RecordKey(.page, p.path)) }
        guides = found.mapValues { $0.sorted() }
        for r in h.requirements {
            for s in r.standards { requirementsByStandard[s.id, default: []].append(r.id) }
            for s in r.schemes { requirementsByScheme[s.id, default: []].append(r.id) }
            var listed = Set(r.standards.map(\.id))
            for s in r.acceptedStandards where listed.insert(s.standard.id).inserted {
                requirementsByStandard[s.standard.id, default: []].append(r.id)
            }
            for b in r.labs { requirementsByBody[b.id, default: []].append(r.id) }
        }
        for s in h.schemes {
            for b in s.bodies { schemesByBody[b.id, default: []].append(s.id) }
        }
        for m in h.markets {
            for b in m.ieceeNCBs { marketsByBody[b.id, default: []].append(m.id) }
        }
        for p in h.products {
            for s in p.standards { productsByStandard[s.id, default: []].append(p.id) }
        }
    }
}
