/// A web address the content cites, with every place that cites it (a record's source, a link in
/// a Markdown body), so a problem with the address is reported at each of them.
public struct CitedURL: Sendable, Hashable {
    /// The address as written.
    public var url: String
    /// Where it is cited, sorted by file, line and column.
    public var locations: [SourceLocation]

    /// Creates a cited address.
    public init(url: String, locations: [SourceLocation]) {
        self.url = url
        self.locations = locations
    }
}
