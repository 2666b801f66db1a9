/// The Atom feeds: the site's (events and changes) and one beside each market, product and scheme
/// page (its events, changes and reviews).
extension DataFiles {
    /// The site's Atom feed in language `l`: regulatory events and change-log entries.
    func feed(_ l: String, strings: [String: String]) -> String {
        let h = handbook
        let fallbacks = h.config.fallbacks(for: l)
        let entries = h.events.map { eventEntry($0, l, strings) } + h.changes.map { changeEntry($0, l) }
        let days = h.events.map(\.date) + h.changes.map(\.date) + h.markets.compactMap(\.reviewed) + h.products.compactMap(\.reviewed)
        return atom(l, title: "\(h.config.title.text(l, fallbacks: fallbacks)) – \(strings["nav_updates"] ?? "Updates")",
                    feed: Routes.feed(l), page: Routes.updates(l), updated: days.max(), entries: entries)
    }

    /// The Atom feeds of every market, product and scheme in language `l`, beside their pages:
    /// events, change-log entries and reviews that concern the record.
    func recordFeeds(_ l: String, strings: [String: String]) -> [(Route, String)] {
        let h = handbook
        let fallbacks = h.config.fallbacks(for: l)
        let siteTitle = h.config.title.text(l, fallbacks: fallbacks)
        var out: [(Route, String)] = []
        func add(_ page: Route, _ name: LocalizedText, _ history: RecordHistory) {
            let name = name.text(l, fallbacks: fallbacks)
            let entries = history.events.map { eventEntry($0, l, strings) } + history.changes.map { changeEntry($0, l) }
                + history.reviews.map { review in
                    FeedEntry(id: page.absolute(base: h.config.baseURL) + "#reviewed-\(review.day)",
                              title: "\(name): \(strings["feed_reviewed"] ?? "facts reviewed")", day: review.day,
                              link: page.absolute(base: h.config.baseURL),
                              summary: review.records.map { recordName($0, l) }.joined(separator: strings["list_separator"] ?? ", "))
                }
            out.append((Routes.feed(of: page), atom(l, title: "\(name) – \(siteTitle)", feed: Routes.feed(of: page), page: page,
                                                    updated: entries.map(\.day).max(), entries: entries)))
        }
        for m in h.markets { add(Routes.market(l, m.id), m.name, .market(m, in: h)) }
        for p in h.products { add(Routes.product(l, p.id), p.name, .product(p, in: h)) }
        for s in h.schemes { add(Routes.scheme(l, s.id), s.name, .scheme(s, in: h)) }
        return out
    }

    /// One entry of an Atom feed. Its id never changes when other entries are added, so a feed
    /// reader shows it once.
    struct FeedEntry {
        var id: String
        var title: String
        var day: Day
        var link: String
        var summary: String
    }

    private func eventEntry(_ e: RegulatoryEvent, _ l: String, _ strings: [String: String]) -> FeedEntry {
        let h = handbook
        let fallbacks = h.config.fallbacks(for: l)
        let anchor = Routes.updates(l).absolute(base: h.config.baseURL) + "#event-" + e.id
        var summary = e.date.description + " · " + (h.market(e.market.id)?.name.text(l, fallbacks: fallbacks) ?? e.market.id)
        if let n = e.notification { summary += " · " + n }
        if let stage = e.stage { summary += " · " + (strings["stage_" + stage.rawValue.replacing("-", with: "_")] ?? stage.rawValue) }
        if let until = e.commentUntil { summary += " · \(strings["comment_until"] ?? "comments until") \(until)" }
        if let to = e.postponedTo { summary += " · \(strings["postponed_to"] ?? "postponed to") \(to)" }
        return FeedEntry(id: anchor, title: e.title.text(l, fallbacks: fallbacks), day: e.date,
                         link: e.source?.url ?? Routes.market(l, e.market.id).absolute(base: h.config.baseURL), summary: summary)
    }

    private func changeEntry(_ c: ChangeLogEntry, _ l: String) -> FeedEntry {
        let h = handbook
        let anchor = Routes.updates(l).absolute(base: h.config.baseURL) + "#change-" + c.id
        return FeedEntry(id: anchor, title: c.summary.text(l, fallbacks: h.config.fallbacks(for: l)), day: c.date, link: anchor,
                         summary: c.date.description + " · " + c.records.map { recordName($0.id, l) }.joined(separator: ", "))
    }

    /// The name of a record (`req:pv-module/sa` → "PV modules → Saudi Arabia") in language `l`.
    func recordName(_ key: String, _ l: String) -> String {
        let h = handbook
        let f = h.config.fallbacks(for: l)
        guard let ref = CrossReference(key) else { return key }
        let name: String? = switch ref.kind {
        case .market: h.market(ref.id)?.name.text(l, fallbacks: f)
        case .product: h.product(ref.id)?.name.text(l, fallbacks: f)
        case .scheme: h.scheme(ref.id)?.name.text(l, fallbacks: f)
        case .standard: h.standard(ref.id)?.code
        case .region: h.region(ref.id)?.name.text(l, fallbacks: f)
        case .page: h.page(ref.id)?.title.text(l, fallbacks: f)
        case .body: h.body(ref.id)?.name.text(l, fallbacks: f)
        case .req: h.requirement(ref.id).map { r in
            (h.product(r.product.id)?.name.text(l, fallbacks: f) ?? r.product.id) + " → "
                + (h.market(r.market.id)?.name.text(l, fallbacks: f) ?? r.market.id)
        }
        }
        return name ?? ref.id
    }

    /// An Atom document: newest entries first.
    private func atom(_ l: String, title: String, feed: Route, page: Route, updated: Day?, entries: [FeedEntry]) -> String {
        let h = handbook
        let fallbacks = h.config.fallbacks(for: l)
        let feedURL = feed.absolute(base: h.config.baseURL)
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(l)\">\n"
        out += "<title>\(xml(title))</title>\n"
        out += "<id>\(xml(feedURL))</id>\n<link rel=\"self\" href=\"\(xml(feedURL))\"/>\n"
        out += "<link href=\"\(xml(page.absolute(base: h.config.baseURL)))\"/>\n"
        out += "<updated>\(updated ?? Day(daysSinceEpoch: 0))T00:00:00Z</updated>\n"
        out += "<author><name>\(xml(h.config.title.text(l, fallbacks: fallbacks)))</name></author>\n"
        for e in entries.sorted(by: { ($0.day, $1.id) > ($1.day, $0.id) }) {
            out += "<entry><title>\(xml(e.title))</title><id>\(xml(e.id))</id>"
            out += "<link href=\"\(xml(e.link))\"/><updated>\(e.day)T00:00:00Z</updated>"
            out += "<summary>\(xml(e.summary))</summary></entry>\n"
        }
        return out + "</feed>\n"
    }
}
