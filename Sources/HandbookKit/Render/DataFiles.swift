import HandbookMarkdown

/// The non-HTML files: sitemap, robots.txt, the Atom feeds, `/matrix.csv` and `/api/handbook.json`.
struct DataFiles {
    let handbook: Handbook

    /// `sitemap.xml` with hreflang alternates for every page.
    func sitemap(_ kinds: [PageKind]) -> String {
        let h = handbook
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for kind in kinds {
            for l in h.config.languages {
                out += "<url><loc>\(xml(kind.route(l, in: h).absolute(base: h.config.baseURL)))</loc>"
                for other in h.config.languages {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(xml(kind.route(other, in: h).absolute(base: h.config.baseURL)))\"/>"
                }
                out += "</url>\n"
            }
        }
        return out + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\nSitemap: \(handbook.config.baseURL)sitemap.xml\n"
    }

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

    /// The product × market grid as CSV, by id (the same rows as `/L/matrix/`).
    func matrixCSV() -> String {
        let h = handbook
        var out = "product,market,cb_reuse,schemes,local_testing,status,lead_time_weeks,confidence,reviewed,"
            + "local_representative,validity_months,factory_inspection,national_differences,accepted_standards,labs\n"
        func range(_ r: ClosedRange<Int>?) -> String { r.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "" }
        for r in h.requirements {
            var fields: [String] = [r.product.id, r.market.id, r.cbReuse.rawValue, r.schemes.map(\.id).joined(separator: ";")]
            fields += [r.localTesting.rawValue, r.status.rawValue, range(r.leadTimeWeeks)]
            fields += [r.confidence?.rawValue ?? "", r.reviewed?.description ?? ""]
            fields += [r.localRepresentative.rawValue, range(r.validityMonths), r.factoryInspection.rawValue]
            fields += [r.nationalDifferences.rawValue, r.acceptedStandards.map(\.written).joined(separator: ";")]
            fields.append(r.labs.map(\.id).joined(separator: ";"))
            out += fields.map(csv).joined(separator: ",") + "\n"
        }
        return out
    }

    /// All data in both languages: see README "api/handbook.json".
    func api() -> [UInt8] {
        let h = handbook
        func text(_ t: LocalizedText) -> JSONValue {
            .object(h.config.languages.map { ($0, .string(t.text($0, fallbacks: h.config.fallbacks(for: $0)))) })
        }
        func source(_ s: SourceRef) -> JSONValue {
            var fields: [(String, JSONValue)] = [("title", .string(s.title)), ("url", .string(s.url))]
            if let c = s.confidence { fields.append(("confidence", .string(c.rawValue))) }
            if let d = s.accessed { fields.append(("accessed", .string(d.description))) }
            return .object(fields)
        }
        func sources(_ s: [SourceRef]) -> JSONValue { .array(s.map(source)) }
        func range(_ r: ClosedRange<Int>?) -> JSONValue { r.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null }
        let root: JSONValue = [
            "format": "handbook-api/1",
            "languages": JSONValue(h.config.languages),
            "title": text(h.config.title),
            "regions": .array(h.regions.map { ["id": .string($0.id), "name": text($0.name)] }),
            "markets": .array(h.markets.map { m in
                ["id": .string(m.id), "name": text(m.name), "region": .string(m.region.id), "iso": .string(m.iso),
                 "blocs": JSONValue(m.blocs), "iecee_member": .string(m.ieceeMember.rawValue),
                 "iecee_ncbs": JSONValue(m.ieceeNCBs.map(\.id)), "confidence": JSONValue(m.confidence?.rawValue),
                 "reviewed": JSONValue(m.reviewed?.description), "summary": text(m.summary), "sources": sources(m.sources)]
            }),
            "products": .array(h.products.map { p in
                ["id": .string(p.id), "name": text(p.name), "hs_codes": JSONValue(p.hsCodes),
                 "iecee_category": .string(p.ieceeCategory), "standards": JSONValue(p.standards.map(\.id)),
                 "reviewed": JSONValue(p.reviewed?.description), "summary": text(p.summary), "sources": sources(p.sources),
                 "confidence": JSONValue(p.confidence?.rawValue)]
            }),
            "standards": .array(h.standards.map { s in
                ["id": .string(s.id), "code": .string(s.code), "title": text(s.title), "kind": .string(s.kind),
                 "iecee_category": .string(s.ieceeCategory), "url": JSONValue(s.url), "editions": JSONValue(s.editions)]
            }),
            "schemes": .array(h.schemes.map { s in
                ["id": .string(s.id), "name": text(s.name), "market": .string(s.market.id), "authority": text(s.authority),
                 "mark": text(s.mark), "obligation": .string(s.obligation.rawValue), "accepts_cb": .string(s.acceptsCB.rawValue),
                 "factory_inspection": .string(s.factoryInspection.rawValue), "local_testing": .string(s.localTesting.rawValue),
                 "local_representative": .string(s.localRepresentative.rawValue), "validity": text(s.validity),
                 "url": JSONValue(s.url), "notes": text(s.notes), "sources": sources(s.sources),
                 "bodies": JSONValue(s.bodies.map(\.id)),
                 "confidence": JSONValue(s.confidence?.rawValue), "reviewed": JSONValue(s.reviewed?.description)]
            }),
            "requirements": .array(h.requirements.map { r in
                let documents = JSONValue.object(h.config.languages.map {
                    ($0, JSONValue(r.documents.items($0, fallbacks: h.config.fallbacks(for: $0))))
                })
                return ["product": .string(r.product.id), "market": .string(r.market.id), "schemes": JSONValue(r.schemes.map(\.id)),
                        "standards": JSONValue(r.standards.map(\.id)), "cb_reuse": .string(r.cbReuse.rawValue),
                        "local_testing": .string(r.localTesting.rawValue), "documents": documents,
                        "lead_time_weeks": r.leadTimeWeeks.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null,
                        "status": .string(r.status.rawValue), "effective_from": JSONValue(r.effectiveFrom?.description),
                        "notes": text(r.notes), "sources": sources(r.sources),
                        "confidence": JSONValue(r.confidence?.rawValue), "reviewed": JSONValue(r.reviewed?.description),
                        "labelling": text(r.labelling), "local_representative": .string(r.localRepresentative.rawValue),
                        "local_representative_notes": text(r.localRepresentativeNotes),
                        "validity_months": range(r.validityMonths), "renewal": text(r.renewal), "fees": text(r.fees),
                        "samples": text(r.samples), "factory_inspection": .string(r.factoryInspection.rawValue),
                        "accepted_standards": .array(r.acceptedStandards.map {
                            ["standard": .string($0.standard.id), "edition": JSONValue($0.edition)]
                        }),
                        "national_differences": .string(r.nationalDifferences.rawValue), "labs": JSONValue(r.labs.map(\.id))]
            }),
            "events": .array(h.events.map { e in
                ["id": .string(e.id), "date": .string(e.date.description), "market": .string(e.market.id),
                 "products": JSONValue(e.products.map(\.id)), "schemes": JSONValue(e.schemes.map(\.id)),
                 "title": text(e.title), "source": e.source.map(source) ?? .null,
                 "confidence": JSONValue(e.confidence?.rawValue), "notification": JSONValue(e.notification),
                 "stage": JSONValue(e.stage?.rawValue), "comment_until": JSONValue(e.commentUntil?.description),
                 "postponed_to": JSONValue(e.postponedTo?.description)]
            }),
            "centres": .array(h.centres.map { c in
                ["id": .string(c.id), "name": text(c.name), "region": .string(c.region.id), "city": text(c.city),
                 "markets": JSONValue(c.markets.map(\.id)), "url": JSONValue(c.url)]
            }),
            "bodies": .array(h.bodies.map { b in
                ["id": .string(b.id), "name": text(b.name), "country": .string(b.country.id),
                 "roles": JSONValue(b.roles.map(\.rawValue)), "iecee_categories": JSONValue(b.ieceeCategories),
                 "accreditation": text(b.accreditation), "url": JSONValue(b.url), "notes": text(b.notes),
                 "sources": sources(b.sources), "confidence": JSONValue(b.confidence?.rawValue),
                 "reviewed": JSONValue(b.reviewed?.description)]
            }),
            "changes": .array(h.changes.map { c in
                ["id": .string(c.id), "date": .string(c.date.description), "records": JSONValue(c.records.map(\.id)),
                 "summary": text(c.summary), "sources": sources(c.sources)]
            }),
        ]
        return root.bytes(pretty: true)
    }

    private func xml(_ s: String) -> String { HTMLEscape.escape(s) }

    private func csv(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
    }
}
