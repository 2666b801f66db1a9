import Testing
@testable import HandbookKit

@Suite("FrontMatter.split")
struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineOffsets() throws {
        let f = try FrontMatter.split("---\nname: x\nregion: y\n---\n\n## Body\n", file: "m.md").get()
        #expect(f.yaml == "name: x\nregion: y\n")
        #expect(f.yamlFirstLine == 2)
        #expect(f.body == "\n## Body\n")
        #expect(f.bodyLineOffset == 4)
    }

    @Test func dotsCloseTheFrontMatterToo() throws {
        let f = try FrontMatter.split("---\na: 1\n...\nbody", file: "m.md").get()
        #expect(f.yaml == "a: 1\n")
        #expect(f.body == "body")
        #expect(f.bodyLineOffset == 3)
    }

    @Test func emptyFrontMatter() throws {
        let f = try FrontMatter.split("---\n---\nbody\n", file: "m.md").get()
        #expect(f.yaml == "")
        #expect(f.body == "body\n")
        #expect(f.bodyLineOffset == 2)
    }

    @Test func noFrontMatter() throws {
        let f = try FrontMatter.split("## Title\n\n---\n", file: "m.md").get()
        #expect(f.yaml == "")
        #expect(f.body == "## Title\n\n---\n")
        #expect(f.bodyLineOffset == 0)
    }

    @Test func dashesNotOnTheirOwnFirstLineAreNotFrontMatter() throws {
        let f = try FrontMatter.split("--- title\nx\n---\n", file: "m.md").get()
        #expect(f.bodyLineOffset == 0)
        #expect(f.body == "--- title\nx\n---\n")
    }

    @Test func unclosedFrontMatterIsAnError() {
        let result = FrontMatter.split("---\nname: x\n\n## Body\n", file: "Content/markets/x.md")
        guard case .failure(let d) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(d.english == Diagnostic(.error, .frontMatter, "front matter starts with '---' but is never closed",
                                at: SourceLocation(file: "Content/markets/x.md", line: 1, column: 1),
                                hint: "add a line with only '---' after the front matter"))
        #expect(d.description == "Content/markets/x.md:1:1: error: front matter starts with '---' but is never closed [HB0105 front-matter]\n    fix: add a line with only '---' after the front matter")
    }

    @Test func onlyOpeningDashesIsUnclosed() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split("---", file: "m.md").get() }
    }
}
