import Foundation
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
    func api() -> Data {
        let h = handbook
        func text(_ t: LocalizedText) -> [String: String] {
            var out: [String: String] = [:]
            for l in h.config.languages { out[l] = t.text(l, fallbacks: h.config.fallbacks(for: l)) }
            return out
        }
        func sources(_ s: [SourceRef]) -> [[String: String]] { s.map { ["title": $0.title, "url": $0.url] } }
        let root: [String: Any] = [
            "format": "handbook-api/1",
            "languages": h.config.languages,
            "title": text(h.config.title),
            "regions": h.regions.map { ["id": $0.id, "name": text($0.name)] },
            "markets": h.markets.map { m in
                ["id": m.id, "name": text(m.name), "region": m.region.id, "iso": m.iso, "blocs": m.blocs,
                 "iecee_member": m.ieceeMember.rawValue, "reviewed": m.reviewed?.description ?? NSNull(),
                 "summary": text(m.summary), "sources": sources(m.sources)] as [String: Any]
            },
            "products": h.products.map { p in
                ["id": p.id, "name": text(p.name), "hs_codes": p.hsCodes, "iecee_category": p.ieceeCategory,
                 "standards": p.standards.map(\.id), "reviewed": p.reviewed?.description ?? NSNull(),
                 "summary": text(p.summary), "sources": sources(p.sources)] as [String: Any]
            },
            "standards": h.standards.map { s in
                ["id": s.id, "code": s.code, "title": text(s.title), "kind": s.kind, "iecee_category": s.ieceeCategory,
                 "url": s.url ?? NSNull()] as [String: Any]
            },
            "schemes": h.schemes.map { s in
                ["id": s.id, "name": text(s.name), "market": s.market.id, "authority": text(s.authority),
                 "mark": text(s.mark), "obligation": s.obligation.rawValue, "accepts_cb": s.acceptsCB.rawValue,
                 "factory_inspection": s.factoryInspection.rawValue, "local_testing": s.localTesting.rawValue,
                 "local_representative": s.localRepresentative.rawValue, "validity": text(s.validity),
                 "url": s.url ?? NSNull(), "notes": text(s.notes), "sources": sources(s.sources),
                 "confidence": s.confidence?.rawValue ?? NSNull(), "reviewed": s.reviewed?.description ?? NSNull()]
                    as [String: Any]
            },
            "requirements": h.requirements.map { r in
                var documents: [String: [String]] = [:]
                for l in h.config.languages { documents[l] = r.documents.items(l, fallbacks: h.config.fallbacks(for: l)) }
                return ["product": r.product.id, "market": r.market.id, "schemes": r.schemes.map(\.id),
                        "standards": r.standards.map(\.id), "cb_reuse": r.cbReuse.rawValue,
                        "local_testing": r.localTesting.rawValue, "documents": documents,
                        "lead_time_weeks": r.leadTimeWeeks.map { [$0.lowerBound, $0.upperBound] } ?? NSNull(),
                        "status": r.status.rawValue, "effective_from": r.effectiveFrom?.description ?? NSNull(),
                        "notes": text(r.notes), "sources": sources(r.sources),
                        "confidence": r.confidence?.rawValue ?? NSNull(), "reviewed": r.reviewed?.description ?? NSNull()]
                    as [String: Any]
            },
            "events": h.events.map { e in
                ["date": e.date.description, "market": e.market.id, "products": e.products.map(\.id),
                 "title": text(e.title), "source": e.source.map { ["title": $0.title, "url": $0.url] } ?? NSNull()]
                    as [String: Any]
            },
            "centres": h.centres.map { c in
                ["id": c.id, "name": text(c.name), "region": c.region.id, "city": text(c.city),
                 "markets": c.markets.map(\.id), "url": c.url ?? NSNull()] as [String: Any]
            },
        ]
        return (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted,
                                                                            .withoutEscapingSlashes])) ?? Data()
    }

    private func xml(_ s: String) -> String { HTMLEscape.escape(s) }

    private func csv(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
    }
}
