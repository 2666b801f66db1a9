/// A gap check written out in one language, with the theme's UI strings: as text for a terminal,
/// as JSON for scripts, or as CSV for a spreadsheet.
extension GapCheck {
    /// One market's result in words.
    struct Row {
        var market: String
        var name: String
        var requirement: String?
        var verdict: Verdict
        var verdictLabel: String
        var todo: [String]
        var validity: String?
        var validityMonths: ClosedRange<Int>?
        var renewal: String
        var fees: String
        var leadTime: ClosedRange<Int>?
        var questions: [String]
        var confidence: Confidence?
        var sources: [SourceRef]
    }

    func rows(_ w: PlanWords) -> [Row] {
        let productName = w.h.product(product).map { w.text($0.name) } ?? product
        let code = w.standard(report.standard)
        return results.map { res in
            let r = res.requirement.flatMap { w.h.requirement($0) }
            let name = w.market(res.market)
            let base = ["market": name, "product": productName, "standard": code]
            let todo = res.todo.map { item -> String in
                switch item.key {
                case "documents":
                    let documents = r?.documents.items(w.l, fallbacks: w.h.config.fallbacks(for: w.l)) ?? []
                    return w.t("gap_todo_documents") + w.t("colon") + documents.joined(separator: w.t("list_separator"))
                case "labelling": return w.t("gap_todo_labelling") + w.t("colon") + (r.map { w.text($0.labelling) } ?? "")
                case "representative":
                    let notes = r.map { w.text($0.localRepresentativeNotes) } ?? ""
                    return w.t("gap_todo_representative") + (notes.isEmpty ? "" : w.t("colon") + notes)
                default: return w.fill("gap_todo_" + item.key, base)
                }
            }
            var verdictLabel = w.fill("gap_verdict_" + res.verdict.rawValue.replacing("-", with: "_"), base)
            if let to = res.gapTo { verdictLabel += " \(code):\(to)" }
            return Row(market: res.market, name: name, requirement: res.requirement, verdict: res.verdict, verdictLabel: verdictLabel,
                       todo: todo, validity: r?.validityMonths.map { w.t("months").replacing("{n}", with: w.range($0)) },
                       validityMonths: r?.validityMonths, renewal: r.map { w.text($0.renewal) } ?? "",
                       fees: r.map { w.text($0.fees) } ?? "", leadTime: r?.leadTimeWeeks,
                       questions: res.questions.map { w.fill("gap_q_" + $0.key, base.merging($0.values) { _, new in new }) },
                       confidence: r?.confidence, sources: r?.sources ?? [])
        }
    }

    /// "Your report covers N of M markets as is; …" and the longest lead time, naming the markets
    /// whose lead time no source gives.
    func summary(_ w: PlanWords) -> [String] {
        let c = counts
        var parts = [w.fill("gap_summary", ["n": "\(c[.asIs] ?? 0)", "total": "\(results.count)"])]
        for verdict in Verdict.allCases.dropFirst() where (c[verdict] ?? 0) > 0 {
            parts.append(w.fill("gap_summary_" + verdict.rawValue.replacing("-", with: "_"), ["n": "\(c[verdict]!)"]))
        }
        var lines = [parts.joined(separator: w.t("gap_summary_separator")) + w.t("gap_summary_end")]
        let leads = results.compactMap { res in res.requirement.flatMap { w.h.requirement($0)?.leadTimeWeeks }.map { (res.market, $0) } }
        let unknown = results.filter { res in res.requirement.flatMap { w.h.requirement($0)?.leadTimeWeeks } == nil }.map { w.market($0.market) }
        if let longest = leads.map(\.1.upperBound).max() {
            let markets = leads.filter { $0.1.upperBound == longest }.map { w.market($0.0) }
            lines.append(w.fill("gap_longest_lead", ["weeks": "\(longest)", "markets": markets.joined(separator: w.t("list_separator"))]))
        }
        if !unknown.isEmpty {
            lines.append(w.fill("gap_lead_unknown", ["markets": unknown.joined(separator: w.t("list_separator"))]))
        }
        return lines
    }

    /// For a terminal: the summary, then one block per market.
    func text(_ w: PlanWords) -> String {
        let productName = w.h.product(product).map { w.text($0.name) } ?? product
        var out = "\(productName) · \(w.standard(report.standard))" + (report.edition.map { ":\($0)" } ?? "") + "\n"
        out += summary(w).joined(separator: "\n") + "\n"
        for row in rows(w) {
            out += "\n\(row.name)\(w.t("colon"))\(row.verdictLabel)\n"
            for item in row.todo { out += "  - \(item)\n" }
            out += "  \(w.t("validity"))\(w.t("colon"))\(row.validity ?? w.t("unknown"))" + (row.renewal.isEmpty ? "" : " · \(row.renewal)") + "\n"
            out += "  \(w.t("lead_time"))\(w.t("colon"))" + (row.leadTime.map { "\(w.range($0)) \(w.t("weeks"))" } ?? w.t("lead_time_unknown")) + "\n"
            if !row.fees.isEmpty { out += "  \(w.t("fees"))\(w.t("colon"))\(row.fees)\n" }
            for q in row.questions { out += "  ? \(q)\n" }
            if let req = row.requirement {
                out += "  \(w.t("gap_basis"))\(w.t("colon"))req:\(req)"
                    + (row.confidence.map { " (\(w.t("confidence"))\(w.t("colon"))\(w.t("confidence_\($0.rawValue)")))" } ?? "") + "\n"
            }
        }
        return out
    }

    /// For scripts: everything, by key.
    func json(_ w: PlanWords) -> JSONValue {
        func range(_ r: ClosedRange<Int>?) -> JSONValue { r.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null }
        return [
            "product": .string(product), "language": .string(w.l),
            "report": ["standard": .string(report.standard), "edition": JSONValue(report.edition),
                       "differences": JSONValue(report.differences.sorted()), "ncb": JSONValue(report.ncb)],
            "summary": JSONValue(summary(w)),
            "markets": .array(rows(w).map { row in
                ["market": .string(row.market), "name": .string(row.name), "requirement": JSONValue(row.requirement),
                 "verdict": .string(row.verdict.rawValue), "verdict_label": .string(row.verdictLabel),
                 "todo": JSONValue(row.todo), "validity_months": range(row.validityMonths), "renewal": .string(row.renewal),
                 "fees": .string(row.fees), "lead_time_weeks": range(row.leadTime), "questions": JSONValue(row.questions),
                 "confidence": JSONValue(row.confidence?.rawValue),
                 "sources": .array(row.sources.map { s in
                     ["title": .string(s.title), "url": .string(s.url), "confidence": JSONValue(s.confidence?.rawValue)]
                 })]
            }),
        ]
    }

    /// For a spreadsheet: one row per market.
    func csv(_ w: PlanWords) -> String {
        func range(_ r: ClosedRange<Int>?) -> String { r.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "" }
        var out = "market,verdict,todo,validity_months,lead_time_weeks,fees,questions,requirement,confidence\n"
        for row in rows(w) {
            out += [row.market, row.verdict.rawValue, row.todo.joined(separator: "; "), range(row.validityMonths),
                    range(row.leadTime), row.fees, row.questions.joined(separator: "; "), row.requirement ?? "",
                    row.confidence?.rawValue ?? ""].map(CSVWriter.cell).joined(separator: ",") + "\n"
        }
        return out
    }
}
