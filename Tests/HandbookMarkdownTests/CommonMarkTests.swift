import Testing
@testable import HandbookMarkdown

/// `MarkdownParser` (CommonMark.swift): CommonMark through libcmark, rendered like `cmark --safe`.
/// Expected strings were produced with the `cmark` command-line tool (libcmark 0.30), except
/// where noted: the project writes HTML5 void elements (`<hr>`, `<br>`) rather than `<hr />`.
@Suite("CommonMark basics")
struct CommonMarkTests {
    @Test func paragraphWithEmphasisStrongAndEscaping() {
        #expect(render("Hello *world* and **bold** & \"q\"\n")
                == "<p>Hello <em>world</em> and <strong>bold</strong> &amp; &quot;q&quot;</p>\n")
    }

    @Test func twoParagraphsAndSoftBreak() {
        #expect(render("one\ntwo\n\nthree\n") == "<p>one\ntwo</p>\n<p>three</p>\n")
    }

    @Test func hardBreakAndThematicBreakAreHTML5() {
        #expect(render("line  \nbreak\n\n---\n") == "<p>line<br>\nbreak</p>\n<hr>\n")
    }

    @Test func fencedCodeBlockGetsLanguageClassAndEscapedText() {
        #expect(render("```swift title=x\nlet x = 1 < 2\n```\n")
                == "<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
    }

    @Test func codeBlockWithoutLanguageHasNoClass() {
        #expect(render("    indented <code>\n") == "<pre><code>indented &lt;code&gt;\n</code></pre>\n")
    }

    @Test func inlineCodeIsEscaped() {
        #expect(render("use `a<b>` here\n") == "<p>use <code>a&lt;b&gt;</code> here</p>\n")
    }

    @Test func tightList() {
        #expect(render("- a\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
    }

    @Test func looseList() {
        #expect(render("- a\n\n- b\n") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
    }

    @Test func orderedListKeepsItsStart() {
        #expect(render("3. x\n4. y\n") == "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n")
        #expect(render("1. x\n") == "<ol>\n<li>x</li>\n</ol>\n")
    }

    @Test func blockQuoteAndHeading() {
        #expect(render("# Title\n\n> quoted\n") == "<h1 id=\"title\">Title</h1>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n")
    }

    @Test func imageGetsPlainAltAndLazyLoading() {
        #expect(render("![a *b*](x.png \"T\")\n") == "<p><img src=\"x.png\" alt=\"a b\" title=\"T\" loading=\"lazy\"></p>\n")
    }

    // MARK: Safety

    @Test func rawHTMLIsDroppedByDefault() {
        #expect(render("<div>hi</div>\n\ntext <b>x</b>\n")
                == "<!-- raw HTML omitted -->\n<p>text <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
    }

    @Test func rawHTMLIsKeptWhenAllowed() {
        #expect(render("<div>hi</div>\n\ntext <b>x</b>\n", options: HTMLOptions(allowRawHTML: true))
                == "<div>hi</div>\n<p>text <b>x</b></p>\n")
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox", "file:///etc/passwd",
                      "data:text/html;base64,PHNjcmlwdD4="])
    func dangerousLinkHrefIsEmptied(_ url: String) {
        #expect(render("[x](\(url))\n") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func entityEncodedJavascriptIsStillCaught() {
        #expect(render("[x](&#106;avascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func dangerousImageSourceIsEmptiedButRasterDataKept() {
        #expect(render("![x](javascript:alert(1))\n") == "<p><img src=\"\" alt=\"x\" loading=\"lazy\"></p>\n")
        #expect(render("![x](data:image/png;base64,AAAA)\n")
                == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\" loading=\"lazy\"></p>\n")
    }

    @Test func safeLinkIsKeptWithTitleAndEscaping() {
        #expect(render("[x](https://e.org/a?b=1&c=2 \"Ti\\\"tle\")\n")
                == "<p><a href=\"https://e.org/a?b=1&amp;c=2\" title=\"Ti&quot;tle\">x</a></p>\n")
    }

    // MARK: Links and their positions

    @Test func linksAreListedInDocumentOrderWithDestinations() {
        let doc = MarkdownParser.parse("[a](market:sa) and [b](https://x.org)\n\n- [c](req:p/m#x)\n")
        #expect(doc.links.map(\.destination) == ["market:sa", "https://x.org", "req:p/m#x"])
        #expect(doc.links.map(\.position) == [TextPosition(line: 1, column: 1), TextPosition(line: 1, column: 20),
                                              TextPosition(line: 3, column: 3)])
    }

    @Test func linkColumnCountsCharactersNotBytesAfterCJK() {
        // "认证要求见 " is 6 characters but 16 bytes: the link starts at character column 7.
        let doc = MarkdownParser.parse("第一行\n认证要求见 [沙特](market:sa)。\n")
        #expect(doc.links.count == 1)
        #expect(doc.links.first?.position == TextPosition(line: 2, column: 7))
    }

    @Test func linkColumnInsideBlockQuoteAndListAfterCJK() {
        let doc = MarkdownParser.parse("> 引用：[x](market:sa)\n\n- 列表 [y](market:eu)\n")
        #expect(doc.links.map(\.position) == [TextPosition(line: 1, column: 6), TextPosition(line: 3, column: 6)])
    }

    @Test func emptyLinkTextIsDetected() {
        let doc = MarkdownParser.parse("[](market:sa) [沙特](market:sa) [`code`](market:sa)\n")
        #expect(doc.links.map(\.isEmpty) == [true, false, false])
    }

    @Test func emptyLinkIsFilledWithTheResolvedLabel() {
        let doc = MarkdownParser.parse("见 [](market:sa) 和 [原文](market:sa)。\n")
        let html = HTMLRenderer.render(doc, links: [ResolvedLink(href: "../sa/", label: "沙特阿拉伯"),
                                                    ResolvedLink(href: "../sa/", label: "沙特阿拉伯")],
                                       options: HTMLOptions())
        #expect(html == "<p>见 <a href=\"../sa/\">沙特阿拉伯</a> 和 <a href=\"../sa/\">原文</a>。</p>\n")
    }

    @Test func linkInTableCellIsOnTheRowsLine() {
        let doc = MarkdownParser.parse("| 市场 | 链接 |\n|---|---|\n| 沙特 | [](market:sa) |\n")
        #expect(doc.links.count == 1)
        #expect(doc.links.first?.position.line == 3)
        #expect(doc.links.first?.isEmpty == true)
    }

    @Test func linkInTableCellGetsTheCellsColumn() {
        // "| 沙特 | " is 7 characters, so the second cell (and the link that starts it) is at column 8.
        let doc = MarkdownParser.parse("| 市场 | 链接 |\n|---|---|\n| 沙特 | [](market:sa) |\n")
        #expect(doc.links.map(\.position) == [TextPosition(line: 3, column: 8)])
    }

    @Test func linkInsideTableCellAfterTextGetsItsOwnColumn() {
        // "| a | 见 " is 8 characters: the link is at column 9 of line 5.
        let doc = MarkdownParser.parse("text\n\n| h | i |\n|---|---|\n| a | 见 [x](market:sa) |\n")
        #expect(doc.links.map(\.position) == [TextPosition(line: 5, column: 9)])
    }
}

@Suite("Hostile Markdown")
struct HostileMarkdownTests {
    @Test(arguments: [String(repeating: ">", count: 100_000) + " x\n",
                      String(repeating: "- ", count: 50_000) + "x\n",
                      String(repeating: "*", count: 100_000) + "x" + String(repeating: "*", count: 100_000) + "\n"])
    func deepNestingIsAnIssueNotACrash(_ markdown: String) {
        let document = MarkdownParser.parse(markdown)
        #expect(document.issues.map(\.code) == ["too-deep"])
        #expect(document.issues.first?.message == "Markdown nested more than 128 levels deep")
        _ = HTMLRenderer.render(document, links: [], options: HTMLOptions())
    }

    @Test func ordinaryNestingIsFine() {
        #expect(MarkdownParser.parse(String(repeating: ">", count: 20) + " x\n").issues.isEmpty)
    }
}
