import Foundation

/// The answer box: "is a CB report enough?" first, on requirement pages and for each product on
/// a market page.
extension PageBuilder {
    /// The answer box's context for `r`. `subject` names the product above the box (market pages).
    func answer(_ r: Requirement, withSubject subject: Bool = false) -> [String: Any] {
        let a = CBAnswer(r, in: h, language: l, fallbacks: fallbacks)
        let reason = CBAnswer.firstSentence(r.notes.resolve(l, fallbacks: fallbacks).text)
        let needs = a.needs.map { need -> String in
            let label = t("answer_need_" + need.key)
            return need.count.map { label.replacingOccurrences(of: "{n}", with: String($0)) } ?? label
        }
        var context: [String: Any] = [
            "verdict": ["value": a.verdict.rawValue, "label": t("answer_" + a.verdict.rawValue)],
            "reason": reason, "has_reason": !reason.isEmpty,
            "covers": a.covers.map { standardLink($0) }, "has_covers": !a.covers.isEmpty,
            "needs": needs, "has_needs": !needs.isEmpty,
            "apply": a.apply.map { schemeLink($0) }, "has_apply": !a.apply.isEmpty,
            "planner_href": href(Routes.planner(l)) + "?product=\(r.product.id)&markets=\(r.market.id)",
            "confidence": confidence(r.confidence) as Any,
        ]
        if subject {
            context["subject"] = productLink(r.product.id)
            context["page_href"] = href(Routes.requirement(l, r.product.id, r.market.id))
        }
        return context
    }
}
