/// Contexts for what happens to records over time: regulatory events (with WTO notifications
/// open for comment and postponements) and change-log entries.
extension PageBuilder {
    func event(_ e: RegulatoryEvent) -> [String: Any] {
        var context: [String: Any] = [
            "id": "event-" + e.id, "date": e.date.description, "title": text(e.title), "market": marketLink(e.market.id),
            "products": e.products.map { productLink($0.id) }, "upcoming": e.date >= site.today,
            // The source's own confidence is shown only where it differs from the event's badge.
            "source": e.source.map { s -> [String: Any] in
                var context = source(s)
                // Kept as a present nil: a missing key would show the event's own confidence through.
                if s.confidence == e.confidence { context["confidence"] = (nil as [String: Any]?) as Any }
                return context
            } as Any,
            "confidence": confidence(e.confidence) as Any,
            "notification": e.notification as Any,
            "stage": e.stage.map { word("stage", $0) } as Any,
            "comment": nil as Any?, "postponed_to": nil as Any?,
        ]
        if let until = e.commentUntil {
            let open = e.isOpenForComment(on: site.today)
            context["comment"] = ["until": until.description, "open": open,
                                  "days_left": open ? t("days_left").replacing("{n}", with: "\(until.daysSinceEpoch - site.today.daysSinceEpoch)") : ""]
        }
        if let to = e.postponedTo {
            let replacement = h.events.first { $0.market.id == e.market.id && $0.date == to && $0.id != e.id }
            context["postponed_to"] = ["date": to.description,
                                       "href": replacement.map { href(Routes.updates(l), fragment: "event-" + $0.id) } as Any]
        }
        return context
    }

    /// Events whose comment period is still open on the build's day, soonest deadline first.
    func openForComment(_ events: [RegulatoryEvent]) -> [[String: Any]] {
        events.filter { $0.isOpenForComment(on: site.today) }
            .sorted { ($0.commentUntil!, $0.id) < ($1.commentUntil!, $1.id) }
            .map(event)
    }

    func change(_ c: ChangeLogEntry) -> [String: Any] {
        [
            "id": "change-" + c.id, "date": c.date.description, "summary": text(c.summary),
            "records": c.records.map { recordLink($0.id) }, "sources": sources(c.sources),
        ]
    }

    /// `{name, href}` for a change-log record (`req:pv-module/sa`).
    func recordLink(_ key: String) -> [String: Any] {
        guard let ref = CrossReference(key) else { return ["name": key] }
        switch ref.kind {
        case .market: return marketLink(ref.id)
        case .product: return productLink(ref.id)
        case .scheme: return schemeLink(ref.id)
        case .standard: return standardLink(ref.id)
        case .req: return requirementLink(ref.id)
        case .body: return bodyLink(ref.id)
        case .region:
            guard let r = h.region(ref.id) else { return ["name": ref.id] }
            return ["name": text(r.name), "href": href(Routes.markets(l), fragment: "region-" + r.id)]
        case .page:
            guard let p = h.page(ref.id) else { return ["name": ref.id] }
            return ["name": text(p.title), "href": href(Routes.page(l, p.path))]
        }
    }

    /// The "what changed" and "timeline" parts of a record's page.
    func history(_ history: RecordHistory) -> [String: Any] {
        ["events": history.events.map(event), "changes": history.changes.map(change),
         "open_for_comment": openForComment(history.events)]
    }
}
