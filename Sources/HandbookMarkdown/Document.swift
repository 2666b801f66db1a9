/// A parsed Markdown document: blocks, the headings with their ids, and every link with its position.
public struct Document: Sendable {
    /// The top-level blocks.
    public var blocks: [Block]
    /// Every heading in document order.
    public var headings: [Heading]
    /// Every link destination in document order; `Inline.link(index:)` points here.
    public var links: [Link]
    /// Problems found while parsing (malformed tables, bad heading ids).
    public var issues: [MarkdownIssue]

    /// Creates a document.
    public init(blocks: [Block], headings: [Heading], links: [Link], issues: [MarkdownIssue]) {
        self.blocks = blocks
        self.headings = headings
        self.links = links
        self.issues = issues
    }

}

/// A heading of a document, as listed in a table of contents.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The unique anchor id.
    public var id: String
    /// Where the heading starts.
    public var position: TextPosition
}

/// A link found in a document: its destination as written, and where it is.
public struct Link: Sendable, Hashable {
    /// The destination as written (`market:sa`, `../x.md#y`, `https://…`).
    public var destination: String
    /// Where the link starts.
    public var position: TextPosition
    /// True when the link text is empty (`[](market:sa)`), so the target's name should fill it.
    public var isEmpty: Bool
}

/// A problem found while parsing Markdown.
public struct MarkdownIssue: Sendable, Hashable {
    /// Severity of a Markdown issue.
    public enum Severity: Sendable { case error, warning }
    /// Error or warning.
    public var severity: Severity
    /// A stable code, e.g. `malformed-table`.
    public var code: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// Where.
    public var position: TextPosition
}
