/// The chapters of the print book: the free pages that explain the handbook, the product guides,
/// the market guides by region, the matrix, the requirements, the glossary and the sources.
extension PrintBook {
    /// Every chapter as `{id, title, intro?, sections: [{id, title, summary?, html?, in_toc, …}]}`
    /// with one flag (`guide`, `matrix`, `requirements`, `sources`) saying how it is laid out.
    func chapters() -> [[String: Any]] {
        var out: [[String: Any]] = []
        for path in Self.leadingPages { if let chapter = pageChapter(path) { out.append(chapter) } }
        out.append(["id": "products", "title": b.t("nav_products"), "guide": true,
                    "sections": h.products.map { p in
                        guideSection("product-" + p.id, title: b.text(p.name), summary: b.text(p.summary), p.guide)
                    }])
        for region in h.regions {
            let markets = h.markets.filter { $0.region.id == region.id }.sorted { b.text($0.name) < b.text($1.name) }
            guard !markets.isEmpty else { continue }
            out.append(["id": "region-" + region.id, "title": b.text(region.name), "guide": true,
                        "sections": markets.map { m in
                            guideSection("market-" + m.id, title: b.text(m.name), summary: b.text(m.summary), m.guide)
                        }])
        }
        out.append(matrixChapter())
        out.append(requirementsChapter())
        for path in Self.trailingPages { if let chapter = pageChapter(path) { out.append(chapter) } }
        out.append(sourcesChapter())
        return out
    }

    /// A free page as a chapter of its own (its body's sections are the chapter's).
    func pageChapter(_ path: String) -> [String: Any]? {
        guard let p = h.page(path) else { return nil }
        let id = "page-" + path.replacing("/", with: "-")
        return ["id": id, "title": b.text(p.title), "guide": true,
                "sections": [["id": id + "--body", "html": bodyHTML(p.guide, prefix: id, shift: 0) ?? "", "in_toc": false]]]
    }

    /// One guide (a product or a market) as a section of its chapter.
    func guideSection(_ id: String, title: String, summary: String, _ guide: Guide) -> [String: Any] {
        ["id": id, "title": title, "summary": summary, "html": bodyHTML(guide, prefix: id, shift: 1) ?? "", "in_toc": true]
    }

    /// Markets (by region) × products, each cell the CB reuse of that pair.
    func matrixChapter() -> [String: Any] {
        let rows = h.regions.flatMap { region -> [[String: Any]] in
            let markets = h.markets.filter { $0.region.id == region.id }.sorted { b.text($0.name) < b.text($1.name) }
            guard !markets.isEmpty else { return [] }
            return [["region": b.text(region.name), "span": h.products.count + 1]] + markets.map { m in
                ["market": b.text(m.name), "id": "market-" + m.id,
                 "cells": h.products.map { p -> [String: Any] in
                     guard let r = h.requirement("\(p.id)/\(m.id)") else { return ["label": b.t("matrix_none"), "empty": true] }
                     return ["label": b.word("cb", r.cbReuse)["label"] ?? "", "value": r.cbReuse.rawValue,
                             "id": "req-\(p.id)-\(m.id)"]
                 }]
            }
        }
        return ["id": "matrix", "title": b.t("nav_matrix"), "intro": b.t("matrix_intro"), "matrix": true,
                "products": h.products.map { p in ["name": p.shortName.isEmpty ? b.text(p.name) : b.text(p.shortName)] },
                "rows": rows]
    }

    /// Every requirement as one compact block, grouped by product.
    func requirementsChapter() -> [String: Any] {
        ["id": "requirements", "title": b.t("book_requirements"), "requirements": true,
         "sections": h.products.map { p -> [String: Any] in
             let rows = h.requirements.filter { $0.product.id == p.id }
                 .sorted { b.text(h.market($0.market.id)?.name ?? LocalizedText()) < b.text(h.market($1.market.id)?.name ?? LocalizedText()) }
             return ["id": "requirements-" + p.id, "title": b.text(p.name), "in_toc": true,
                     "blocks": rows.map(requirementBlock)]
         }]
    }

    func requirementBlock(_ r: Requirement) -> [String: Any] {
        let market = h.market(r.market.id).map { b.text($0.name) } ?? r.market.id
        let product = h.product(r.product.id).map { b.text($0.name) } ?? r.product.id
        let fallbacks = h.config.fallbacks(for: l)
        return [
            "id": "req-\(r.product.id)-\(r.market.id)", "title": "\(product) → \(market)",
            "market_ref": "market-" + r.market.id,
            "cb_reuse": b.word("cb", r.cbReuse), "local_testing": b.word("yesno", r.localTesting),
            "schemes": r.schemes.compactMap { h.scheme($0.id).map { b.text($0.name) } }.joined(separator: b.t("list_separator")),
            "standards": r.standards.map { h.standard($0.id)?.code ?? $0.id }.joined(separator: b.t("list_separator")),
            "documents": r.documents.items(l, fallbacks: fallbacks).joined(separator: b.t("list_separator")),
            "lead_time": r.leadTimeWeeks.map(PageBuilder.weeks) as Any,
            "validity": r.validityMonths.map(b.months) as Any,
            "notes": r.notes.resolve(l, fallbacks: fallbacks).text,
            "confidence": b.confidence(r.confidence) as Any, "reviewed": r.reviewed?.description as Any,
            "href": Routes.requirement(l, r.product.id, r.market.id).absolute(base: h.config.baseURL),
        ]
    }

    /// Every source the handbook cites, once, by title.
    func sourcesChapter() -> [String: Any] {
        var seen = Set<String>()
        var all: [SourceRef] = []
        let lists: [[SourceRef]] = h.markets.map(\.sources) + h.products.map(\.sources) + h.requirements.map(\.sources)
            + h.schemes.map(\.sources) + h.bodies.map(\.sources)
        for s in lists.joined() where seen.insert(s.url).inserted { all.append(s) }
        all.sort { ($0.title.lowercased(), $0.url) < ($1.title.lowercased(), $1.url) }
        return ["id": "sources", "title": b.t("sources"), "sources": true, "intro": b.t("book_sources_intro"),
                "items": all.map(b.source)]
    }
}
