/// A parsed Markdown document: its HTML, made once at parse time with holes for what depends on
/// the page (link targets, alert titles, raw HTML), its plain text, the headings with their ids,
/// and every link with its position.
public struct Document: Sendable {
    /// Every heading in document order.
    public var headings: [Heading]
    /// Every link destination in document order; the HTML's link holes point here.
    public var links: [Link]
    /// Problems found while parsing (malformed tables, bad heading ids).
    public var issues: [MarkdownIssue]
    /// The document's text without markup, headings or code (for search and excerpts): one line
    /// per paragraph or table row.
    public var plainText: String
    /// True when the document has at least one alert (`> [!NOTE]`).
    public var hasAlerts: Bool
    /// True when the document has at least one pipe table.
    public var hasTables: Bool
    /// The HTML, complete but for the holes.
    let html: [UInt8]
    /// What goes where in `html`, in order of offset.
    let holes: [HTMLHole]
    /// Raw HTML from the source, indexed by the raw-HTML holes.
    let rawHTML: [String]

    init(_ parts: DocumentBuilder, headings: [Heading], links: [Link], issues: [MarkdownIssue]) {
        self.headings = headings
        self.links = links
        self.issues = issues
        plainText = String(decoding: parts.plain, as: UTF8.self)
        hasAlerts = parts.hasAlerts
        hasTables = parts.hasTables
        html = parts.html
        holes = parts.holes
        rawHTML = parts.rawHTML
    }
}

/// A place in a document's HTML that is filled when a page renders it.
struct HTMLHole: Sendable {
    /// What fills a hole.
    enum Kind: Sendable {
        /// The `href` of link `n` (an index into `Document.links`).
        case href(Int)
        /// The label of link `n`, written with empty text (`[](market:sa)`).
        case label(Int)
        /// The title of an alert, in the page's language.
        case alertTitle(AlertKind)
        /// Raw HTML `n` inside a paragraph.
        case rawInline(Int)
        /// Raw HTML block `n`; `trimNewline` when it ends a tight list item (its last newline goes).
        case rawBlock(Int, trimNewline: Bool)
    }

    /// The byte offset in the HTML.
    var offset: Int
    var kind: Kind
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

    public init(level: Int, text: String, id: String, position: TextPosition) {
        self.level = level
        self.text = text
        self.id = id
        self.position = position
    }
}

/// A link found in a document: its destination as written, and where it is.
public struct Link: Sendable, Hashable {
    /// The destination as written (`market:sa`, `../x.md#y`, `https://…`).
    public var destination: String
    /// Where the link starts.
    public var position: TextPosition
    /// True when the link text is empty (`[](market:sa)`), so the target's name should fill it.
    public var isEmpty: Bool

    public init(destination: String, position: TextPosition, isEmpty: Bool) {
        self.destination = destination
        self.position = position
        self.isEmpty = isEmpty
    }
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
    /// What is wrong, in Chinese.
    public var messageZH: String
    /// How to fix it.
    public var hint: String?
    /// How to fix it, in Chinese (present when `hint` is).
    public var hintZH: String?
    /// Where.
    public var position: TextPosition

    /// Creates an issue; the message and hint are given in English and Chinese.
    public init(severity: Severity, code: String, message: String, messageZH: String, hint: String?, hintZH: String?,
                position: TextPosition) {
        self.severity = severity
        self.code = code
        self.message = message
        self.messageZH = messageZH
        self.hint = hint
        self.hintZH = hintZH
        self.position = position
    }
}
