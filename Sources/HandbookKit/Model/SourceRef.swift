/// A cited source: a title and a URL.
public struct SourceRef: Sendable, Hashable {
    /// What the source is (the URL's host when not given).
    public var title: String
    /// Where it is.
    public var url: String
}
