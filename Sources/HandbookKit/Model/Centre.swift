/// An overseas service centre (`data/centres`).
public struct Centre: Sendable {
    public var id: String
    public var name: LocalizedText
    public var region: Ref
    public var city: LocalizedText
    public var markets: [Ref]
    public var url: String?
    public var location: SourceLocation
}
