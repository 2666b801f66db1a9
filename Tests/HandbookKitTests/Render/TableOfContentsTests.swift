@testable import HandbookMarkdown
import Testing
@testable import HandbookKit

/// The contents list numbers only the sections: level-3 headings sit in a list under their section.
@Suite("Table of contents")
struct TableOfContentsTests {
    static func heading(_ level: Int, _ text: String) -> Heading {
        Heading(level: level, text: text, id: text.lowercased(), position: TextPosition(line: 1, column: 1))
    }

    @Test func subsectionsNestUnderTheirSection() {
        let toc = PageBuilder.toc([Self.heading(3, "Intro"), Self.heading(2, "Core"), Self.heading(3, "CB"),
                                   Self.heading(3, "HS"), Self.heading(2, "Bodies")])
        #expect(toc.map { $0["text"] as? String } == ["Intro", "Core", "Bodies"])
        let children = toc[1]["children"] as? [[String: Any]] ?? []
        #expect(children.map { $0["href"] as? String } == ["#cb", "#hs"])
        #expect(toc[0]["children"] == nil && toc[2]["children"] == nil)
    }
}
