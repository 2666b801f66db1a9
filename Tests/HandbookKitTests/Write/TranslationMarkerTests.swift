import Foundation
import Testing
@testable import HandbookKit

@Suite("Translation versions")
struct TranslationMarkerTests {
    @Test func theVersionIgnoresSpacesAndLineBreaksOnly() {
        let v = TranslationStamp.version(of: "## 标题\n\n第一段。\n")
        #expect(v.count == 10)
        #expect(TranslationStamp.version(of: "\n## 标题\n\n\n第一段。   \n\n") == v)
        #expect(TranslationStamp.version(of: "## 标题\n第一段。") == v)
        #expect(TranslationStamp.version(of: "## 标题\n\n第二段。\n") != v)
        #expect(TranslationStamp.version(of: "##标题\n\n第一段。\n") != v)   // a space between words counts
    }

    @Test(arguments: [
        ("---\nsummary: x\n---\nbody\n", "---\ntranslation_of: abc\nsummary: x\n---\nbody\n"),
        ("---\ntranslation_of: old\nsummary: x\n---\nbody\n", "---\ntranslation_of: abc\nsummary: x\n---\nbody\n"),
        ("---\n---\nbody\n", "---\ntranslation_of: abc\n---\nbody\n"),
        ("body\n", "---\ntranslation_of: abc\n---\nbody\n"),
        ("---\r\nsummary: x\r\n---\r\nbody\r\n", "---\r\ntranslation_of: abc\r\nsummary: x\r\n---\r\nbody\r\n"),
        // A body line that looks like the field is not touched.
        ("---\n---\ntranslation_of: text\n", "---\ntranslation_of: abc\n---\ntranslation_of: text\n"),
    ])
    func theFieldIsSetInTheFrontMatter(before: String, after: String) {
        #expect(TranslationMarker.stamped(before, version: "abc") == after)
    }

    @Test func markingWritesTheOriginalsVersionAndOnlyWhenItChanged() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let original = try #require(Files.read(content + "/markets/sa.md"))
        try Files.write(content + "/markets/sa.md", original + "\n新的一段。\n")
        let marked = try TranslationMarker.mark(["markets/sa.en.md", content + "/products/pv.en.md"], all: false, content: content)
        let body = try #require(Files.read(content + "/markets/sa.md").flatMap { try? FrontMatter.split($0, file: "").get().body })
        #expect(marked == [
            .init(translation: "markets/sa.en.md", original: "markets/sa.md", version: TranslationStamp.version(of: body), changed: true),
            .init(translation: "products/pv.en.md", original: "products/pv.md",
                  version: try #require(marked.last?.version), changed: false),
        ])
        #expect(try #require(Files.read(content + "/markets/sa.en.md")).contains("translation_of: \(TranslationStamp.version(of: body))\n"))
    }

    @Test(arguments: [
        ("markets/sa.md", "markets/sa.md is an original, not a translation (translations end in .en.md)"),
        ("markets/zz.en.md", "CONTENT/markets/zz.en.md does not exist"),
        ("data/regions.yml", "data/regions.yml is not a guide in CONTENT/markets, products or pages"),
    ])
    func refusesWhatIsNotATranslationAndWritesNothing(path: String, message: String) throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let before = try #require(Files.read(content + "/products/pv.en.md"))
        try Files.write(content + "/products/pv.md", try #require(Files.read(content + "/products/pv.md")) + "\n改动。\n")
        #expect {
            try TranslationMarker.mark(["products/pv.en.md", path], all: false, content: content)
        } throws: { error in
            (error as? TranslationMarker.Failure)?.phrase.en == message.replacing("CONTENT", with: content)
        }
        #expect(Files.read(content + "/products/pv.en.md") == before)
    }
}
