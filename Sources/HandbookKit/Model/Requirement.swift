/// What one product needs to enter one market (`data/requirements`).
public struct Requirement: Sendable {
    public var product: Ref
    public var market: Ref
    public var schemes: [Ref]
    public var standards: [Ref]
    public var cbReuse: CBReuse
    public var localTesting: YesNo
    public var documents: LocalizedList
    /// Lead time in weeks, as a range (min == max for a single figure).
    public var leadTimeWeeks: ClosedRange<Int>?
    public var status: RequirementStatus
    public var effectiveFrom: Day?
    public var notes: LocalizedText
    public var sources: [SourceRef]
    public var confidence: Confidence?
    public var reviewed: Day?
    public var location: SourceLocation

    /// `product/market`, the id used by `req:` links.
    public var id: String { "\(product.id)/\(market.id)" }
}
