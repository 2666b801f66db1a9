import Foundation

/// The data the planner page embeds for its script: every requirement in the page's language,
/// with links relative to the planner, and the UI words the script needs.
struct PlannerData {
    let b: PageBuilder

    init(_ builder: PageBuilder) {
        b = builder
    }

    /// JSON safe to put inside `<script type="application/json">` (no `<`, `>` or `&`).
    func json() -> String {
        let h = b.h
        let requirements = h.requirements.map { r -> [String: Any] in
            [
                "product": r.product.id, "market": r.market.id, "cb": r.cbReuse.rawValue,
                "href": b.href(Routes.requirement(b.l, r.product.id, r.market.id)),
                "schemes": r.schemes.map { ref -> [String: String] in
                    guard let s = h.scheme(ref.id) else { return ["name": ref.id] }
                    return ["name": b.text(s.name), "mark": b.text(s.mark), "href": b.href(Routes.scheme(b.l, s.id))]
                },
                "documents": r.documents.items(b.l, fallbacks: b.fallbacks),
                "lead": r.leadTimeWeeks.map { [$0.lowerBound, $0.upperBound] } ?? NSNull(),
                "local": r.localTesting.rawValue,
            ]
        }
        let markets = h.markets.map { m -> [String: Any] in
            ["id": m.id, "name": b.text(m.name), "region": m.region.id, "href": b.href(Routes.market(b.l, m.id))]
        }
        let products = h.products.map { p -> [String: Any] in
            ["id": p.id, "name": b.text(p.name), "href": b.href(Routes.product(b.l, p.id))]
        }
        var words: [String: String] = [:]
        for key in ["plan_full", "plan_partial", "plan_local", "plan_unknown", "plan_unlisted", "plan_summary",
                    "plan_none_selected", "longest_lead_time", "weeks", "documents", "local_testing", "yesno_yes"] {
            words[key] = b.t(key)
        }
        let root: [String: Any] = ["requirements": requirements, "markets": markets, "products": products, "words": words]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])) ?? Data()
        var out = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars { JSONText.appendScriptSafe(scalar, to: &out) }
        return out
    }
}
