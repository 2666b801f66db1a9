/// The whole loaded handbook: configuration, guides and tables, with lookups by id.
public struct Handbook: Sendable {
    public var config: SiteConfig
    public var regions: [Region]
    public var standards: [Standard]
    public var schemes: [Scheme]
    public var requirements: [Requirement]
    public var events: [RegulatoryEvent]
    public var centres: [Centre]
    public var bodies: [CertificationBody]
    /// The change log, newest first.
    public var changes: [ChangeLogEntry]
    public var markets: [Market]
    public var products: [Product]
    public var pages: [FreePage]
    /// Guides whose file exists but could not be loaded (`market:sa`), and tables with errors
    /// (`req:*`): references to them are not reported again, since their own errors say what to fix.
    public var unavailable: Unavailable
    /// The content folder as given (locations start with it), for edit links to table files.
    public var contentRoot = ""

    public private(set) var regionIndex: [String: Int] = [:]
    public private(set) var standardIndex: [String: Int] = [:]
    public private(set) var schemeIndex: [String: Int] = [:]
    public private(set) var requirementIndex: [String: Int] = [:]
    public private(set) var marketIndex: [String: Int] = [:]
    public private(set) var productIndex: [String: Int] = [:]
    public private(set) var pageIndex: [String: Int] = [:]
    public private(set) var bodyIndex: [String: Int] = [:]
    public private(set) var eventIndex: [String: Int] = [:]

    /// Creates the model, sorting every collection by id so output order never depends on file order.
    init(config: SiteConfig, regions: [Region], standards: [Standard], schemes: [Scheme],
         requirements: [Requirement], events: [RegulatoryEvent], centres: [Centre], bodies: [CertificationBody] = [],
         changes: [ChangeLogEntry] = [], markets: [Market], products: [Product], pages: [FreePage],
         unavailable: Unavailable = Unavailable()) {
        self.unavailable = unavailable
        self.config = config
        self.regions = regions
        self.standards = standards.sorted { $0.id < $1.id }
        self.schemes = schemes.sorted { $0.id < $1.id }
        self.requirements = requirements.sorted { $0.id < $1.id }
        self.events = Self.numbered(events.sorted { ($0.date, $0.market.id) < ($1.date, $1.market.id) },
                                    key: { "\($0.date)-\($0.market.id)" }, set: { $0.id = $1 })
        self.centres = centres
        self.bodies = bodies.sorted { $0.id < $1.id }
        // Newest first; a change's id is its date and first record, so it never moves when others are added.
        self.changes = Self.numbered(changes, key: { c in
            "\(c.date)-" + (c.records.first?.id ?? "").map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        }, set: { $0.id = $1 }).sorted { $0.date > $1.date }
        self.markets = markets.sorted { $0.id < $1.id }
        self.products = products.sorted { $0.id < $1.id }
        self.pages = pages.sorted { $0.path < $1.path }
        regionIndex = Self.index(self.regions.map(\.id))
        standardIndex = Self.index(self.standards.map(\.id))
        schemeIndex = Self.index(self.schemes.map(\.id))
        requirementIndex = Self.index(self.requirements.map(\.id))
        marketIndex = Self.index(self.markets.map(\.id))
        productIndex = Self.index(self.products.map(\.id))
        pageIndex = Self.index(self.pages.map(\.path))
        bodyIndex = Self.index(self.bodies.map(\.id))
        eventIndex = Self.index(self.events.map(\.id))
    }

    /// `items` with ids from `key`, numbered `-2`, `-3` … in order when a key repeats.
    private static func numbered<T>(_ items: [T], key: (T) -> String, set: (inout T, String) -> Void) -> [T] {
        var seen: [String: Int] = [:]
        return items.map { item in
            var copy = item
            let k = key(item)
            let n = seen[k, default: 0] + 1
            seen[k] = n
            set(&copy, n == 1 ? k : "\(k)-\(n)")
            return copy
        }
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, id) in ids.enumerated() where out[id] == nil { out[id] = i }
        return out
    }

    public func region(_ id: String) -> Region? { regionIndex[id].map { regions[$0] } }
    public func standard(_ id: String) -> Standard? { standardIndex[id].map { standards[$0] } }
    public func scheme(_ id: String) -> Scheme? { schemeIndex[id].map { schemes[$0] } }
    public func requirement(_ id: String) -> Requirement? { requirementIndex[id].map { requirements[$0] } }
    public func market(_ id: String) -> Market? { marketIndex[id].map { markets[$0] } }
    public func product(_ id: String) -> Product? { productIndex[id].map { products[$0] } }
    public func page(_ path: String) -> FreePage? { pageIndex[path].map { pages[$0] } }
    public func body(_ id: String) -> CertificationBody? { bodyIndex[id].map { bodies[$0] } }
    public func event(_ id: String) -> RegulatoryEvent? { eventIndex[id].map { events[$0] } }
}
