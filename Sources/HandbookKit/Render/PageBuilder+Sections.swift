/// Contexts for the cross-cutting pages: matrix, planner, updates, search.
extension PageBuilder {
    /// One row per market (grouped by region), one column per product: products are few, so the
    /// grid stays readable on a phone.
    func matrix() -> PageContent {
        let products = h.products
        let regions = h.regions.compactMap { region -> [String: Any]? in
            let markets = h.markets.filter { $0.region.id == region.id }.sorted { text($0.name) < text($1.name) }
            guard !markets.isEmpty else { return nil }
            let rows = markets.map { m -> [String: Any] in
                let cells = products.map { p -> [String: Any] in
                    guard let r = h.requirement("\(p.id)/\(m.id)") else { return ["empty": true, "label": t("matrix_none")] }
                    return ["href": href(Routes.requirement(l, p.id, m.id)), "cb_reuse": word("cb", r.cbReuse),
                            "schemes": r.schemes.map { schemeLink($0.id) }]
                }
                return ["market": marketLink(m.id), "cells": cells]
            }
            return ["id": region.id, "name": text(region.name), "rows": rows, "span": products.count + 1]
        }
        return PageContent(title: t("nav_matrix"), breadcrumbs: [(t("nav_matrix"), route)],
                           context: ["products": products.enumerated().map { i, p in
                                        productLink(p.id).merging(["short": p.shortName.isEmpty ? text(p.name) : text(p.shortName),
                                                                   "column": i + 2]) { a, _ in a }
                                     }, "regions": regions,
                                     "csv": href(Routes.matrixCSV)])
    }

    /// The planner: a form computed in the browser from data embedded here, and, for readers
    /// without JavaScript, every product's plan for all markets.
    func planner() -> PageContent {
        let plans = h.products.map { p -> [String: Any] in
            productLink(p.id).merging(["id": p.id, "plan": exportPlan(ExportPlan(h, product: p.id, markets: h.markets.map(\.id), language: l))]) { a, _ in a }
        }
        let regions = h.regions.compactMap { region -> [String: Any]? in
            let markets = h.markets.filter { $0.region.id == region.id }.sorted { text($0.name) < text($1.name) }
            guard !markets.isEmpty else { return nil }
            return ["id": region.id, "name": text(region.name),
                    "markets": markets.map { ["id": $0.id, "name": text($0.name), "region": region.id] }]
        }
        return PageContent(title: t("nav_planner"), breadcrumbs: [(t("nav_planner"), route)],
                           context: ["plans": plans, "regions": regions,
                                     "products": h.products.map { ["id": $0.id, "name": text($0.name)] },
                                     "standards": h.standards.map { ["id": $0.id, "code": $0.code] },
                                     "data": PlannerData(self).json()])
    }

    func updates() -> PageContent {
        let upcoming = h.events.filter { $0.date >= site.today }.map(event)
        let past = h.events.filter { $0.date < site.today }.reversed().map(event)
        var reviewed: [(Day, String, Route)] = []
        for m in h.markets { if let d = m.reviewed { reviewed.append((d, text(m.name), Routes.market(l, m.id))) } }
        for p in h.products { if let d = p.reviewed { reviewed.append((d, text(p.name), Routes.product(l, p.id))) } }
        let recent = reviewed.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(10).map {
            ["date": $0.0.description, "name": $0.1, "href": href($0.2)]
        }
        return PageContent(title: t("nav_updates"), breadcrumbs: [(t("nav_updates"), route)],
                           context: ["upcoming": ["events": upcoming], "past": ["events": Array(past)], "recent": Array(recent),
                                     "changes": h.changes.map(change), "open_for_comment": openForComment(h.events),
                                     "feed": href(Routes.feed(l))])
    }

    /// The search page: a form and the script that queries the index in `index/` beside it.
    func search() -> PageContent {
        let keys = ["search_results", "search_none", "search_more", "search_loading", "search_failed"]
            + SearchDocument.Kind.allCases.map { "kind_\($0.rawValue)" }
        let words = JSONValue.object(keys.map { ($0, .string(t($0))) }).text(scriptSafe: true)
        return PageContent(title: t("nav_search"), breadcrumbs: [(t("nav_search"), route)],
                           context: ["action": href(route), "words": words])
    }
}
