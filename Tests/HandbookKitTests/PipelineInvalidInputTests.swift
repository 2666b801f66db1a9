import Foundation
import Testing
@testable import HandbookKit

/// One bad input per class: a copy of the valid fixture with exactly one mistake. The build must fail
/// with the exact diagnostic, and leave the previous output byte-for-byte as it was.
@Suite("Pipeline: invalid input")
struct PipelineInvalidInputTests {
    /// A mutation of the valid fixture and the one error it must cause.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        /// Returns the new bytes of `file` from its current bytes.
        let change: @Sendable (Data) -> Data
        let line: Int
        let column: Int
        let code: DiagnosticCode
        let message: String
        let hint: String?
        var testDescription: String { name }
    }

    static func replacing(_ old: String, with new: String) -> @Sendable (Data) -> Data {
        { data in
            let text = String(decoding: data, as: UTF8.self)
            precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur exactly once")
            return Data(text.replacingOccurrences(of: old, with: new).utf8)
        }
    }

    static func appending(_ bytes: [UInt8]) -> @Sendable (Data) -> Data { { $0 + Data(bytes) } }

    /// LF line ends turned into CRLF.
    static func crlf(_ data: Data) -> Data {
        Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    static let cases: [Case] = [
        Case(name: "malformed YAML front matter", file: "markets/sa.md",
             change: replacing("iso: SA\n", with: "iso: SA: x\n"), line: 4, column: 8, code: .yamlSyntax,
             message: "YAML: ': ' is not allowed here (is this line indented differently from the one above, or does a value contain ': '?)",
             hint: "line up the keys, and put text that contains ': ' in quotes"),
        Case(name: "wrong CSV column count", file: "data/requirements.csv",
             change: appending(Array("pv,eu,eu-lvd\n".utf8)), line: 5, column: 7, code: .csvSyntax,
             message: "row has 3 cells but the header has 23",
             hint: "quote cells that contain commas (\"a, b\") or add the missing cells"),
        Case(name: "unknown reference in a link", file: "products/battery.md",
             change: replacing("- [](market:sa)：", with: "- [](market:sx)："), line: 19, column: 3,
             code: .unknownLinkTarget, message: "unknown market 'sx' in link (did you mean 'sa'?)",
             hint: "link to one of: eu, sa"),
        Case(name: "unknown reference in a table cell", file: "markets/sa.md",
             change: replacing("[](req:battery/sa) |", with: "[](req:battery/sx) |"), line: 28, column: 25,
             code: .unknownLinkTarget, message: "unknown requirement 'battery/sx' in link (did you mean 'battery/sa'?)",
             hint: "link to one of: battery/eu, battery/sa, pv/sa"),
        Case(name: "unknown reference in a table", file: "data/events.yml",
             change: replacing("  market: sa\n", with: "  market: sb\n"), line: 2, column: 11,
             code: .unknownReference, message: "unknown market 'sb' (did you mean 'sa'?)",
             hint: "markets are defined in markets/: eu, sa"),
        Case(name: "duplicate id", file: "data/standards.yml",
             change: appending(Array("- id: un-38-3\n  code: \"UN 38.3 (copy)\"\n  title: Copy\n".utf8)),
             line: 17, column: 3, code: .duplicateID,
             message: "duplicate standard 'un-38-3' (first defined at {root}/data/standards.yml:8:3)",
             hint: "remove one of them or give it another id"),
        Case(name: "invalid date", file: "markets/sa.md",
             change: replacing("reviewed: 2026-10-01", with: "reviewed: 2026-02-30"), line: 14, column: 11,
             code: .invalidDate, message: "'reviewed' is '2026-02-30', but February 2026 has only 28 days",
             hint: "write an existing date as YYYY-MM-DD"),
        Case(name: "invalid UTF-8", file: "pages/about.md",
             change: appending(Array("编码：".utf8) + [0xD6, 0xD0, 0xCE, 0xC4, 0x0A]), line: 10, column: 4,
             code: .invalidUTF8, message: "invalid UTF-8 byte 0xD6",
             hint: "save the file as UTF-8 (it may be GBK or Latin-1)"),
        Case(name: "missing required field", file: "products/pv.md",
             change: replacing("name: {zh: 光伏组件, en: PV modules}\n", with: ""), line: 2, column: 1,
             code: .missingField, message: "product 'pv' has no 'name'", hint: "add 'name: …'"),
        Case(name: "unknown anchor", file: "markets/sa.md",
             change: replacing("[](market:eu#ce)", with: "[](market:eu#cee)"), line: 34, column: 5,
             code: .unknownAnchor, message: "no heading '#cee' in market:eu (did you mean 'ce'?)",
             hint: "headings there: ce"),
        Case(name: "malformed table", file: "markets/sa.md",
             change: replacing("|:--|--:|\n", with: "|:--|\n"), line: 27, column: 1,
             code: .malformedTable, message: "table header has 2 cells but the delimiter row has 1",
             hint: "make the delimiter row (|---|) have one cell per header cell"),
        Case(name: "unclosed front matter", file: "pages/about.md",
             change: replacing("reviewed: 2026-10-01\n---\n", with: "reviewed: 2026-10-01\n"), line: 1, column: 1,
             code: .frontMatter, message: "front matter starts with '---' but is never closed",
             hint: "add a line with only '---' after the front matter"),
        Case(name: "invalid date in a CRLF file", file: "markets/sa.md",
             change: { crlf(replacing("reviewed: 2026-10-01", with: "reviewed: 2026-02-30")($0)) }, line: 14, column: 11,
             code: .invalidDate, message: "'reviewed' is '2026-02-30', but February 2026 has only 28 days",
             hint: "write an existing date as YYYY-MM-DD"),
        Case(name: "unknown reference in a file with a UTF-8 BOM before its front matter", file: "products/pv.en.md",
             change: { Data([0xEF, 0xBB, 0xBF]) + replacing("[](req:pv/sa)", with: "[](req:pv/sx)")($0) }, line: 4, column: 52,
             code: .unknownLinkTarget, message: "unknown requirement 'pv/sx' in link (did you mean 'pv/sa'?)",
             hint: "link to one of: battery/eu, battery/sa, pv/sa"),
        Case(name: "file too large", file: "pages/about.md",
             change: { $0 + Data(repeating: UInt8(ascii: "a"), count: 17 * 1_048_576) }, line: 1, column: 1,
             code: .fileTooLarge, message: "file is 17.1 MB; the limit is 16 MB", hint: "split it into smaller files"),
    ]

    /// A copy of the valid fixture with `c` applied, at `<tmp>/content`.
    static func makeContent(_ c: Case, in tmp: TemporaryFolder) throws -> String {
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let url = URL(fileURLWithPath: content + "/" + c.file)
        try c.change(Data(contentsOf: url)).write(to: url)
        return content
    }

    static func expected(_ c: Case, content: String) -> Diagnostic {
        Diagnostic(.error, c.code, c.message.replacingOccurrences(of: "{root}", with: content),
                   at: SourceLocation(file: content + "/" + c.file, line: c.line, column: c.column), hint: c.hint)
    }

    @Test(arguments: cases)
    func buildFailsWithTheExactDiagnosticAndLeavesTheOutput(_ c: Case) throws {
        let tmp = TemporaryFolder()
        let content = try Self.makeContent(c, in: tmp)
        // A previous, good site in the output folder, with another base URL so that any replacement shows.
        let good = FixtureSite.build(content: TestPaths.valid, into: tmp.sub("site"), baseURL: "https://previous.example/")
        try #require(good.summary != nil)
        let before = Files.snapshot(tmp.sub("site"))

        let log = DiagnosticLog()
        let summary = try Pipeline.build(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        #expect(summary == nil)
        let errors = log.all.filter { $0.severity == .error }
        #expect(errors.map(\.english) == [Self.expected(c, content: content)])
        #expect(Files.snapshot(tmp.sub("site")) == before, "the previous output was changed")
        #expect(Files.leftovers(in: tmp.path).isEmpty, "staging left behind: \(Files.leftovers(in: tmp.path))")
        #expect(Set(Files.list(tmp.path).map { $0.split(separator: "/").first.map(String.init) ?? "" }) == ["content", "site"])
    }

    @Test(arguments: cases)
    func checkReportsTheSameDiagnosticAndWritesNothing(_ c: Case) throws {
        let tmp = TemporaryFolder()
        let content = try Self.makeContent(c, in: tmp)
        let log = DiagnosticLog()
        #expect(!Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log))
        let errors = log.all.filter { $0.severity == .error }
        #expect(errors.map(\.english) == [Self.expected(c, content: content)])
        #expect(!FileManager.default.fileExists(atPath: tmp.sub("site")))
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func unreadableYAMLTableCausesNoFollowOnErrors() throws {
        // The whole schemes table is lost to a syntax error; the requirements and links that use
        // its schemes must not each report "unknown scheme" on top of it.
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let url = URL(fileURLWithPath: content + "/data/schemes.yml")
        try Self.replacing("  authority: SASO\n", with: "  authority: [SASO\n")(Data(contentsOf: url)).write(to: url)
        let log = DiagnosticLog()
        #expect(try Pipeline.build(FixtureSite.options(content: content, output: tmp.sub("site")), log: log) == nil)
        let errors = log.all.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.code == .yamlSyntax)
        #expect(errors.first?.location.file == content + "/data/schemes.yml")
    }

    @Test
    func brokenTableCausesNoFollowOnErrors() throws {
        let c = Self.cases[1]
        let tmp = TemporaryFolder()
        let content = try Self.makeContent(c, in: tmp)
        let log = DiagnosticLog()
        #expect(try Pipeline.build(FixtureSite.options(content: content, output: tmp.sub("site")), log: log) == nil)
        #expect(log.all.filter { $0.severity == .error }.map(\.english) == [Self.expected(c, content: content)])
    }

    @Test
    func fileSlightlyTooLargeSaysHowMuchTooLarge() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let url = URL(fileURLWithPath: content + "/pages/about.md")
        try (Data(contentsOf: url) + Data(repeating: UInt8(ascii: "a"), count: 16 * 1_048_576 + 512 * 1024)).write(to: url)
        let log = DiagnosticLog()
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        let message = try #require(log.all.first { $0.code == .fileTooLarge }?.message)
        let numbers = message.matches(of: /([0-9]+(?:\.[0-9]+)?) MB/).compactMap { Double($0.1) }
        #expect(numbers.count == 2 && numbers[0] > numbers[1], "\(message)")
    }

    @Test func allProblemsAreReportedAtOnce() throws {
        // A date error (load stage), a malformed table (parse stage) and a link error (link stage)
        // in one build: all three are reported.
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        for c in [Self.cases[2], Self.cases[6], Self.cases[10]] {
            let url = URL(fileURLWithPath: content + "/" + c.file)
            try c.change(Data(contentsOf: url)).write(to: url)
        }
        let log = DiagnosticLog()
        #expect(try Pipeline.build(FixtureSite.options(content: content, output: tmp.sub("site")), log: log) == nil)
        #expect(log.all.filter { $0.severity == .error }.map(\.english)
                == [Self.cases[2], Self.cases[6], Self.cases[10]].map { Self.expected($0, content: content) }
                    .sorted { $0.location < $1.location })
        #expect(!FileManager.default.fileExists(atPath: tmp.sub("site")))
    }

    @Test func unknownFieldIsAWarningWithDidYouMean() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let url = URL(fileURLWithPath: content + "/markets/eu.md")
        try Self.replacing("iso: EU\n", with: "iso: EU\nconfidnce: high\n")(Data(contentsOf: url)).write(to: url)
        let built = FixtureSite.build(content: content, into: tmp.sub("site"))
        #expect(built.summary != nil)  // warnings do not fail a build
        #expect(built.diagnostics.filter { $0.code == .unknownField }.map(\.english) == [Diagnostic(
            .warning, .unknownField, "unknown field 'confidnce' in market 'eu' (did you mean 'confidence'?)",
            at: SourceLocation(file: content + "/markets/eu.md", line: 5, column: 1),
            hint: "known fields: authorities, blocs, confidence, iecee, iso, name, region, reviewed, sources, summary")])
    }

    @Test func unsafeLinkIsDroppedWithAWarning() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let url = URL(fileURLWithPath: content + "/markets/eu.md")
        try Self.replacing("CE 是自我声明。", with: "CE 是[自我声明](javascript:alert(1))。")(Data(contentsOf: url)).write(to: url)
        let built = FixtureSite.build(content: content, into: tmp.sub("site"))
        #expect(built.summary != nil)
        #expect(built.diagnostics.filter { $0.code == .invalidValue }.map(\.english) == [Diagnostic(
            .warning, .invalidValue, "unsafe link 'javascript:alert(1)' is dropped",
            at: SourceLocation(file: content + "/markets/eu.md", line: 12, column: 5),
            hint: "link to an https:// address instead")])
        #expect(built.text("zh/markets/eu/index.html").contains("<p>CE 是<a href=\"\">自我声明</a>。另见"))
        #expect(!built.text("zh/markets/eu/index.html").contains("javascript"))
    }

    // MARK: Output guard

    /// An output folder that would overwrite the build's own inputs: how to make it (in a
    /// temporary folder), and the content, templates and output folders of the build.
    struct RefusedOutput: CustomTestStringConvertible, Sendable {
        var name: String
        var setUp: @Sendable (TemporaryFolder) throws -> (content: String, templates: String, output: String)
        var testDescription: String { name }
    }

    static let refusedOutputs: [RefusedOutput] = [
        RefusedOutput(name: "the content folder") { tmp in
            try Files.copy(TestPaths.valid, to: tmp.sub("content"))
            return (tmp.sub("content"), TestPaths.templates, tmp.sub("content"))
        },
        RefusedOutput(name: "a folder holding the content, even one that looks like an output") { tmp in
            try Files.copy(TestPaths.valid, to: tmp.sub("project/content"))
            try Files.write(tmp.sub("project/.handbook-output"), "handbook\n")
            return (tmp.sub("project/content"), TestPaths.templates, tmp.sub("project"))
        },
        RefusedOutput(name: "the templates folder") { tmp in
            try Files.copy(TestPaths.templates, to: tmp.sub("theme"))
            return (TestPaths.valid, tmp.sub("theme"), tmp.sub("theme"))
        },
        RefusedOutput(name: "a folder inside the content") { tmp in
            try Files.copy(TestPaths.valid, to: tmp.sub("content"))
            return (tmp.sub("content"), TestPaths.templates, tmp.sub("content/site"))
        },
    ]

    @Test(arguments: refusedOutputs)
    func refusesAnOutputFolderThatWouldOverwriteItsInputs(_ refused: RefusedOutput) throws {
        let tmp = TemporaryFolder()
        let (content, templates, output) = try refused.setUp(tmp)
        let before = Files.snapshot(tmp.path)
        var options = FixtureSite.options(content: content, output: output)
        options.templates = templates
        do {
            _ = try Pipeline.build(options, log: DiagnosticLog())
            Issue.record("the build did not refuse \(output)")
        } catch let failure as OutputDirectory.Failure {
            #expect(failure.isRefusal)
            #expect(failure.description.hasPrefix("refusing to use '\(output)' as the output folder: it would overwrite or be inside"),
                    "\(failure.description)")
        }
        // Nothing written, moved or left behind anywhere.
        #expect(Files.snapshot(tmp.path) == before)
    }

    @Test func refusesANonEmptyFolderWithoutTheMarker() throws {
        let tmp = TemporaryFolder()
        try Files.write(tmp.sub("site/thesis.docx"), "precious")
        do {
            _ = try Pipeline.build(FixtureSite.options(content: TestPaths.valid, output: tmp.sub("site")), log: DiagnosticLog())
            Issue.record("the build did not refuse the folder")
        } catch let failure as OutputDirectory.Failure {
            #expect(failure.description == "refusing to replace '\(tmp.sub("site"))': it holds files that handbook did not write (no .handbook-output); choose another --output or empty it")
        }
        #expect(Files.list(tmp.sub("site")) == ["thesis.docx"])
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }
}
