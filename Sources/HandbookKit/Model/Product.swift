/// A product guide (`products/<id>.md`).
public struct Product: Sendable {
    public var id: String
    public var name: LocalizedText
    public var hsCodes: [String]
    public var ieceeCategory: String
    public var standards: [Ref]
    public var reviewed: Day?
    /// Where `reviewed` is written (for the stale-review warning).
    public var reviewedLocation: SourceLocation
    public var confidence: Confidence?
    public var sources: [SourceRef]
    public var summary: LocalizedText
    public var guide: Guide
    public var location: SourceLocation
    /// A short name for tight places (the matrix's tabs on a phone); the name when not given.
    public var shortName = LocalizedText()
}
