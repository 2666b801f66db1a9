/// What concerns one record (a market, product, scheme, requirement, body or standard): its
/// regulatory events, change-log entries and review dates. Its page lists them, and for markets,
/// products and schemes its Atom feed carries them.
struct RecordHistory {
    /// Events, oldest first (as in the handbook).
    var events: [RegulatoryEvent] = []
    /// Change-log entries, newest first.
    var changes: [ChangeLogEntry] = []
    /// Days on which the record or the records shown on its page were reviewed, newest first,
    /// with what was reviewed (`market:sa`, `req:pv-module/sa`, …).
    var reviews: [(day: Day, records: [String])] = []

    /// The history of records `keys` (`kind:id`), with `events` already chosen and the review
    /// dates of `reviewed`.
    init(_ h: Handbook, keys: Set<String>, events: [RegulatoryEvent], reviewed: [(String, Day?)]) {
        self.events = events
        changes = h.changes.filter { c in c.records.contains { keys.contains($0.id) } }
        var byDay: [Day: [String]] = [:]
        for (key, day) in reviewed { if let day { byDay[day, default: []].append(key) } }
        reviews = byDay.keys.sorted(by: >).map { ($0, byDay[$0]!) }
    }

    /// A market: its guide, its requirements, its schemes and the bodies in it; events in that market.
    static func market(_ m: Market, in h: Handbook) -> RecordHistory {
        let requirements = h.requirements.filter { $0.market.id == m.id }
        let schemes = h.schemes.filter { $0.market.id == m.id }
        let bodies = h.bodies.filter { $0.country.id == m.id }
        let keys = Set(["market:\(m.id)"] + requirements.map { "req:\($0.id)" } + schemes.map { "scheme:\($0.id)" }
            + bodies.map { "body:\($0.id)" })
        return RecordHistory(h, keys: keys, events: h.events.filter { $0.market.id == m.id },
                             reviewed: [("market:\(m.id)", m.reviewed)] + requirements.map { ("req:\($0.id)", $0.reviewed) }
                                 + schemes.map { ("scheme:\($0.id)", $0.reviewed) })
    }

    /// A product: its guide and its requirements; events that name it.
    static func product(_ p: Product, in h: Handbook) -> RecordHistory {
        let requirements = h.requirements.filter { $0.product.id == p.id }
        let keys = Set(["product:\(p.id)"] + requirements.map { "req:\($0.id)" })
        return RecordHistory(h, keys: keys, events: h.events.filter { $0.products.contains { $0.id == p.id } },
                             reviewed: [("product:\(p.id)", p.reviewed)] + requirements.map { ("req:\($0.id)", $0.reviewed) })
    }

    /// A scheme: itself; events that name it.
    static func scheme(_ s: Scheme, in h: Handbook) -> RecordHistory {
        RecordHistory(h, keys: ["scheme:\(s.id)"], events: h.events.filter { $0.schemes.contains { $0.id == s.id } },
                      reviewed: [("scheme:\(s.id)", s.reviewed)])
    }

    /// A requirement: itself; events in its market that name its product or no product.
    static func requirement(_ r: Requirement, in h: Handbook) -> RecordHistory {
        RecordHistory(h, keys: ["req:\(r.id)"], events: h.events.filter { e in
            e.market.id == r.market.id && (e.products.isEmpty || e.products.contains { $0.id == r.product.id })
        }, reviewed: [("req:\(r.id)", r.reviewed)])
    }

    /// Any other record (`body:x`, `standard:x`): its change-log entries.
    static func record(_ key: String, reviewed: Day? = nil, in h: Handbook) -> RecordHistory {
        RecordHistory(h, keys: [key], events: [], reviewed: [(key, reviewed)])
    }
}
