/// A test-once plan written out in one language: the summary sentences the planner page shows, and
/// text for a terminal, JSON for scripts, CSV for a spreadsheet (the planner's CSV link gives the
/// same rows).
extension ExportPlan {
    /// What a CB report covers, how much of the timing is known: one sentence each.
    func summary(_ w: PlanWords) -> [String] {
        let total = "\(markets.count)"
        var lines = [w.fill("export_summary", ["covered": "\(covered.count)", "total": total])]
        var lead = w.fill("export_lead_known", ["n": "\(leadTimes.count)", "total": total])
        if let longest = longestLeadTime {
            lead += w.fill("export_lead_longest", ["weeks": "\(longest.weeks)", "markets": w.markets(longest.markets)])
        }
        lines.append(lead + w.t("export_end"))
        var validity = w.fill("export_validity_known", ["n": "\(self.validity.count)", "total": total])
        if let shortest = shortestValidity {
            validity += w.fill("export_validity_shortest", ["months": "\(shortest.months)", "markets": w.markets(shortest.markets)])
        }
        lines.append(validity + w.t("export_end"))
        return lines
    }

    /// The report's name: the standard's number with the edition to test to (`IEC 61215:2016`),
    /// the number alone when no edition is named, or a placeholder when no standard is recorded.
    func label(_ order: Order, _ w: PlanWords) -> String {
        guard let id = order.standard else { return w.t("export_order_unrecorded") }
        return w.standard(id) + (order.edition.map { ":\($0)" } ?? "")
    }

    /// A local test: the market, how far a CB report goes there, its schemes, standards and labs.
    func detail(_ test: LocalTest, _ w: PlanWords) -> String {
        var parts = [w.t("export_cb_\(test.cb.rawValue)")]
        if !test.schemes.isEmpty { parts.append(test.schemes.map(w.scheme).joined(separator: w.t("list_separator"))) }
        if !test.standards.isEmpty { parts.append(test.standards.map(w.standard).joined(separator: w.t("list_separator"))) }
        if !test.labs.isEmpty { parts.append(w.t("labs") + w.t("colon") + test.labs.map(w.body).joined(separator: w.t("list_separator"))) }
        return parts.joined(separator: " · ")
    }

    /// For a terminal: the summary, then the plan's sections.
    func text(_ w: PlanWords) -> String {
        let productName = w.h.product(product).map { w.text($0.name) } ?? product
        var out = "\(productName) · \(w.markets(markets))\n" + summary(w).joined(separator: "\n") + "\n"
        // A section's items as a list; an item's further lines indented under it.
        func section(_ key: String, _ items: [[String]]) {
            guard !items.isEmpty else { return }
            out += "\n\(w.t(key))\n" + items.map { lines in
                "  - " + lines.joined(separator: "\n    ") + "\n"
            }.joined()
        }
        func section(_ key: String, _ items: [String]) { section(key, items.map { [$0] }) }
        section("export_orders", orders.map { o -> [String] in
            var lines = [label(o, w) + w.t("colon") + w.markets(o.markets)]
            if !o.differences.isEmpty { lines.append(w.t("export_order_differences") + w.t("colon") + w.markets(o.differences)) }
            if !o.askDifferences.isEmpty { lines.append(w.t("export_order_ask_differences") + w.t("colon") + w.markets(o.askDifferences)) }
            return lines
        })
        section("export_local", localTests.map { w.market($0.market) + w.t("colon") + detail($0, w) })
        section("export_ask", askCB.map { w.market($0) + w.t("colon") + w.t("export_ask_cb") }
                + unlisted.map { w.market($0) + w.t("colon") + w.t("plan_unlisted") })
        section("export_documents", documents.map { $0.text + w.t("paren_open") + w.markets($0.markets) + w.t("paren_close") })
        var also: [String] = []
        if !representative.isEmpty { also.append(w.t("plan_representative") + w.t("colon") + w.markets(representative)) }
        if !factoryInspection.isEmpty { also.append(w.t("export_factory_inspection") + w.t("colon") + w.markets(factoryInspection)) }
        section("export_also", also)
        section("export_timing", leadTimes.map { w.market($0.market) + w.t("colon") + w.range($0.range) + " " + w.t("weeks") })
        return out
    }

    /// For scripts: everything, by key, with ids and the names the page shows.
    func json(_ w: PlanWords) -> JSONValue {
        func range(_ r: ClosedRange<Int>) -> JSONValue { [.int(r.lowerBound), .int(r.upperBound)] }
        return [
            "product": .string(product), "language": .string(w.l), "markets": JSONValue(markets),
            "summary": JSONValue(summary(w)),
            "orders": .array(orders.map { o in
                ["standard": JSONValue(o.standard), "edition": JSONValue(o.edition), "label": .string(label(o, w)),
                 "markets": JSONValue(o.markets), "differences": JSONValue(o.differences),
                 "ask_differences": JSONValue(o.askDifferences)]
            }),
            "local": .array(localTests.map { t in
                ["market": .string(t.market), "cb": .string(t.cb.rawValue), "schemes": JSONValue(t.schemes),
                 "standards": JSONValue(t.standards), "labs": JSONValue(t.labs), "detail": .string(detail(t, w))]
            }),
            "ask_cb": JSONValue(askCB), "unlisted": JSONValue(unlisted),
            "documents": .array(documents.map { ["text": .string($0.text), "markets": JSONValue($0.markets)] }),
            "representative": JSONValue(representative), "factory_inspection": JSONValue(factoryInspection),
            "lead_times": .array(leadTimes.map { ["market": .string($0.market), "weeks": range($0.range)] }),
            "validity": .array(validity.map { ["market": .string($0.market), "months": range($0.range)] }),
        ]
    }

    /// For a spreadsheet: `section,item,markets,detail`, one row per line of the plan.
    func csv(_ w: PlanWords) -> String {
        func row(_ cells: [String]) -> String { cells.map(CSVWriter.cell).joined(separator: ",") + "\n" }
        func ids(_ list: [String]) -> String { list.joined(separator: ";") }
        func span(_ r: ClosedRange<Int>) -> String { "\(r.lowerBound)-\(r.upperBound)" }
        var out = row(["section", "item", "markets", "detail"])
        for line in summary(w) { out += row(["summary", line, "", ""]) }
        for o in orders {
            var detail: [String] = []
            if !o.differences.isEmpty { detail.append("differences=" + ids(o.differences)) }
            if !o.askDifferences.isEmpty { detail.append("ask=" + ids(o.askDifferences)) }
            out += row(["order", label(o, w), ids(o.markets), detail.joined(separator: " ")])
        }
        for t in localTests { out += row(["local", t.market, t.market, detail(t, w)]) }
        for m in askCB { out += row(["ask-cb", m, m, ""]) }
        for m in unlisted { out += row(["unlisted", m, m, ""]) }
        for d in documents { out += row(["document", d.text, ids(d.markets), ""]) }
        for m in representative { out += row(["representative", m, m, ""]) }
        for m in factoryInspection { out += row(["factory-inspection", m, m, ""]) }
        for f in leadTimes { out += row(["lead-time", f.market, f.market, span(f.range)]) }
        for f in validity { out += row(["validity", f.market, f.market, span(f.range)]) }
        return out
    }
}
