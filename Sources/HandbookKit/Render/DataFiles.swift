import HandbookMarkdown

/// The non-HTML files: sitemap, robots.txt, the Atom feeds, `/matrix.csv` and `/api/handbook.json`.
struct DataFiles {
    let handbook: Handbook

    /// `sitemap.xml` with hreflang alternates for every page.
    func sitemap(_ kinds: [PageKind]) -> String {
        let h = handbook
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for kind in kinds {
            for l in h.config.languages {
                out += "<url><loc>\(xml(kind.route(l, in: h).absolute(base: h.config.baseURL)))</loc>"
                for other in h.config.languages {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(xml(kind.route(other, in: h).absolute(base: h.config.baseURL)))\"/>"
                }
                out += "</url>\n"
            }
        }
        return out + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\nSitemap: \(handbook.config.baseURL)sitemap.xml\n"
    }

    /// An Atom feed of regulatory events for one language.
    func feed(_ l: String, strings: [String: String]) -> String {
        let h = handbook
        let fallbacks = h.config.fallbacks(for: l)
        let updated = (h.events.map(\.date) + h.markets.compactMap(\.reviewed) + h.products.compactMap(\.reviewed)).max()
            ?? Day(daysSinceEpoch: 0)
        let feedURL = Routes.feed(l).absolute(base: h.config.baseURL)
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(l)\">\n"
        out += "<title>\(xml(h.config.title.text(l, fallbacks: fallbacks))) – \(xml(strings["nav_updates"] ?? "Updates"))</title>\n"
        out += "<id>\(xml(feedURL))</id>\n<link rel=\"self\" href=\"\(xml(feedURL))\"/>\n"
        out += "<link href=\"\(xml(Routes.updates(l).absolute(base: h.config.baseURL)))\"/>\n"
        out += "<updated>\(updated)T00:00:00Z</updated>\n"
        out += "<author><name>\(xml(h.config.title.text(l, fallbacks: fallbacks)))</name></author>\n"
        for (i, e) in h.events.enumerated().reversed() {
            let link = e.source?.url ?? Routes.market(l, e.market.id).absolute(base: h.config.baseURL)
            out += "<entry><title>\(xml(e.title.text(l, fallbacks: fallbacks)))</title>"
            out += "<id>\(xml(Routes.updates(l).absolute(base: h.config.baseURL)))#event-\(e.date)-\(e.market.id)-\(i)</id>"
            out += "<link href=\"\(xml(link))\"/><updated>\(e.date)T00:00:00Z</updated>"
            out += "<summary>\(xml(e.date.description + " · " + (h.market(e.market.id)?.name.text(l, fallbacks: fallbacks) ?? e.market.id)))</summary></entry>\n"
        }
        return out + "</feed>\n"
    }

    /// The product × market grid as CSV, by id (the same rows as `/L/matrix/`).
    func matrixCSV() -> String {
        let h = handbook
        var out = "product,market,cb_reuse,schemes,local_testing,status,lead_time_weeks,confidence,reviewed\n"
        for r in h.requirements {
            let fields = [r.product.id, r.market.id, r.cbReuse.rawValue, r.schemes.map(\.id).joined(separator: ";"),
                          r.localTesting.rawValue, r.status.rawValue,
                          r.leadTimeWeeks.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "",
                          r.confidence?.rawValue ?? "", r.reviewed?.description ?? ""]
            out += fields.map(csv).joined(separator: ",") + "\n"
        }
        return out
    }

    /// All data in both languages: see README "api/handbook.json".
    func api() -> [UInt8] {
        let h = handbook
        func text(_ t: LocalizedText) -> JSONValue {
            .object(h.config.languages.map { ($0, .string(t.text($0, fallbacks: h.config.fallbacks(for: $0)))) })
        }
        func sources(_ s: [SourceRef]) -> JSONValue { .array(s.map { ["title": .string($0.title), "url": .string($0.url)] }) }
        let root: JSONValue = [
            "format": "handbook-api/1",
            "languages": JSONValue(h.config.languages),
            "title": text(h.config.title),
            "regions": .array(h.regions.map { ["id": .string($0.id), "name": text($0.name)] }),
            "markets": .array(h.markets.map { m in
                ["id": .string(m.id), "name": text(m.name), "region": .string(m.region.id), "iso": .string(m.iso),
                 "blocs": JSONValue(m.blocs), "iecee_member": .string(m.ieceeMember.rawValue),
                 "reviewed": JSONValue(m.reviewed?.description), "summary": text(m.summary), "sources": sources(m.sources)]
            }),
            "products": .array(h.products.map { p in
                ["id": .string(p.id), "name": text(p.name), "hs_codes": JSONValue(p.hsCodes),
                 "iecee_category": .string(p.ieceeCategory), "standards": JSONValue(p.standards.map(\.id)),
                 "reviewed": JSONValue(p.reviewed?.description), "summary": text(p.summary), "sources": sources(p.sources)]
            }),
            "standards": .array(h.standards.map { s in
                ["id": .string(s.id), "code": .string(s.code), "title": text(s.title), "kind": .string(s.kind),
                 "iecee_category": .string(s.ieceeCategory), "url": JSONValue(s.url)]
            }),
            "schemes": .array(h.schemes.map { s in
                ["id": .string(s.id), "name": text(s.name), "market": .string(s.market.id), "authority": text(s.authority),
                 "mark": text(s.mark), "obligation": .string(s.obligation.rawValue), "accepts_cb": .string(s.acceptsCB.rawValue),
                 "factory_inspection": .string(s.factoryInspection.rawValue), "local_testing": .string(s.localTesting.rawValue),
                 "local_representative": .string(s.localRepresentative.rawValue), "validity": text(s.validity),
                 "url": JSONValue(s.url), "notes": text(s.notes), "sources": sources(s.sources),
                 "confidence": JSONValue(s.confidence?.rawValue), "reviewed": JSONValue(s.reviewed?.description)]
            }),
            "requirements": .array(h.requirements.map { r in
                let documents = JSONValue.object(h.config.languages.map {
                    ($0, JSONValue(r.documents.items($0, fallbacks: h.config.fallbacks(for: $0))))
                })
                return ["product": .string(r.product.id), "market": .string(r.market.id), "schemes": JSONValue(r.schemes.map(\.id)),
                        "standards": JSONValue(r.standards.map(\.id)), "cb_reuse": .string(r.cbReuse.rawValue),
                        "local_testing": .string(r.localTesting.rawValue), "documents": documents,
                        "lead_time_weeks": r.leadTimeWeeks.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null,
                        "status": .string(r.status.rawValue), "effective_from": JSONValue(r.effectiveFrom?.description),
                        "notes": text(r.notes), "sources": sources(r.sources),
                        "confidence": JSONValue(r.confidence?.rawValue), "reviewed": JSONValue(r.reviewed?.description)]
            }),
            "events": .array(h.events.map { e in
                ["date": .string(e.date.description), "market": .string(e.market.id), "products": JSONValue(e.products.map(\.id)),
                 "title": text(e.title), "source": e.source.map { ["title": .string($0.title), "url": .string($0.url)] } ?? .null]
            }),
            "centres": .array(h.centres.map { c in
                ["id": .string(c.id), "name": text(c.name), "region": .string(c.region.id), "city": text(c.city),
                 "markets": JSONValue(c.markets.map(\.id)), "url": JSONValue(c.url)]
            }),
        ]
        return root.bytes(pretty: true)
    }

    private func xml(_ s: String) -> String { HTMLEscape.escape(s) }

    private func csv(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
    }
}
