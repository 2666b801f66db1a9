/// A dated regulatory change (`data/events`).
public struct RegulatoryEvent: Sendable {
    public var date: Day
    public var market: Ref
    public var products: [Ref]
    public var title: LocalizedText
    public var source: SourceRef?
    public var confidence: Confidence?
    public var location: SourceLocation
}
