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
        /// Each mistake in both languages.
        public var phrases: [Phrase]
        /// Each mistake in English.
        public var problems: [String] { phrases.map(\.en) }
        public var description: String { problems.joined(separator: "\n") }
    }

    /// The report to check (nil when none is named), or every problem with the request.
    public func resolve(in h: Handbook) -> Result<GapCheck.Report?, Invalid> {
        var problems: [Phrase] = []
        func known(_ id: String, _ ids: [String], _ kind: CrossReference.Kind, option: String) -> Bool {
            if ids.contains(id) { return true }
            let listed = Phrase.list(ids, limit: 12), suggestion = Suggestions.suggestion(id, in: ids)
            let plural = kind == .body ? "bodies" : kind.name.en + "s"
            problems.append(Phrase(en: "\(option): unknown \(kind.name.en) '\(id)'\(suggestion.en); \(plural): \(listed.en)",
                                   zh: "\(option)：未知的\(kind.name.zh)“\(id)”\(suggestion.zh)；可选的\(kind.name.zh)：\(listed.zh)"))
            return false
        }
        _ = known(product, h.products.map(\.id), .product, option: "--product")
        if markets.isEmpty {
            problems.append(Phrase(en: "--markets: name at least one market, e.g. --markets eu,sa",
                                   zh: "--markets：至少写一个市场，例如 --markets eu,sa"))
        }
        var seen = Set<String>()
        for m in markets {
            if !seen.insert(m).inserted {
                problems.append(Phrase(en: "--markets: '\(m)' is named twice", zh: "--markets：“\(m)”写了两次"))
            }
            _ = known(m, h.markets.map(\.id), .market, option: "--markets")
        }
        for m in differences { _ = known(m, h.markets.map(\.id), .market, option: "--differences") }
        guard let report else {
            if !differences.isEmpty {
                problems.append(Phrase(en: "--differences: name the report they belong to with --report",
                                       zh: "--differences：请用 --report 写明它们所属的报告"))
            }
            if ncb != nil {
                problems.append(Phrase(en: "--ncb: name the report it certified with --report", zh: "--ncb：请用 --report 写明它认证的报告"))
            }
            return problems.isEmpty ? .success(nil) : .failure(Invalid(phrases: problems))
        }
        let parts = report.split(separator: ":", maxSplits: 1).map(String.init)
        let standard = parts.first ?? ""
        let edition = parts.count > 1 ? parts[1] : nil
        if known(standard, h.standards.map(\.id), .standard, option: "--report"), let edition,
           let s = h.standard(standard), !s.editions.contains(edition) {
            let suggestion = Suggestions.suggestion(edition, in: s.editions), editions = Phrase.list(s.editions)
            problems.append(s.editions.isEmpty
                ? Phrase(en: "--report: standard '\(standard)' has no edition '\(edition)'\(suggestion.en); no editions are listed for it: write '\(standard)' alone",
                         zh: "--report：标准“\(standard)”没有“\(edition)”版\(suggestion.zh)；它没有列出任何版本，只写“\(standard)”即可")
                : Phrase(en: "--report: standard '\(standard)' has no edition '\(edition)'\(suggestion.en); its editions: \(editions.en)",
                         zh: "--report：标准“\(standard)”没有“\(edition)”版\(suggestion.zh)；它的版本：\(editions.zh)"))
        }
        if let ncb {
            if known(ncb, h.bodies.map(\.id), .body, option: "--ncb"), h.body(ncb)?.roles.contains(.ncb) == false {
                problems.append(Phrase(en: "--ncb: '\(ncb)' is not listed as an IECEE NCB in data/bodies",
                                       zh: "--ncb：data/bodies 中没有把“\(ncb)”列为 IECEE 国家认证机构（NCB）"))
            }
        }
        guard problems.isEmpty else { return .failure(Invalid(phrases: problems)) }
        return .success(GapCheck.Report(standard: standard, edition: edition, differences: Set(differences), ncb: ncb))
    }
}
