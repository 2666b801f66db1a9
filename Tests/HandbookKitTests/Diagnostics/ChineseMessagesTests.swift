import Foundation
import Testing
@testable import HandbookKit

/// The Chinese form of the diagnostics: exact wording for the common kinds, and no diagnostic of
/// the invalid inputs left in English only.
@Suite("Diagnostics in Chinese")
struct ChineseMessagesTests {
    /// The diagnostics of `check` on a copy of the valid fixture with `change` made to `file`.
    static func diagnostics(_ file: String, _ change: @Sendable (Data) -> Data) throws -> [Diagnostic] {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let url = URL(fileURLWithPath: content + "/" + file)
        try change(Data(contentsOf: url)).write(to: url)
        let log = DiagnosticLog()
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        return log.all
    }

    /// The one error of the invalid-input case named `name`.
    static func error(_ name: String) throws -> Diagnostic {
        let c = try #require(PipelineInvalidInputTests.cases.first { $0.name == name })
        let errors = try diagnostics(c.file, c.change).filter { $0.severity == .error }
        try #require(errors.count == 1, "\(errors)")
        return errors[0]
    }

    @Test func yamlSyntaxError() throws {
        let d = try Self.error("malformed YAML front matter")
        #expect(d.text.zh == "YAML 语法错误：这里不能出现“: ”（这一行的缩进是否与上一行不同？或者值中含有“: ”？）")
        #expect(d.fix?.zh == "对齐各个键，含“: ”的文本要加引号")
    }

    @Test func unknownReferenceWithASuggestion() throws {
        let d = try Self.error("unknown reference in a table")
        #expect(d.text.zh == "未知的市场“sb”（是不是“sa”？）")
        #expect(d.fix?.zh == "市场定义在 markets/ 中：eu、sa")
    }

    @Test func unknownLinkTargetWithASuggestion() throws {
        let d = try Self.error("unknown reference in a table cell")
        #expect(d.text.zh == "链接中的准入要求“battery/sx”不存在（是不是“battery/sa”？）")
        #expect(d.fix?.zh == "可链接到：battery/eu、battery/sa、pv/sa")
    }

    @Test func missingField() throws {
        let d = try Self.error("missing required field")
        #expect(d.text.zh == "产品“pv”缺少字段“name”")
        #expect(d.fix?.zh == "添加“name: …”")
    }

    @Test func unknownAnchor() throws {
        let d = try Self.error("unknown anchor")
        #expect(d.text.zh == "market:eu 中没有标题“#cee”（是不是“ce”？）")
        #expect(d.fix?.zh == "那里的标题：ce")
    }

    @Test func invalidDate() throws {
        let d = try Self.error("invalid date")
        #expect(d.text.zh == "“reviewed”的值“2026-02-30”无效：2026 年 2 月只有 28 天")
        #expect(d.fix?.zh == "写一个存在的日期，格式为 YYYY-MM-DD")
    }

    @Test func markdownTableProblem() throws {
        let d = try Self.error("malformed table")
        #expect(d.text.zh == "表头有 2 个单元格，分隔行却有 1 个")
        #expect(d.fix?.zh == "分隔行（|---|）的单元格数要与表头相同")
    }

    @Test func missingTranslationWarning() throws {
        let d = try #require(FixtureSite.valid.diagnostics.first { $0.code == .missingTranslation })
        #expect(d.message == "page 'about' has no 'en' translation; readers see the zh text")
        #expect(d.text.zh == "页面“about”没有“en”译文，读者看到的是 zh 原文")
        #expect(d.fix?.zh == "添加 pages/about.en.md")
    }

    @Test func staleReviewWarning() throws {
        let d = try #require(FixtureSite.valid.diagnostics.first { $0.code == .staleReview })
        #expect(d.message == "market 'eu' was last reviewed 695 days ago (more than review_max_age_days: 365)")
        #expect(d.text.zh == "市场“eu”上次核对是在 695 天前（超过 review_max_age_days: 365）")
        #expect(d.fix?.zh == "对照来源核对事实，然后更新“reviewed”")
    }

    @Test func unknownFieldWarning() throws {
        let d = try #require(Self.diagnostics("markets/eu.md", PipelineInvalidInputTests.replacing("iso: EU\n", with: "iso: EU\nconfidnce: high\n"))
            .first { $0.code == .unknownField })
        #expect(d.text.zh == "市场“eu”中有未知字段“confidnce”（是不是“confidence”？）")
        #expect(d.fix?.zh == "已知字段：authorities、blocs、confidence、iecee、iso、name、region、reviewed、sources、summary")
    }

    @Test func failuresOfTheOutputFolderAndOfNewInBothLanguages() throws {
        let tmp = TemporaryFolder()
        try Files.write(tmp.sub("site/thesis.docx"), "precious")
        do {
            _ = try OutputDirectory(path: tmp.sub("site"), protecting: [])
            Issue.record("the folder was not refused")
        } catch let failure as OutputDirectory.Failure {
            #expect(failure.phrase.zh == "拒绝替换“\(tmp.sub("site"))”：其中有不是 handbook 写入的文件（没有 .handbook-output）；请换一个 --output，或清空它")
            #expect(failure.description == failure.phrase.en)
        }
        do {
            _ = try Scaffold.create(.market, id: "kr", nameZH: nil, nameEN: nil, region: "eurpe", content: TestPaths.valid,
                                    templates: TestPaths.templates, today: fixtureToday)
            Issue.record("the unknown region was not refused")
        } catch let failure as Scaffold.Failure {
            #expect(failure.phrase == Phrase(en: "unknown region 'eurpe' (did you mean 'europe'?); regions are: middle-east, europe",
                                             zh: "未知的地区“eurpe”（是不是“europe”？）；可用的地区：middle-east、europe"))
        }
    }

    // MARK: Nothing left in English

    /// True when `text` has a word of two or more Latin letters (so it needs translating); `0xD6`
    /// or `2026-02-30` has none.
    static func hasEnglishWords(_ text: String) -> Bool {
        text.contains(/\b[A-Za-z]{2,}\b/)
    }

    /// True when `text` has a Chinese character.
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The phrases of `d` whose Chinese is missing: the same as the English though the English has
    /// words, or without a Chinese character.
    static func untranslated(_ d: Diagnostic) -> [String] {
        ([d.text] + (d.fix.map { [$0] } ?? [])).filter { hasEnglishWords($0.en) && ($0.zh == $0.en || !hasChinese($0.zh)) }
            .map { "\(d.location): \($0.en)" }
    }

    @Test(arguments: PipelineInvalidInputTests.cases)
    func everyDiagnosticOfAnInvalidInputHasItsChinese(_ c: PipelineInvalidInputTests.Case) throws {
        let diagnostics = try Self.diagnostics(c.file, c.change)
        #expect(diagnostics.contains { $0.severity == .error })
        #expect(diagnostics.flatMap(Self.untranslated).isEmpty, "\(diagnostics.flatMap(Self.untranslated))")
    }

    @Test(arguments: DataModelDiagnosticsTests.cases)
    func everyDiagnosticOfADataModelMistakeHasItsChinese(_ c: DataModelDiagnosticsTests.Case) throws {
        let diagnostics = try Self.diagnostics(c.file, PipelineInvalidInputTests.replacing(c.old, with: c.new))
        #expect(diagnostics.flatMap(Self.untranslated).isEmpty, "\(diagnostics.flatMap(Self.untranslated))")
    }

    @Test func theCheckCatchesAForgottenTranslation() {
        let at = HandbookKit.SourceLocation(file: "a.md")
        #expect(!Self.untranslated(Diagnostic(.error, .invalidValue, "unknown market 'x'", at: at)).isEmpty)
        #expect(Self.untranslated(Diagnostic(.error, .invalidValue, Phrase(en: "unknown market 'x'", zh: "未知的市场“x”"), at: at)).isEmpty)
        #expect(Self.untranslated(Diagnostic(.error, .invalidValue, "0xD6", at: at)).isEmpty)
    }
}
