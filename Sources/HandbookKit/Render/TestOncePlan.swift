/// The "one test, multiple recognitions" overview on a product page: its markets grouped by how far
/// one CB test report carries. Computed from the requirements, never typed in (the summary
/// sentences come from `ExportPlan`).
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

    /// The markets that require a local representative.
    var needRepresentative: [Requirement] {
        (full + partial + local + unknown).filter { $0.localRepresentative == .required }.sorted { $0.market.id < $1.market.id }
    }

    func context(_ b: PageBuilder) -> [String: Any] {
        func group(_ key: String, _ list: [Requirement]) -> [String: Any] {
            ["key": key, "label": b.t("plan_\(key)"), "count": list.count, "any": !list.isEmpty,
             "markets": list.map { b.requirementRow($0, showing: .market) }]
        }
        return [
            "total": total, "any": total > 0,
            "groups": [group("full", full), group("partial", partial), group("local", local), group("unknown", unknown)],
            "representative": needRepresentative.enumerated().map { i, r in
                b.marketLink(r.market.id).merging(["sep": i == needRepresentative.count - 1 ? "" : b.t("list_separator")]) { a, _ in a }
            },
            "has_representative": !needRepresentative.isEmpty,
        ]
    }
}
