/// A standard (`data/standards`), e.g. IEC 62133-2:2017.
public struct Standard: Sendable {
    public var id: String
    /// The standard's number as printed, e.g. `IEC 62133-2:2017`.
    public var code: String
    public var title: LocalizedText
    /// safety, performance, transport, emc, grid …
    public var kind: String
    /// IECEE category, e.g. BATT or PV.
    public var ieceeCategory: String
    public var url: String?
    /// Editions, oldest first (`[2012, 2017]`): what `accepted_standards` may name after the id.
    public var editions: [String] = []
    public var location: SourceLocation
}
