/// "I already hold a CB report": what that report is worth in each target market, what is still to
/// do, and what to ask the lab or the authority. Every verdict comes from the requirements table;
/// where the data is missing the verdict is `unknown` and a question says what to find out.
public struct GapCheck: Sendable {
    /// The CB test report the exporter holds.
    public struct Report: Sendable, Hashable {
        /// The standard's id (`iec-61730`).
        public var standard: String
        /// Its edition (`2023`), or nil when the exporter does not say.
        public var edition: String?
        /// The markets whose national differences the report includes.
        public var differences: Set<String>
        /// The NCB that issued the CB certificate (a body id), if given.
        public var ncb: String?

        public init(standard: String, edition: String?, differences: Set<String>, ncb: String? = nil) {
            self.standard = standard
            self.edition = edition
            self.differences = differences
            self.ncb = ncb
        }
    }

    /// What the report is worth in one market, from best to worst.
    public enum Verdict: String, Sendable, CaseIterable, Comparable {
        /// Usable as is (extra documents may still be listed).
        case asIs = "as-is"
        /// Usable once the market's national differences are tested.
        case afterDifferences = "after-differences"
        /// The data does not say; the questions say what to find out.
        case unknown
        /// The market accepts only a later edition of the standard: gap testing to it.
        case editionNotAccepted = "edition-not-accepted"
        /// A CB report is not accepted: local testing or a separate scheme.
        case notAccepted = "not-accepted"

        var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
    }

    /// A question for the lab or the authority: a key of the UI strings (`gap_q_<key>`) and the
    /// values of its placeholders.
    public struct Question: Sendable, Hashable {
        public var key: String
        public var values: [String: String]
    }

    /// One thing still to do in a market (`gap_todo_<key>`), with the text it carries if any.
    public struct Todo: Sendable, Hashable {
        public var key: String
        public var text: String?
    }

    /// The result for one target market.
    public struct MarketResult: Sendable {
        public var market: String
        /// The requirement row the verdict comes from (`product/market`), nil when there is none.
        public var requirement: String?
        public var verdict: Verdict
        /// The accepted edition to gap-test to, for `editionNotAccepted`.
        public var gapTo: String?
        public var todo: [Todo] = []
        public var questions: [Question] = []
    }

    public let product: String
    public let report: Report
    public let results: [MarketResult]

    /// Checks `report` for `product` in `markets` (ids already validated against `h`).
    public init(_ h: Handbook, product: String, markets: [String], report: Report) {
        self.product = product
        self.report = report
        results = markets.map { Self.check(h, product: product, market: $0, report: report) }
    }

    static func check(_ h: Handbook, product: String, market m: String, report: Report) -> MarketResult {
        guard let r = h.requirement("\(product)/\(m)") else {
            return MarketResult(market: m, requirement: nil, verdict: .unknown,
                                questions: [Question(key: "not_covered", values: [:])])
        }
        var result = MarketResult(market: m, requirement: r.id, verdict: .asIs)
        func worsen(_ v: Verdict) { result.verdict = max(result.verdict, v) }
        func ask(_ key: String, _ values: [String: String] = [:]) { result.questions.append(Question(key: key, values: values)) }
        let code = h.standard(report.standard)?.code.split(separator: ":").first.map(String.init) ?? report.standard

        switch r.cbReuse {
        case .none:
            worsen(.notAccepted)
        case .unknown:
            worsen(.unknown)
            ask("cb_reuse", ["standard": code])
        case .full, .partial:
            var gapTo: String?
            checkStandard(h, r, report, code: code, worsen: worsen, ask: ask, gapTo: &gapTo)
            result.gapTo = gapTo
        }
        if r.cbReuse != .none {
            if report.differences.contains(m) {
                // Covered by the report.
            } else if r.nationalDifferences == .required {
                worsen(.afterDifferences)
                result.todo.append(Todo(key: "differences"))
            } else if r.nationalDifferences == .unknown {
                ask("differences")
            }
        }
        if r.localTesting == .yes { result.todo.append(Todo(key: "local_testing")) }
        if r.localRepresentative == .required {
            result.todo.append(Todo(key: "representative", text: nil))
        } else if r.localRepresentative == .unknown {
            ask("representative")
        }
        if r.factoryInspection == .yes {
            result.todo.append(Todo(key: "factory_inspection"))
        } else if r.factoryInspection == .unknown {
            ask("factory_inspection")
        }
        if !r.labelling.isEmpty { result.todo.append(Todo(key: "labelling")) }
        if r.documents.values.values.contains(where: { !$0.isEmpty }) { result.todo.append(Todo(key: "documents")) }
        if r.validityMonths == nil { ask("validity") }
        if r.fees.isEmpty { ask("fees") }
        if r.leadTimeWeeks == nil { ask("lead_time") }
        if r.confidence == .low || r.confidence == nil { ask("low_confidence") }
        return result
    }

    /// Whether the report's standard and edition are what the market accepts.
    private static func checkStandard(_ h: Handbook, _ r: Requirement, _ report: Report, code: String,
                                      worsen: (Verdict) -> Void, ask: (String, [String: String]) -> Void,
                                      gapTo: inout String?) {
        let accepted = r.acceptedStandards.filter { $0.standard.id == report.standard }
        if accepted.isEmpty {
            if r.acceptedStandards.isEmpty && r.standards.contains(where: { $0.id == report.standard }) {
                // The standard is the market's; which editions it takes is not recorded.
                ask("edition", ["standard": code, "edition": report.edition ?? "?"])
            } else {
                worsen(.unknown)
                ask("standard", ["standard": code])
            }
            return
        }
        if accepted.contains(where: { $0.edition == nil || $0.edition == report.edition }) { return }
        let editions = h.standard(report.standard)?.editions ?? []
        let acceptedEditions = accepted.compactMap(\.edition)
        if let edition = report.edition, let held = editions.firstIndex(of: edition),
           acceptedEditions.allSatisfy({ (editions.firstIndex(of: $0) ?? -1) > held }) {
            // Every accepted edition is later than the report's: gap testing to the earliest of them.
            worsen(.editionNotAccepted)
            gapTo = acceptedEditions.min { (editions.firstIndex(of: $0) ?? 0) < (editions.firstIndex(of: $1) ?? 0) }
        } else {
            worsen(.unknown)
            ask("edition", ["standard": code, "edition": report.edition ?? "?"])
        }
    }

    /// How many markets got each verdict.
    public var counts: [Verdict: Int] {
        var out: [Verdict: Int] = [:]
        for r in results { out[r.verdict, default: 0] += 1 }
        return out
    }
}
