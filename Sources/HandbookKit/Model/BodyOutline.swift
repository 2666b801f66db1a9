import HandbookMarkdown

/// What the checks need of a Markdown body without rendering it: its headings, its links, the
/// problems found parsing it, and the version of its words that translations name. A build keeps the outlines of every body (`OutlineStore`), so the
/// next build parses only the bodies that changed; the others are parsed when a page shows them.
public struct BodyOutline: Sendable, Equatable {
    public var headings: [Heading]
    public var links: [Link]
    public var issues: [MarkdownIssue]
    /// `TranslationStamp.version(of:)` of the body's text.
    public var version = ""

    public init(headings: [Heading], links: [Link], issues: [MarkdownIssue]) {
        self.headings = headings
        self.links = links
        self.issues = issues
    }

    /// The outline of a parsed document.
    init(_ document: Document) {
        self.init(headings: document.headings, links: document.links, issues: document.issues)
    }
}
