/// One thing a reader can find: a page with its kind, its text by field, and where it lives.
public struct SearchDocument: Sendable, Equatable {
    /// What kind of page; also the order of result groups.
    public enum Kind: String, Sendable, CaseIterable {
        case market, product, requirement, standard, scheme, body, page
        /// Tie-breaking rank: markets and products before the pages that mention them.
        var rank: Int { Self.allCases.firstIndex(of: self)! }
    }

    public var kind: Kind
    /// The route of the page.
    public var route: Route
    /// The title shown in results.
    public var title: String
    /// Names, codes and ids, and the title in the other languages: just below the title.
    public var names: [String]
    /// Descriptive titles (a standard's title next to its code): below names, above the summary.
    public var descriptions: [String] = []
    /// Section headings.
    public var headings: [String]
    /// Body text.
    public var body: String
    /// A short text shown under the title.
    public var excerpt: String
    /// What the page covers in a few sentences (a guide's or page's summary): below descriptive
    /// titles, above headings and body. Its words are also part of `body`.
    public var summary: String = ""

    /// The document without the text only the index needed (body, headings, names): what the
    /// index files show of it.
    var shown: SearchDocument {
        SearchDocument(kind: kind, route: route, title: title, names: [], headings: [], body: "", excerpt: excerpt)
    }
}
