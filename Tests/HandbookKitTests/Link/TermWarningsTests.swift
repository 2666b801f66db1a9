import Foundation
import Testing
@testable import HandbookKit

/// `terms` in site.yml: variants in a body, a front-matter field, YAML and CSV table cells.
@Suite("Term variants")
struct TermWarningsTests {
    func check(_ terms: String, _ change: (String) throws -> Void) throws -> ([Diagnostic], String, TemporaryFolder) {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try Files.write(content + "/site.yml", try #require(Files.read(content + "/site.yml")) + terms)
        try change(content)
        let log = DiagnosticLog()
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        return (log.all.filter { ![.staleReview, .missingTranslation, .staleTranslation].contains($0.code) }, content, tmp)
    }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try #require(Files.read(path))
        #expect(text.contains(old))
        try Files.write(path, text.replacingOccurrences(of: old, with: new))
    }

    func variant(_ found: String, _ preferred: String, _ file: String, _ line: Int, _ column: Int) -> Diagnostic {
        Diagnostic(.warning, .termVariant,
                   Phrase(en: "'\(found)' is not the handbook's term: write '\(preferred)'",
                          zh: "“\(found)”不是本手册的统一用语，应写作“\(preferred)”"),
                   at: SourceLocation(file: file, line: line, column: column),
                   hint: Phrase(en: "replace '\(found)' with '\(preferred)' (terms in site.yml)",
                                zh: "把“\(found)”改为“\(preferred)”（见 site.yml 中的 terms）"))
    }

    @Test func variantsAreFoundInBodiesFieldsAndTableCells() throws {
        let terms = "terms:\n  光伏组件: [光伏板]\n  一次检测: [一次测试]\n  PV module: [solar panel]\n"
        let (d, content, tmp) = try check(terms) { content in
            try edit(content + "/products/pv.md", "光伏组件在沙特需要本地测试", "光伏板在沙特需要本地测试，`光伏板` 不算")
            try edit(content + "/products/pv.md", "summary: {zh: 光伏组件的准入要求。", "summary: {zh: 光伏板的准入要求。")
            try edit(content + "/products/pv.en.md", "PV modules need", "Solar panels ([solar panel](https://example.org/solar panel)).\n\nPV modules need")
            try edit(content + "/data/requirements.csv", "即\"\"一次检测\"\"", "即\"\"一次测试\"\"")
            try edit(content + "/data/standards.yml", "title: {zh: 便携式锂电池安全要求", "title: {zh: 便携式锂电池安全要求（非光伏板）")
        }
        _ = tmp
        let pv = content + "/products/pv.md", pvEN = content + "/products/pv.en.md"
        let csvLine = try #require(Files.read(content + "/data/requirements.csv")).split(separator: "\n")[1]
        let csvColumn = try #require(csvLine.firstRange(of: "一次测试")).lowerBound.utf16Offset(in: csvLine) + 1
        let enLines = try #require(Files.read(pvEN)).split(separator: "\n", omittingEmptySubsequences: false)
        let enLine = try #require(enLines.firstIndex { $0.hasPrefix("Solar panels") }) + 1
        #expect(d == [
            variant("一次测试", "一次检测", content + "/data/requirements.csv", 2, csvColumn),
            variant("光伏板", "光伏组件", content + "/data/standards.yml", 3, 27),
            variant("Solar panels", "PV module", pvEN, enLine, 1),
            variant("solar panel", "PV module", pvEN, enLine, 16),
            variant("光伏板", "光伏组件", pv, 7, 15),
            variant("光伏板", "光伏组件", pv, 10, 1),
        ])
    }

    /// The same list makes the glossary's table (each language its own terms).
    @Test func theListIsAGlossaryTable() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try Files.write(content + "/site.yml", try #require(Files.read(content + "/site.yml"))
            + "terms:\n  光伏组件: [光伏板, 太阳能板]\n  PV module: [solar panel]\n")
        try edit(content + "/pages/about.md", "reviewed: 2026-10-01", "reviewed: 2026-10-01\nshow_terms: yes")
        let built = FixtureSite.build(content: content, into: tmp.sub("site"))
        #expect(built.summary != nil, "\(built.diagnostics)")
        #expect(built.text("zh/about/index.html").contains("""
            <h2 id="preferred-terms">统一用语</h2>
            <p>本手册对同一概念只用一种写法：左列是采用的写法，右列是不用的写法。</p>
            <table>
            <thead><tr><th scope="col">采用的写法</th><th scope="col">不用的写法</th></tr></thead>
            <tbody>
            <tr><td>光伏组件</td><td>光伏板、太阳能板</td></tr>
            </tbody>
            """))
        #expect(built.text("en/about/index.html").contains("<tr><td>PV module</td><td>solar panel</td></tr>\n</tbody>"))
        #expect(!built.text("zh/products/pv/index.html").contains("preferred-terms"))
    }

    @Test(arguments: [
        ("terms: [光伏板]\n", "'terms' should be a map of preferred form: variants to avoid", 10, 8),
        ("terms:\n  光伏组件: [光伏组件]\n", "'光伏组件' is a preferred form and cannot also be a variant to avoid", 11, 10),
        ("terms:\n  光伏组件: [光伏板]\n  组件: [光伏板]\n", "'光伏板' is already a variant of '光伏组件'", 12, 8),
    ])
    func aBrokenTermListIsAnErrorAtItsPlace(terms: String, message: String, line: Int, column: Int) throws {
        let (d, content, tmp) = try check(terms) { _ in }
        _ = tmp
        #expect(d.map(\.message) == [message])
        #expect(d.map(\.location) == [SourceLocation(file: content + "/site.yml", line: line, column: column)])
        #expect(d.allSatisfy { $0.severity == .error && $0.text.zh != $0.text.en })
    }
}
