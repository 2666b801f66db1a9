/// A world region that groups markets (`data/regions`).
public struct Region: Sendable {
    public var id: String
    public var name: LocalizedText
    public var location: SourceLocation
}
