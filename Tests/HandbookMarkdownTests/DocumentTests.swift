import Testing
@testable import HandbookMarkdown

/// `Document` (Document.swift, DocumentBuilder.swift): the HTML made at parse time with holes,
/// filled by `HTMLRenderer`, and the plain text written beside it.
@Suite("Document")
struct DocumentTests {
    @Test func plainTextHasParagraphsListsTablesAndAltTextButNoHeadingsOrCode() {
        let doc = MarkdownParser.parse("""
        # Title

        Para *x* `c`
        next [link](https://e.org)

        - a
        - b

        | h | i |
        |---|---|
        | 1 | ![alt *t*](p.png) |

        ```
        code
        ```

        > quoted<b>raw</b>

        """)
        #expect(doc.plainText == "Para x c next link\na\nb\nh i \n1 alt t \nquotedraw\n")
        #expect(doc.hasTables)
        #expect(!doc.hasAlerts)
    }

    @Test func alertMarkerIsNotPartOfThePlainText() {
        let doc = MarkdownParser.parse("> [!NOTE]\n> Keep the report.\n")
        #expect(doc.plainText == "Keep the report.\n")
        #expect(doc.hasAlerts)
    }

    @Test func holesAreFilledPerPage() {
        let doc = MarkdownParser.parse("See [](market:sa) and [x](market:eu \"T\").\n")
        let first = HTMLRenderer.render(doc, links: [ResolvedLink(href: "../sa/", label: "Saudi <Arabia>"),
                                                     ResolvedLink(href: "../eu/")], options: HTMLOptions())
        let second = HTMLRenderer.render(doc, links: [ResolvedLink(href: "../../sa/", label: "沙特"),
                                                      ResolvedLink(href: "javascript:x")], options: HTMLOptions())
        #expect(first == "<p>See <a href=\"../sa/\">Saudi &lt;Arabia&gt;</a> and <a href=\"../eu/\" title=\"T\">x</a>.</p>\n")
        #expect(second == "<p>See <a href=\"../../sa/\">沙特</a> and <a href=\"\" title=\"T\">x</a>.</p>\n")
    }

    @Test func missingResolvedLinksGiveEmptyHrefs() {
        let doc = MarkdownParser.parse("[a](x) [](y)\n")
        #expect(HTMLRenderer.render(doc, links: [], options: HTMLOptions()) == "<p><a href=\"\">a</a> <a href=\"\"></a></p>\n")
    }

    @Test func rawHTMLBlockEndingATightListItemLosesItsLastNewline() {
        let markdown = "- <div>x</div>\n- b\n"
        #expect(render(markdown) == "<ul>\n<li><!-- raw HTML omitted --></li>\n<li>b</li>\n</ul>\n")
        #expect(render(markdown, options: HTMLOptions(allowRawHTML: true)) == "<ul>\n<li><div>x</div></li>\n<li>b</li>\n</ul>\n")
    }

    @Test func headingTextSkipsTheCustomIDAndIsNotBodyText() {
        let doc = MarkdownParser.parse("## Scope [x](https://e.org) {#scope}\n\nBody.\n")
        #expect(doc.headings.map(\.text) == ["Scope x"])
        #expect(doc.links.map(\.destination) == ["https://e.org"])
        #expect(doc.plainText == "Body.\n")
        #expect(render("## Scope [x](https://e.org) {#scope}\n") == "<h2 id=\"scope\">Scope <a href=\"https://e.org\">x</a></h2>\n")
    }

    @Test func linksInsideImageAltTextAreCountedButNotRendered() {
        let doc = MarkdownParser.parse("![a [b](market:sa)](p.png) [c](market:eu)\n")
        #expect(doc.links.map(\.destination) == ["market:sa", "market:eu"])
        #expect(HTMLRenderer.render(doc, links: [ResolvedLink(href: "SA"), ResolvedLink(href: "EU")], options: HTMLOptions())
                == "<p><img src=\"p.png\" alt=\"a b\" loading=\"lazy\"> <a href=\"EU\">c</a></p>\n")
    }
}
