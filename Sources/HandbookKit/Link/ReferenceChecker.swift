/// Stage 3a, link: referential integrity between tables and front matter (every id points somewhere).
struct ReferenceChecker {
    let handbook: Handbook
    let log: DiagnosticLog

    func check() {
        let h = handbook
        let regions = h.regions.map(\.id), markets = h.markets.map(\.id), products = h.products.map(\.id)
        let standards = h.standards.map(\.id), schemes = h.schemes.map(\.id), bodies = h.bodies.map(\.id)
        for m in h.markets {
            expect(m.region, in: regions, "region", folder: "data/regions")
            m.ieceeNCBs.forEach { expect($0, in: bodies, "body", folder: "data/bodies") }
        }
        for p in h.products { p.standards.forEach { expect($0, in: standards, "standard", folder: "data/standards") } }
        for s in h.schemes {
            expect(s.market, in: markets, "market", folder: "markets/")
            s.bodies.forEach { expect($0, in: bodies, "body", folder: "data/bodies") }
        }
        for r in h.requirements {
            expect(r.product, in: products, "product", folder: "products/")
            expect(r.market, in: markets, "market", folder: "markets/")
            r.standards.forEach { expect($0, in: standards, "standard", folder: "data/standards") }
            r.labs.forEach { expect($0, in: bodies, "body", folder: "data/bodies") }
            for accepted in r.acceptedStandards {
                expect(accepted.standard, in: standards, "standard", folder: "data/standards")
                if let edition = accepted.edition, let s = h.standard(accepted.standard.id), !s.editions.contains(edition) {
                    log.error(.unknownReference,
                              "standard '\(s.id)' has no edition '\(edition)'" + Suggestions.didYouMean(edition, in: s.editions),
                              at: accepted.standard.location,
                              hint: s.editions.isEmpty ? "list its editions in data/standards ('editions: [\(edition)]'), or write '\(s.id)' for any edition"
                                  : "its editions are: \(s.editions.joined(separator: ", ")) (add new ones to data/standards)")
                }
            }
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
            e.schemes.forEach { expect($0, in: schemes, "scheme", folder: "data/schemes") }
        }
        for b in h.bodies where !b.country.id.isEmpty && b.country.id != CertificationBody.china {
            expect(b.country, in: markets + [CertificationBody.china], "market", folder: "markets/ (or 'cn' for China)")
        }
        for c in h.changes { c.records.forEach(checkRecord) }
        for c in h.centres {
            expect(c.region, in: regions, "region", folder: "data/regions")
            c.markets.forEach { expect($0, in: markets, "market", folder: "markets/") }
        }
    }

    /// A change-log record: a typed reference (`req:pv-module/sa`) to something that exists.
    private func checkRecord(_ ref: Ref) {
        let kinds = CrossReference.Kind.allCases.map(\.rawValue)
        guard let typed = CrossReference(ref.id), typed.anchor == nil else {
            let kind = String(ref.id.prefix { $0 != ":" })
            log.error(.unknownReference, "'\(ref.id)' is not a record reference"
                      + (ref.id.contains(":") ? Suggestions.didYouMean(kind, in: kinds) : ""),
                      at: ref.location, hint: "write kind:id, e.g. market:sa, req:pv-module/sa, scheme:…; kinds: \(kinds.joined(separator: ", "))")
            return
        }
        let h = handbook
        let ids: [String] = switch typed.kind {
        case .market: h.markets.map(\.id)
        case .product: h.products.map(\.id)
        case .scheme: h.schemes.map(\.id)
        case .standard: h.standards.map(\.id)
        case .region: h.regions.map(\.id)
        case .req: h.requirements.map(\.id)
        case .page: h.pages.map(\.path)
        case .body: h.bodies.map(\.id)
        }
        let kind = typed.kind == .req ? "requirement" : typed.kind.rawValue
        expect(Ref(id: typed.id, location: ref.location), in: ids, kind,
               folder: typed.kind == .req ? "data/requirements" : "the \(kind)s", unavailableAs: typed.kind)
    }

    /// Reports `ref` unless it is one of `ids` or points into a guide or table that failed to load
    /// (`unavailableAs`: the record kind there, `.req` for requirements; the kind named `kind` when nil).
    private func expect(_ ref: Ref, in ids: [String], _ kind: String, folder: String, unavailableAs: CrossReference.Kind? = nil) {
        guard !ref.id.isEmpty, !ids.contains(ref.id) else { return }
        if let recordKind = unavailableAs ?? CrossReference.Kind(rawValue: kind),
           handbook.unavailable.contains(RecordKey(recordKind, ref.id)) { return }
        let kinds = kind.hasSuffix("y") ? kind.dropLast() + "ies" : kind + "s"
        log.error(.unknownReference, "unknown \(kind) '\(ref.id)'" + Suggestions.didYouMean(ref.id, in: ids),
                  at: ref.location,
                  hint: ids.isEmpty ? "there are no \(kinds) yet: add them in \(folder)"
                      : "\(kinds) are defined in \(folder): \(ids.prefix(8).joined(separator: ", "))\(ids.count > 8 ? ", …" : "")")
    }
}
