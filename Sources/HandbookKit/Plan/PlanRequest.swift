/// What `handbook plan` (and the planner's URL) asks: a product, target markets and, for a gap
/// check, the CB report held, as typed. `resolve` checks every id against the handbook and says what is wrong.
public struct PlanRequest: Sendable {
    public var product: String
    public var markets: [String]
    /// `standard:edition` (`iec-61730:2023`) or a standard id alone; nil asks for the test-once plan.
    public var report: String?
    public var differences: [String]
    public var ncb: String?

    public init(product: String, markets: [String], report: String?, differences: [String] = [], ncb: String? = nil) {
        self.product = product
        self.markets = markets
        self.report = report
        self.differences = differences
        self.ncb = ncb
    }

    /// The request's mistakes, each a sentence with what would be right.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    /// The report to check (nil when none is named), or every problem with the request.
    public func resolve(in h: Handbook) -> Result<GapCheck.Report?, Invalid> {
        var problems: [String] = []
        func known(_ id: String, _ ids: [String], _ what: String, option: String) -> Bool {
            if ids.contains(id) { return true }
            problems.append("\(option): unknown \(what) '\(id)'" + Suggestions.didYouMean(id, in: ids)
                            + "; \(what)s: \(ids.prefix(12).joined(separator: ", "))\(ids.count > 12 ? ", …" : "")")
            return false
        }
        _ = known(product, h.products.map(\.id), "product", option: "--product")
        if markets.isEmpty { problems.append("--markets: name at least one market, e.g. --markets eu,sa") }
        var seen = Set<String>()
        for m in markets {
            if !seen.insert(m).inserted { problems.append("--markets: '\(m)' is named twice") }
            _ = known(m, h.markets.map(\.id), "market", option: "--markets")
        }
        for m in differences { _ = known(m, h.markets.map(\.id), "market", option: "--differences") }
        guard let report else {
            if !differences.isEmpty { problems.append("--differences: name the report they belong to with --report") }
            if ncb != nil { problems.append("--ncb: name the report it certified with --report") }
            return problems.isEmpty ? .success(nil) : .failure(Invalid(problems: problems))
        }
        let parts = report.split(separator: ":", maxSplits: 1).map(String.init)
        let standard = parts.first ?? ""
        let edition = parts.count > 1 ? parts[1] : nil
        if known(standard, h.standards.map(\.id), "standard", option: "--report"), let edition,
           let s = h.standard(standard), !s.editions.contains(edition) {
            problems.append("--report: standard '\(standard)' has no edition '\(edition)'" + Suggestions.didYouMean(edition, in: s.editions)
                            + (s.editions.isEmpty ? "; no editions are listed for it: write '\(standard)' alone"
                                : "; its editions: \(s.editions.joined(separator: ", "))"))
        }
        if let ncb {
            if known(ncb, h.bodies.map(\.id), "body", option: "--ncb"), h.body(ncb)?.roles.contains(.ncb) == false {
                problems.append("--ncb: '\(ncb)' is not listed as an IECEE NCB in data/bodies")
            }
        }
        guard problems.isEmpty else { return .failure(Invalid(problems: problems)) }
        return .success(GapCheck.Report(standard: standard, edition: edition, differences: Set(differences), ncb: ncb))
    }
}
