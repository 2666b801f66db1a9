/// A cited source: a title and a URL, with how far it can be trusted and when it was read.
public struct SourceRef: Sendable, Hashable {
    /// What the source is (the URL's host when not given).
    public var title: String
    /// Where it is.
    public var url: String
    /// How sure the source itself is (an official journal is high, a lab's blog post low), if given.
    public var confidence: Confidence?
    /// The day an editor last read it, if given.
    public var accessed: Day?
    /// Who publishes it (official, standard, accredited body, lab, news), if given.
    public var kind: SourceKind?
    /// Where the source is cited (for diagnostics that point at it).
    public var location: SourceLocation?

    /// Creates a source.
    public init(title: String, url: String, confidence: Confidence? = nil, accessed: Day? = nil,
                kind: SourceKind? = nil, location: SourceLocation? = nil) {
        self.title = title
        self.url = url
        self.confidence = confidence
        self.accessed = accessed
        self.kind = kind
        self.location = location
    }
}

extension Array where Element == SourceRef {
    /// The source with the lowest confidence among those that carry one (the first of equals).
    var weakest: SourceRef? {
        var found: SourceRef?
        for s in self {
            guard let c = s.confidence else { continue }
            if found == nil || c < found!.confidence! { found = s }
        }
        return found
    }
}
