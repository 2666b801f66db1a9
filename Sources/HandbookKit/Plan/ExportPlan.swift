/// The test-once plan for one product and the target markets an exporter chose, before any report
/// is held: which CB test reports to order (standard, edition, national differences), where local
/// tests or separate schemes are needed, what is not known yet, one de-duplicated document
/// checklist, and how much of the timing the sources give. Every line comes from the requirements
/// table; the planner's script computes the same plan (the browser tests compare both).
public struct ExportPlan: Sendable {
    /// One CB test report to order and the markets it serves.
    public struct Order: Sendable, Equatable {
        /// The standard's id; nil when the markets accept a CB report but no standard is recorded.
        public var standard: String?
        /// The edition to test to; nil when no market names one.
        public var edition: String?
        public var markets: [String]
        /// Markets whose national differences the report must include.
        public var differences: [String]
        /// Markets where it is not known whether national differences are needed.
        public var askDifferences: [String]
    }

    /// A market where testing happens locally or under a separate scheme.
    public struct LocalTest: Sendable, Equatable {
        public var market: String
        public var cb: CBReuse
        public var schemes: [String]
        /// The requirement's standards, transport tests left out.
        public var standards: [String]
        public var labs: [String]
    }

    /// One document, named once, with every market that asks for it.
    public struct Document: Sendable, Equatable {
        public var text: String
        public var markets: [String]
    }

    /// A figure the sources give for one market (weeks or months).
    public struct Figure: Sendable, Equatable {
        public var market: String
        public var range: ClosedRange<Int>
    }

    public let product: String
    /// The chosen markets in the handbook's order.
    public let markets: [String]
    public let orders: [Order]
    public let localTests: [LocalTest]
    /// Markets where it is not known whether a CB report is accepted (and no local test is recorded).
    public let askCB: [String]
    /// Markets the handbook has no requirement for, for this product.
    public let unlisted: [String]
    public let documents: [Document]
    public let representative: [String]
    public let factoryInspection: [String]
    public let leadTimes: [Figure]
    public let validity: [Figure]

    /// The plan for `product` in `markets` (ids known to `h`), with documents in `language`.
    public init(_ h: Handbook, product: String, markets chosen: [String], language: String) {
        self.product = product
        let wanted = Set(chosen)
        markets = h.markets.map(\.id).filter { wanted.contains($0) }
        let fallbacks = h.config.fallbacks(for: language)
        var rows: [Requirement] = []
        var unlisted: [String] = []
        for m in markets {
            if let r = h.requirement("\(product)/\(m)") { rows.append(r) } else { unlisted.append(m) }
        }
        self.unlisted = unlisted
        orders = Self.orders(h, rows.filter { $0.cbReuse == .full || $0.cbReuse == .partial })
        localTests = rows.filter { $0.cbReuse == .none || $0.localTesting == .yes }.map { r in
            LocalTest(market: r.market.id, cb: r.cbReuse, schemes: r.schemes.map(\.id),
                      standards: r.standards.map(\.id).filter { h.standard($0)?.kind != "transport" }, labs: r.labs.map(\.id))
        }
        askCB = rows.filter { $0.cbReuse == .unknown && $0.localTesting != .yes }.map(\.market.id)
        documents = Self.documents(rows.map { ($0.market.id, $0.documents.items(language, fallbacks: fallbacks)) })
        representative = rows.filter { $0.localRepresentative == .required }.map(\.market.id)
        factoryInspection = rows.filter { $0.factoryInspection == .yes }.map(\.market.id)
        leadTimes = rows.compactMap { r in r.leadTimeWeeks.map { Figure(market: r.market.id, range: $0) } }
        validity = rows.compactMap { r in r.validityMonths.map { Figure(market: r.market.id, range: $0) } }
    }

    /// Whether a CB report can carry a standard: it has an IECEE category, or it is an IEC
    /// publication other than a transport test. The plan asks the lab to confirm the scope.
    static func cbCandidate(_ s: Standard) -> Bool {
        !s.ieceeCategory.isEmpty || (s.code.hasPrefix("IEC ") && s.kind != "transport")
    }

    /// The reports to order for the markets that accept a CB report. A market's standards are its
    /// accepted standards where recorded, else the standards it names; only CB candidates count.
    /// One report per standard, tested to the one edition the markets name; when markets name
    /// different editions, one report per edition, and markets taking any edition join the latest.
    static func orders(_ h: Handbook, _ rows: [Requirement]) -> [Order] {
        var byStandard: [String: [(market: Requirement, edition: String?)]] = [:]
        var standardOrder: [String] = []
        var unrecorded: [Requirement] = []
        for r in rows {
            let named: [(String, String?)] = r.acceptedStandards.isEmpty
                ? r.standards.map { ($0.id, nil) } : r.acceptedStandards.map { ($0.standard.id, $0.edition) }
            let candidates = named.filter { h.standard($0.0).map(cbCandidate) ?? false }
            if candidates.isEmpty { unrecorded.append(r) }
            for (id, edition) in candidates {
                if byStandard[id] == nil { standardOrder.append(id) }
                byStandard[id, default: []].append((r, edition))
            }
        }
        func order(_ standard: String?, _ edition: String?, _ rs: [Requirement]) -> Order {
            Order(standard: standard, edition: edition, markets: rs.map(\.market.id),
                  differences: rs.filter { $0.nationalDifferences == .required }.map(\.market.id),
                  askDifferences: rs.filter { $0.nationalDifferences == .unknown }.map(\.market.id))
        }
        var out: [Order] = []
        let tableOrder = Dictionary(uniqueKeysWithValues: h.standards.enumerated().map { ($1.id, $0) })
        for id in standardOrder.sorted(by: { (tableOrder[$0] ?? 0) < (tableOrder[$1] ?? 0) }) {
            let entries = byStandard[id]!
            let all = h.standard(id)?.editions ?? []
            let named = Array(Set(entries.compactMap(\.edition))).sorted { (all.firstIndex(of: $0) ?? -1) < (all.firstIndex(of: $1) ?? -1) }
            if named.count <= 1 {
                out.append(order(id, named.first, entries.map(\.market)))
                continue
            }
            for edition in named.reversed() {
                let takes = entries.filter { $0.edition == edition || ($0.edition == nil && edition == named.last) }
                out.append(order(id, edition, takes.map(\.market)))
            }
        }
        // Most markets first; the table's order breaks ties.
        out = out.enumerated().sorted { ($1.element.markets.count, $0.offset) < ($0.element.markets.count, $1.offset) }.map(\.element)
        if !unrecorded.isEmpty { out.append(order(nil, nil, unrecorded)) }
        return out
    }

    /// Each document once, in the wording first seen, with the markets asking for it; the most
    /// widely asked first. Two items are the same document when they differ only in case, spacing
    /// or a final full stop.
    static func documents(_ lists: [(market: String, items: [String])]) -> [Document] {
        var out: [Document] = []
        var index: [String: Int] = [:]
        for (market, items) in lists {
            for item in items {
                let key = Self.documentKey(item)
                if let i = index[key] {
                    if !out[i].markets.contains(market) { out[i].markets.append(market) }
                } else {
                    index[key] = out.count
                    out.append(Document(text: item, markets: [market]))
                }
            }
        }
        return out.enumerated().sorted { ($1.element.markets.count, $0.offset) < ($0.element.markets.count, $1.offset) }.map(\.element)
    }

    static func documentKey(_ item: String) -> String {
        var words = item.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = words.last, ".。".contains(last) { words.removeLast() }
        return words
    }

    /// Markets a CB report serves, fully or partly.
    public var covered: [String] {
        var seen = Set<String>()
        return orders.flatMap(\.markets).filter { seen.insert($0).inserted }
    }

    /// The longest lead time in weeks and the markets it belongs to, among those with a figure.
    public var longestLeadTime: (weeks: Int, markets: [String])? {
        guard let top = leadTimes.map(\.range.upperBound).max() else { return nil }
        return (top, leadTimes.filter { $0.range.upperBound == top }.map(\.market))
    }

    /// The shortest certificate validity in months (the lower end of a range) and its markets.
    public var shortestValidity: (months: Int, markets: [String])? {
        guard let low = validity.map(\.range.lowerBound).min() else { return nil }
        return (low, validity.filter { $0.range.lowerBound == low }.map(\.market))
    }
}
