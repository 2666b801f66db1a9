/// Stage 3a, link: referential integrity between tables and front matter (every id points somewhere).
struct ReferenceChecker {
    let handbook: Handbook
    let log: DiagnosticLog

    func check() {
        let h = handbook
        let regions = h.regions.map(\.id), markets = h.markets.map(\.id), products = h.products.map(\.id)
        let standards = h.standards.map(\.id), schemes = h.schemes.map(\.id)
        for m in h.markets { expect(m.region, in: regions, "region", folder: "data/regions") }
        for p in h.products { p.standards.forEach { expect($0, in: standards, "standard", folder: "data/standards") } }
        for s in h.schemes { expect(s.market, in: markets, "market", folder: "markets/") }
        for r in h.requirements {
            expect(r.product, in: products, "product", folder: "products/")
            expect(r.market, in: markets, "market", folder: "markets/")
            r.standards.forEach { expect($0, in: standards, "standard", folder: "data/standards") }
            for ref in r.schemes {
                expect(ref, in: schemes, "scheme", folder: "data/schemes")
                if let s = h.scheme(ref.id), s.market.id != r.market.id {
                    log.warning(.unknownReference,
                                "scheme '\(ref.id)' belongs to market '\(s.market.id)', not '\(r.market.id)'",
                                at: ref.location, hint: "use a scheme of market '\(r.market.id)'")
                }
            }
        }
        for e in h.events {
            expect(e.market, in: markets, "market", folder: "markets/")
            e.products.forEach { expect($0, in: products, "product", folder: "products/") }
        }
        for c in h.centres {
            expect(c.region, in: regions, "region", folder: "data/regions")
            c.markets.forEach { expect($0, in: markets, "market", folder: "markets/") }
        }
    }

    private func expect(_ ref: Ref, in ids: [String], _ kind: String, folder: String) {
        guard !ref.id.isEmpty, !ids.contains(ref.id), !handbook.unavailable.contains("\(kind):\(ref.id)"),
              !handbook.unavailable.contains("\(kind):*") else { return }
        log.error(.unknownReference, "unknown \(kind) '\(ref.id)'" + Suggestions.didYouMean(ref.id, in: ids),
                  at: ref.location,
                  hint: ids.isEmpty ? "there are no \(kind)s yet: add them in \(folder)"
                      : "\(kind)s are defined in \(folder): \(ids.prefix(8).joined(separator: ", "))\(ids.count > 8 ? ", …" : "")")
    }
}
