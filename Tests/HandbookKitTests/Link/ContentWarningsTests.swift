import Foundation
import Testing
@testable import HandbookKit

/// What `handbook check` reports beyond errors: future reviews, missing text in a language,
/// orphan pages, and the editorial report.
@Suite("Content warnings and report")
struct ContentWarningsTests {
    /// Checks a copy of the valid fixture after `change`; returns the diagnostics and the report.
    func check(_ change: (String) throws -> Void) throws -> ([Diagnostic], String, String) {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try change(content)
        let log = DiagnosticLog()
        var report = ""
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log, report: { report = $0 })
        return (log.all, report, content)
    }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try #require(Files.read(path))
        #expect(text.contains(old))
        try Files.write(path, text.replacingOccurrences(of: old, with: new))
    }

    @Test(arguments: [
        ("../other/", "en/guides/a/", "guides/other"),
        ("./b/", "en/guides/a/", "guides/a/b"),
        ("b/index.html#part", "en/guides/a/", "guides/a/b"),
        ("../../about/?x=1", "en/guides/a/", "about"),
        ("index.html", "en/guides/a/", "guides/a"),
        ("../../../../", "en/guides/a/", nil),
        ("../../../zh/x/", "en/guides/a/", nil),
        ("other.md", "en/guides/a/", nil),
        ("/en/x/", "en/guides/a/", nil),
        ("#top", "en/guides/a/", nil),
        ("https://e.org/en/x/", "en/guides/a/", nil),
    ] as [(String, String, String?)])
    func pagePathOfARelativeLink(_ destination: String, _ from: String, _ expected: String?) {
        #expect(ContentWarnings.pagePath(destination, from: Route(from), language: "en") == expected)
    }

    @Test func reviewInTheFutureIsAWarning() throws {
        let (diagnostics, _, content) = try check { try edit($0 + "/markets/sa.md", "reviewed: 2026-10-01", "reviewed: 2027-01-01") }
        #expect(diagnostics.filter { $0.code == .futureReview }.map(\.english) == [Diagnostic(
            .warning, .futureReview, "market 'sa' says it was reviewed on 2027-01-01, which is in the future",
            at: SourceLocation(file: content + "/markets/sa.md", line: 14, column: 11),
            hint: "write the day the facts were checked (YYYY-MM-DD)")])
    }

    @Test func textMissingInOneLanguageIsAWarning() throws {
        let (diagnostics, _, content) = try check {
            try edit($0 + "/data/schemes.yml", "name: {zh: SASO IECEE 认可证书, en: SASO IECEE Recognition Certificate}",
                     "name: {zh: SASO IECEE 认可证书}")
        }
        let missing = diagnostics.filter { $0.code == .missingTranslation && $0.message.contains("scheme") }
        #expect(missing.map(\.message) == ["scheme 'sa-iecee-rc' has no 'en' text for 'name'"])
        #expect(missing.first?.location.file == content + "/data/schemes.yml")
        #expect(missing.first?.severity == .warning)
    }

    @Test func pageInAFolderThatNothingLinksToIsAnOrphan() throws {
        let (diagnostics, _, content) = try check { content in
            try Files.write(content + "/pages/notes/lonely.md", "---\ntitle: Lonely\n---\n\nText.\n")
            try Files.write(content + "/pages/notes/linked.md", "---\ntitle: Linked\n---\n\nSee [x](../lonely-not/) and [](page:notes/other).\n")
            try Files.write(content + "/pages/notes/other.md", "---\ntitle: Other\n---\n\nBack to [linked](../linked/).\n")
        }
        let orphans = diagnostics.filter { $0.code == .orphanPage }
        #expect(orphans.map(\.message) == ["page 'notes/lonely' is not linked from any other page"])
        #expect(orphans.first?.location.file == content + "/pages/notes/lonely.md")
    }

    @Test func reportShowsCoverageStalenessAndUnmentionedRequirements() throws {
        let (_, report, _) = try check { _ in }
        #expect(report.contains("\n  zh  6/6 (100 %)\n"))
        #expect(report.contains("\n  en  5/6 (83 %); missing: pages/about\n"))
        #expect(report.contains("\n  1 of 11 need review\n  2025-01-01  markets/eu (695 days)\n"))
        #expect(report.contains("\n  battery  P  F  \n  pv       ·  L  \n"))
        #expect(report.contains("3 of 4 pairs have a requirement row"))
        #expect(report.hasSuffix("Requirements their market and product guides do not link to (req:<product>/<market>)\n  battery/eu\n"))
    }
}
