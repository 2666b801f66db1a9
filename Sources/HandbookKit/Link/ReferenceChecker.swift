/// Stage 3a, link: referential integrity between tables and front matter (every id points somewhere).
struct ReferenceChecker {
    let handbook: Handbook
    let log: DiagnosticLog

    /// Where each kind of record is defined, for hints: `data/regions` / `data/regions 中`.
    private static func folder(_ path: String) -> Phrase { Phrase(en: path, zh: path + " 中") }
    private static let regions = folder("data/regions"), bodies = folder("data/bodies"), standards = folder("data/standards"),
                       schemes = folder("data/schemes"), markets = folder("markets/"), products = folder("products/")

    func check() {
        let h = handbook
        let regions = h.regions.map(\.id), markets = h.markets.map(\.id), products = h.products.map(\.id)
        let standards = h.standards.map(\.id), schemes = h.schemes.map(\.id), bodies = h.bodies.map(\.id)
        for m in h.markets {
            expect(m.region, in: regions, .region, folder: Self.regions)
            m.ieceeNCBs.forEach { expect($0, in: bodies, .body, folder: Self.bodies) }
        }
        for p in h.products { p.standards.forEach { expect($0, in: standards, .standard, folder: Self.standards) } }
        for s in h.schemes {
            expect(s.market, in: markets, .market, folder: Self.markets)
            s.bodies.forEach { expect($0, in: bodies, .body, folder: Self.bodies) }
        }
        for r in h.requirements {
            expect(r.product, in: products, .product, folder: Self.products)
            expect(r.market, in: markets, .market, folder: Self.markets)
            r.standards.forEach { expect($0, in: standards, .standard, folder: Self.standards) }
            r.labs.forEach { expect($0, in: bodies, .body, folder: Self.bodies) }
            for accepted in r.acceptedStandards {
                expect(accepted.standard, in: standards, .standard, folder: Self.standards)
                if let edition = accepted.edition, let s = h.standard(accepted.standard.id), !s.editions.contains(edition) {
                    log.error(.unknownReference,
                              Phrase(en: "standard '\(s.id)' has no edition '\(edition)'", zh: "标准“\(s.id)”没有版本“\(edition)”")
                                  + Suggestions.suggestion(edition, in: s.editions),
                              at: accepted.standard.location,
                              hint: s.editions.isEmpty
                                  ? Phrase(en: "list its editions in data/standards ('editions: [\(edition)]'), or write '\(s.id)' for any edition",
                                           zh: "在 data/standards 中列出它的版本（“editions: [\(edition)]”），或只写“\(s.id)”表示任一版本")
                                  : Phrase(en: "its editions are: \(s.editions.joined(separator: ", ")) (add new ones to data/standards)",
                                           zh: "它的版本有：\(s.editions.joined(separator: "、"))（新版本请添加到 data/standards）"))
                }
            }
            for ref in r.schemes {
                expect(ref, in: schemes, .scheme, folder: Self.schemes)
                if let s = h.scheme(ref.id), s.market.id != r.market.id {
                    log.warning(.unknownReference,
                                Phrase(en: "scheme '\(ref.id)' belongs to market '\(s.market.id)', not '\(r.market.id)'",
                                       zh: "认证制度“\(ref.id)”属于市场“\(s.market.id)”，而不是“\(r.market.id)”"),
                                at: ref.location,
                                hint: Phrase(en: "use a scheme of market '\(r.market.id)'", zh: "改用市场“\(r.market.id)”的认证制度"))
                }
            }
        }
        for e in h.events {
            expect(e.market, in: markets, .market, folder: Self.markets)
            e.products.forEach { expect($0, in: products, .product, folder: Self.products) }
            e.schemes.forEach { expect($0, in: schemes, .scheme, folder: Self.schemes) }
        }
        for b in h.bodies where !b.country.id.isEmpty && b.country.id != CertificationBody.china {
            expect(b.country, in: markets + [CertificationBody.china], .market,
                   folder: Phrase(en: "markets/ (or 'cn' for China)", zh: "markets/ 中（中国写“cn”）"))
        }
        for c in h.changes { c.records.forEach(checkRecord) }
        for c in h.centres {
            expect(c.region, in: regions, .region, folder: Self.regions)
            c.markets.forEach { expect($0, in: markets, .market, folder: Self.markets) }
        }
    }

    /// A change-log record: a typed reference (`req:pv-module/sa`) to something that exists.
    private func checkRecord(_ ref: Ref) {
        let kinds = CrossReference.Kind.allCases.map(\.rawValue)
        guard let typed = CrossReference(ref.id), typed.anchor == nil else {
            let kind = String(ref.id.prefix { $0 != ":" })
            log.error(.unknownReference,
                      Phrase(en: "'\(ref.id)' is not a record reference", zh: "“\(ref.id)”不是记录引用")
                          + (ref.id.contains(":") ? Suggestions.suggestion(kind, in: kinds) : .empty),
                      at: ref.location,
                      hint: Phrase(en: "write kind:id, e.g. market:sa, req:pv-module/sa, scheme:…; kinds: ",
                                   zh: "写成 kind:id，例如 market:sa、req:pv-module/sa、scheme:…；可用的类型：") + .list(kinds))
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
        // The English names the folder loosely ("the markets"); the Chinese names it.
        let folder: Phrase = switch typed.kind {
        case .market: Phrase(en: "the markets", zh: "markets/ 中")
        case .product: Phrase(en: "the products", zh: "products/ 中")
        case .page: Phrase(en: "the pages", zh: "pages/ 中")
        case .scheme: Phrase(en: "the schemes", zh: "data/schemes 中")
        case .standard: Phrase(en: "the standards", zh: "data/standards 中")
        case .region: Phrase(en: "the regions", zh: "data/regions 中")
        case .body: Phrase(en: "the bodies", zh: "data/bodies 中")
        case .req: Self.folder("data/requirements")
        }
        expect(Ref(id: typed.id, location: ref.location), in: ids, typed.kind, folder: folder)
    }

    /// Reports `ref` unless it is one of `ids` or points into a guide or table that failed to load;
    /// `folder` says where they are defined (in Chinese with its “中”).
    private func expect(_ ref: Ref, in ids: [String], _ kind: CrossReference.Kind, folder: Phrase) {
        guard !ref.id.isEmpty, !ids.contains(ref.id) else { return }
        if handbook.unavailable.contains(RecordKey(kind, ref.id)) { return }
        let name = kind.name
        let kinds = name.en.hasSuffix("y") ? name.en.dropLast() + "ies" : name.en + "s"
        let list = Phrase.list(ids, limit: 8)
        log.error(.unknownReference,
                  Phrase(en: "unknown \(name.en) '\(ref.id)'", zh: "未知的\(name.zh)“\(ref.id)”") + Suggestions.suggestion(ref.id, in: ids),
                  at: ref.location,
                  hint: ids.isEmpty
                      ? Phrase(en: "there are no \(kinds) yet: add them in \(folder.en)", zh: "还没有任何\(name.zh)：请在 \(folder.zh)添加")
                      : Phrase(en: "\(kinds) are defined in \(folder.en): \(list.en)", zh: "\(name.zh)定义在 \(folder.zh)：\(list.zh)"))
    }
}
