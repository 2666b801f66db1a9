/// A dated regulatory change (`data/events`), possibly a WTO notification open for comment.
public struct RegulatoryEvent: Sendable {
    public var date: Day
    public var market: Ref
    public var products: [Ref]
    public var title: LocalizedText
    public var source: SourceRef?
    public var confidence: Confidence?
    public var location: SourceLocation
    /// Schemes it concerns (for the schemes' pages and feeds).
    public var schemes: [Ref] = []
    /// The WTO TBT notification symbol, e.g. `G/TBT/N/SAU/1234`.
    public var notification: String?
    /// Where it stands: draft, adopted, in force, postponed, withdrawn.
    public var stage: EventStage?
    /// The last day for comments on the notification.
    public var commentUntil: Day?
    /// The new date of a postponed event.
    public var postponedTo: Day?
    /// A stable id for anchors and feed entries (`2025-08-18-eu`, `-2` when the day and market repeat).
    public var id: String = ""

    /// True when comments are still accepted on `today`.
    public func isOpenForComment(on today: Day) -> Bool {
        guard let until = commentUntil else { return false }
        return until >= today && stage != .withdrawn
    }
}
