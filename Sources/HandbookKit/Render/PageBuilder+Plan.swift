/// The test-once plan as a page shows it (`partials/export-plan`): the same sentences and labels
/// as `handbook plan`, with markets linked to their requirement pages. The planner's script builds
/// the same markup in the browser.
extension PageBuilder {
    var planWords: PlanWords { PlanWords(h: h, l: l, strings: site.templates.strings[l] ?? [:]) }

    func exportPlan(_ plan: ExportPlan) -> [String: Any] {
        let w = planWords
        // Market names linked to this product's requirement page there (or the market page), joined.
        func links(_ ids: [String]) -> [[String: Any]] {
            ids.enumerated().map { i, id in
                let target = h.requirement("\(plan.product)/\(id)") != nil
                    ? Routes.requirement(l, plan.product, id) : Routes.market(l, id)
                return ["id": id, "name": w.market(id), "href": href(target),
                        "sep": i == ids.count - 1 ? "" : t("list_separator")]
            }
        }
        let ask = plan.askCB.map { ["market": links([$0])[0], "text": t("export_ask_cb")] }
            + plan.unlisted.map { ["market": links([$0])[0], "text": t("plan_unlisted")] }
        var also: [[String: Any]] = []
        if !plan.representative.isEmpty { also.append(["label": t("plan_representative"), "markets": links(plan.representative)]) }
        if !plan.factoryInspection.isEmpty { also.append(["label": t("export_factory_inspection"), "markets": links(plan.factoryInspection)]) }
        return [
            "product": plan.product, "summary": plan.summary(w),
            "orders": plan.orders.map { o -> [String: Any] in
                ["standard": o.standard ?? "", "edition": o.edition ?? "", "label": plan.label(o, w),
                 "markets": links(o.markets), "differences": links(o.differences), "has_differences": !o.differences.isEmpty,
                 "ask_differences": links(o.askDifferences), "has_ask_differences": !o.askDifferences.isEmpty]
            },
            "has_orders": !plan.orders.isEmpty,
            "local": plan.localTests.map { ["market": links([$0.market])[0], "detail": plan.detail($0, w)] },
            "has_local": !plan.localTests.isEmpty,
            "ask": ask, "has_ask": !ask.isEmpty,
            "documents": plan.documents.map { ["text": $0.text, "markets": links($0.markets)] },
            "has_documents": !plan.documents.isEmpty,
            "also": also, "has_also": !also.isEmpty,
            "lead_times": plan.leadTimes.map { ["market": links([$0.market])[0], "weeks": w.range($0.range)] },
            "has_lead_times": !plan.leadTimes.isEmpty,
        ]
    }
}
