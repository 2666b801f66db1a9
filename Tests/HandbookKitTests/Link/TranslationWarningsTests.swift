import Foundation
import Testing
@testable import HandbookKit

/// Translations that fall behind their original: the warning, the report, the reader's notice.
@Suite("Stale translations")
struct TranslationWarningsTests {
    /// A copy of the valid fixture (its translations name their originals' versions).
    func site(_ change: (String) throws -> Void) throws -> (TemporaryFolder, String) {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try change(content)
        return (tmp, content)
    }

    func check(_ content: String, output: String) -> ([Diagnostic], String) {
        let log = DiagnosticLog()
        var report = ""
        _ = Pipeline.check(FixtureSite.options(content: content, output: output), log: log, report: { report = $0 })
        return (log.all.filter { [.staleTranslation, .unversionedTranslation].contains($0.code) }, report)
    }

    func append(_ path: String, _ text: String) throws {
        try Files.write(path, try #require(Files.read(path)) + text)
    }

    @Test func theBundledFixtureIsUpToDate() throws {
        let (tmp, content) = try site { _ in }
        #expect(check(content, output: tmp.sub("site")).0.isEmpty)
    }

    @Test func editingTheOriginalMakesItsTranslationStale() throws {
        let (tmp, content) = try site { try append($0 + "/products/pv.md", "\n组件还须通过新的测试。\n") }
        let stamped = try #require(Files.read(content + "/products/pv.en.md"))
        let old = try #require(stamped.firstMatch(of: /translation_of: ([0-9a-f]{10})/)).1
        let body = try FrontMatter.split(try #require(Files.read(content + "/products/pv.md")), file: "").get().body
        let now = TranslationStamp.version(of: body)
        let (d, report) = check(content, output: tmp.sub("site"))
        #expect(d == [Diagnostic(.warning, .staleTranslation,
                                 Phrase(en: "\(content)/products/pv.md has changed since this translation was made (translation_of: \(old), now \(now))",
                                        zh: "\(content)/products/pv.md 在翻译之后有改动（translation_of: \(old)，现为 \(now)）"),
                                 at: SourceLocation(file: content + "/products/pv.en.md", line: 2, column: 17),
                                 hint: Phrase(en: "bring the translation up to date with products/pv.md, then run `handbook translated products/pv.en.md`",
                                              zh: "按 products/pv.md 的现行内容更新译文，然后运行 `handbook translated products/pv.en.md`"))])
        #expect(report.contains("\nStale translations (the original changed since; `handbook translated <file>` once updated)\n  products/pv.en.md (original: products/pv.md)\n"))

        // Marking it as updated clears the warning.
        _ = try TranslationMarker.mark(["products/pv.en.md"], all: false, content: content)
        #expect(check(content, output: tmp.sub("site")).0.isEmpty)
    }

    @Test func spacesAndBlankLinesInTheOriginalDoNotCount() throws {
        let (tmp, content) = try site { content in
            let path = content + "/products/pv.md"
            let text = try #require(Files.read(path))
            try Files.write(path, text.replacingOccurrences(of: "\n\n", with: "\n\n\n") + "   \n\n")
        }
        #expect(check(content, output: tmp.sub("site")).0.isEmpty)
    }

    @Test func aTranslationWithoutAVersionIsNamed() throws {
        let (tmp, content) = try site { content in
            let path = content + "/markets/sa.en.md"
            let text = try #require(Files.read(path))
            try Files.write(path, text.replacing(/translation_of: [0-9a-f]+\n/, with: ""))
        }
        #expect(check(content, output: tmp.sub("site")).0 == [
            Diagnostic(.warning, .unversionedTranslation,
                       Phrase(en: "this translation does not say which version of markets/sa.md it translates",
                              zh: "译文没有注明它依据的是 markets/sa.md 的哪个版本"),
                       at: SourceLocation(file: content + "/markets/sa.en.md"),
                       hint: Phrase(en: "once it matches markets/sa.md, run `handbook translated markets/sa.en.md`",
                                    zh: "确认译文与 markets/sa.md 一致后，运行 `handbook translated markets/sa.en.md`")),
        ])
    }

    @Test func readersOfAStaleTranslationAreToldAndLinkedToTheOriginal() throws {
        let (tmp, content) = try site { try append($0 + "/products/pv.md", "\n组件还须通过新的测试。\n") }
        let built = FixtureSite.build(content: content, into: tmp.sub("site"))
        let notice = "<p class=\"notice notice-stale-translation\" role=\"note\">The original of this page has changed since this translation was made, so parts of this English text may be out of date. <a href=\"../../../zh/products/pv/\" hreflang=\"zh\">Read the original (<span lang=\"zh\">中文</span>)</a></p>"
        #expect(built.text("en/products/pv/index.html").contains(notice))
        #expect(!built.text("zh/products/pv/index.html").contains("notice-stale-translation"))
        #expect(!built.text("en/products/battery/index.html").contains("notice-stale-translation"))
    }
}
