/// The "one test, multiple recognitions" plan for a product: its target markets grouped by how far
/// one CB test report carries. Computed from the requirements, never typed in.
struct TestOncePlan {
    let full: [Requirement]
    let partial: [Requirement]
    let local: [Requirement]
    let unknown: [Requirement]

    init(_ requirements: [Requirement]) {
        full = requirements.filter { $0.cbReuse == .full }
        partial = requirements.filter { $0.cbReuse == .partial }
        local = requirements.filter { $0.cbReuse == .none }
        unknown = requirements.filter { $0.cbReuse == .unknown }
    }

    var total: Int { full.count + partial.count + local.count + unknown.count }

    /// The longest lead time among the markets, in weeks.
    var longestLeadTime: Int? {
        (full + partial + local + unknown).compactMap { $0.leadTimeWeeks?.upperBound }.max()
    }

    /// The shortest certificate validity among the markets (the lower end of its range), with the
    /// requirement it belongs to.
    var shortestValidity: (months: Int, requirement: Requirement)? {
        (full + partial + local + unknown).compactMap { r in r.validityMonths.map { ($0.lowerBound, r) } }
            .min { ($0.0, $0.1.market.id) < ($1.0, $1.1.market.id) }
    }

    /// The markets that require a local representative.
    var needRepresentative: [Requirement] {
        (full + partial + local + unknown).filter { $0.localRepresentative == .required }.sorted { $0.market.id < $1.market.id }
    }

    func context(_ b: PageBuilder) -> [String: Any] {
        func group(_ key: String, _ list: [Requirement]) -> [String: Any] {
            ["key": key, "label": b.t("plan_\(key)"), "count": list.count, "any": !list.isEmpty,
             "markets": list.map { b.requirementRow($0, showing: .market) }]
        }
        let covered = full.count + partial.count
        let summary = b.t("plan_summary").replacing("{covered}", with: "\(covered)").replacing("{total}", with: "\(total)")
        return [
            "total": total, "any": total > 0, "summary": summary,
            "groups": [group("full", full), group("partial", partial), group("local", local), group("unknown", unknown)],
            "lead_time": longestLeadTime.map { "\($0)" } as Any,
            "shortest_validity": shortestValidity.map { v -> [String: Any] in
                ["months": b.months(v.months...v.months), "market": b.marketLink(v.requirement.market.id)]
            } as Any,
            "representative": needRepresentative.map { b.marketLink($0.market.id) },
        ]
    }
}
