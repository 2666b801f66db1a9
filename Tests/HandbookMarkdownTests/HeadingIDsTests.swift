import Testing
@testable import HandbookMarkdown

/// Heading ids (HeadingIDs.swift and the heading pass in CommonMark.swift).
@Suite("Heading ids")
struct HeadingIDsTests {
    @Test(arguments: [
        ("Routes to market", "routes-to-market"),
        ("认证 流程", "认证-流程"),
        ("Hello, World!", "hello-world"),
        ("C++ & Rust 2025", "c-rust-2025"),
        ("  leading   and trailing  ", "leading-and-trailing"),
        ("IEC 62133-2:2017", "iec-62133-22017"),  // like GitHub: punctuation dropped, not replaced
        ("snake_case stays", "snake_case-stays"),
        ("沙特（SASO）认证", "沙特saso认证"),
        ("Ünïcödé Straße", "ünïcödé-straße"),
        ("!!!", "section"),
        ("", "section"),
    ])
    func slug(_ text: String, _ expected: String) {
        #expect(HeadingIDs.slug(text) == expected)
    }

    /// The byte-by-byte path for ASCII gives what the Unicode-property path gives, for every
    /// ASCII character alone, between letters, and around spaces.
    @Test func asciiPathMatchesUnicodePath() {
        for v in UInt8(0)..<0x80 {
            let c = String(UnicodeScalar(v))
            for text in [c, "a\(c)b", "A \(c) 9", "\(c)\(c)x\(c)", "Mixed-Case_\(c) Words 12"] {
                #expect(HeadingIDs.asciiSlug(text) == HeadingIDs.unicodeSlug(text), "\(Array(text.utf8))")
            }
        }
        #expect(HeadingIDs.asciiSlug("认证") == nil)
    }

    @Test func cjkHeadingKeepsItsCharacters() {
        let doc = MarkdownParser.parse("## 认证 流程\n")
        #expect(doc.headings == [Heading(level: 2, text: "认证 流程", id: "认证-流程", position: TextPosition(line: 1, column: 1))])
        #expect(render("## 认证 流程\n") == "<h2 id=\"认证-流程\">认证 流程</h2>\n")
    }

    @Test func punctuationOnlyHeadingGetsSection() {
        #expect(MarkdownParser.parse("## ?!\n").headings.map(\.id) == ["section"])
    }

    @Test func duplicatesGetNumberedSuffixes() {
        let doc = MarkdownParser.parse("## A\n\n## A\n\n### a\n\n## B\n")
        #expect(doc.headings.map(\.id) == ["a", "a-1", "a-2", "b"])
        #expect(doc.headings.map(\.level) == [2, 2, 3, 2])
        #expect(doc.headings.map(\.position.line) == [1, 3, 5, 7])
    }

    @Test func headingTextComesFromInlineContent() {
        let doc = MarkdownParser.parse("## The `cb` *scheme* [link](x)\n")
        #expect(doc.headings.first?.text == "The cb scheme link")
        #expect(doc.headings.first?.id == "the-cb-scheme-link")
    }

    @Test func customIDIsHonouredAndRemovedFromText() {
        let doc = MarkdownParser.parse("## Routes to market {#routes}\n")
        #expect(doc.headings == [Heading(level: 2, text: "Routes to market", id: "routes", position: TextPosition(line: 1, column: 1))])
        #expect(render("## Routes to market {#routes}\n") == "<h2 id=\"routes\">Routes to market</h2>\n")
        #expect(doc.issues.isEmpty)
    }

    @Test func customIDAfterEmphasisLeavesNoTrailingText() {
        #expect(render("## *Title* {#t}\n") == "<h2 id=\"t\"><em>Title</em></h2>\n")
    }

    @Test func customCJKIDIsAllowed() {
        #expect(MarkdownParser.parse("## 标题 {#认证}\n").headings.map(\.id) == ["认证"])
    }

    @Test func customIDThatClashesWithASlugMakesTheLaterOneUnique() {
        #expect(MarkdownParser.parse("## Intro {#a}\n\n## A\n").headings.map(\.id) == ["a", "a-1"])
    }

    @Test func invalidCustomIDIsAnIssueAndTheSlugIsUsed() {
        let md = "Text\n\n## Title {#bad id!}\n"
        #expect(issues(md) == [Issue(.error, "bad-heading-id",
                                     "heading id 'bad id!' may only contain letters, digits, '-' and '_'", 3, 1)])
        #expect(render(md) == "<p>Text</p>\n<h2 id=\"title\">Title</h2>\n")
    }

    @Test func emptyCustomIDIsAnIssue() {
        #expect(issues("## Title {#}\n").map(\.code) == ["bad-heading-id"])
    }

    @Test func braceWithoutHashIsOrdinaryText() {
        let doc = MarkdownParser.parse("## Set {x}\n")
        #expect(doc.headings.first?.text == "Set {x}")
        #expect(doc.headings.first?.id == "set-x")
        #expect(doc.issues.isEmpty)
    }

    @Test func setextHeadingsGetIDsToo() {
        #expect(render("Title\n=====\n") == "<h1 id=\"title\">Title</h1>\n")
    }
}
