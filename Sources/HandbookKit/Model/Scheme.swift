/// A certification or registration scheme of a market (`data/schemes`).
public struct Scheme: Sendable {
    public var id: String
    public var name: LocalizedText
    public var market: Ref
    public var authority: LocalizedText
    public var mark: LocalizedText
    public var obligation: Obligation
    public var acceptsCB: AcceptsCB
    public var factoryInspection: YesNo
    public var localTesting: YesNo
    public var localRepresentative: YesNo
    public var validity: LocalizedText
    public var url: String?
    /// Bodies that issue its certificates (`data/bodies`).
    public var bodies: [Ref] = []
    public var notes: LocalizedText
    public var sources: [SourceRef]
    public var confidence: Confidence?
    public var reviewed: Day?
    public var location: SourceLocation
}
