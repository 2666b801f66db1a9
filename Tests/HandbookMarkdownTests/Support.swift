@testable import HandbookMarkdown

/// Parses `markdown` and renders it with every link's destination used as its href
/// (what the renderer sees when no link stage rewrites them).
func render(_ markdown: String, options: HTMLOptions = HTMLOptions()) -> String {
    let document = MarkdownParser.parse(markdown)
    return HTMLRenderer.render(document, links: document.links.map { ResolvedLink(href: $0.destination) },
                               options: options)
}

/// The issues of a document as comparable tuples-in-a-struct.
struct Issue: Equatable, CustomStringConvertible {
    var severity: MarkdownIssue.Severity
    var code: String
    var message: String
    var line: Int
    var column: Int

    init(_ severity: MarkdownIssue.Severity, _ code: String, _ message: String, _ line: Int, _ column: Int) {
        (self.severity, self.code, self.message, self.line, self.column) = (severity, code, message, line, column)
    }

    init(_ issue: MarkdownIssue) {
        self.init(issue.severity, issue.code, issue.message, issue.position.line, issue.position.column)
    }

    var description: String { "\(line):\(column) \(severity) \(code): \(message)" }
}

func issues(_ markdown: String) -> [Issue] {
    MarkdownParser.parse(markdown).issues.map(Issue.init)
}
