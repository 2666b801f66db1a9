/// A reference to another entity by id, remembering where it was written.
public struct Ref: Sendable, Hashable {
    /// The id as written.
    public var id: String
    /// Where it was written.
    public var location: SourceLocation
}
