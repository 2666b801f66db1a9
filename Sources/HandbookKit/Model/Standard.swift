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
    public var location: SourceLocation
}
