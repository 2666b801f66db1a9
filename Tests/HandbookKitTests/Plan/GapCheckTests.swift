import Foundation
import Testing
@testable import HandbookKit

/// The gap check's verdict rules on the valid fixture, where battery → Saudi Arabia accepts a CB
/// report to IEC 62133-2:2017 with the Saudi national differences, battery → EU partly accepts one
/// (no editions or differences recorded), PV → Saudi Arabia needs local testing and PV → EU has no row.
@Suite("Gap check")
struct GapCheckTests {
    static let handbook: Handbook = ContentLoader(root: TestPaths.valid).load(log: DiagnosticLog())!

    func check(_ product: String, _ market: String, _ report: String, differences: Set<String> = []) -> GapCheck.MarketResult {
        let parts = report.split(separator: ":").map(String.init)
        let r = GapCheck.Report(standard: parts[0], edition: parts.count > 1 ? parts[1] : nil, differences: differences)
        return GapCheck(Self.handbook, product: product, markets: [market], report: r).results[0]
    }

    func keys(_ r: GapCheck.MarketResult) -> [String] { r.questions.map(\.key) }

    @Test func acceptedEditionWithTheDifferencesIsUsableAsIs() {
        let r = check("battery", "sa", "iec-62133-2:2017", differences: ["sa"])
        #expect(r.verdict == .asIs)
        #expect(r.requirement == "battery/sa")
        #expect(!r.todo.contains { $0.key == "differences" })
        // The row is high confidence with a validity, a lead time and a representative: only the open facts are asked.
        #expect(keys(r) == ["factory_inspection", "fees"])
        #expect(r.todo.map(\.key) == ["representative", "labelling", "documents"])
    }

    @Test func missingRequiredDifferencesMustBeTested() {
        let r = check("battery", "sa", "iec-62133-2:2017")
        #expect(r.verdict == .afterDifferences)
        #expect(r.todo.first?.key == "differences")
    }

    @Test func anEditionOlderThanEveryAcceptedOneNeedsGapTesting() {
        let r = check("battery", "sa", "iec-62133-2:2012", differences: ["sa"])
        #expect(r.verdict == .editionNotAccepted)
        #expect(r.gapTo == "2017")
        // Worse findings win: the missing differences are still on the list.
        let both = check("battery", "sa", "iec-62133-2:2012")
        #expect(both.verdict == .editionNotAccepted)
        #expect(both.todo.first?.key == "differences")
    }

    @Test func aReportWithoutEditionOrAnotherStandardIsNotKnown() {
        let noEdition = check("battery", "sa", "iec-62133-2", differences: ["sa"])
        #expect(noEdition.verdict == .unknown)
        #expect(noEdition.questions.first == GapCheck.Question(key: "edition", values: ["standard": "IEC 62133-2", "edition": "?"]))
        let other = check("battery", "sa", "un-38-3", differences: ["sa"])
        #expect(other.verdict == .unknown)
        #expect(other.questions.first == GapCheck.Question(key: "standard", values: ["standard": "UN 38.3"]))
    }

    @Test func unrecordedEditionsAndDifferencesAreAskedNotGuessed() {
        // battery → EU: partial reuse, the standard listed without editions, differences unknown.
        let r = check("battery", "eu", "iec-62133-2:2012")
        #expect(r.verdict == .asIs)
        #expect(Array(keys(r).prefix(2)) == ["edition", "differences"])
        #expect(keys(r).contains("validity") && keys(r).contains("lead_time") && keys(r).contains("representative"))
    }

    @Test func localTestingMeansNotAcceptedAndNoRowMeansNotKnown() {
        let local = check("pv", "sa", "iec-61215")
        #expect(local.verdict == .notAccepted)
        #expect(local.todo.first?.key == "local_testing")
        #expect(!keys(local).contains("differences"))
        #expect(keys(local).contains("low_confidence"))
        let none = check("pv", "eu", "iec-61215")
        #expect(none.verdict == .unknown)
        #expect(none.requirement == nil)
        #expect(keys(none) == ["not_covered"])
    }

    @Test func requestMistakesAreNamedWithWhatWouldBeRight() {
        let h = Self.handbook
        func problems(_ r: PlanRequest) -> [String] {
            if case .failure(let invalid) = r.resolve(in: h) { return invalid.problems }
            return []
        }
        #expect(problems(PlanRequest(product: "batery", markets: ["sa", "sa", "sx"], report: "iec-62133-2:2018", ncb: "battery-lab")) == [
            "--product: unknown product 'batery' (did you mean 'battery'?); products: battery, pv",
            "--markets: 'sa' is named twice",
            "--markets: unknown market 'sx' (did you mean 'sa'?); markets: eu, sa",
            "--report: standard 'iec-62133-2' has no edition '2018' (did you mean '2012' or '2017'?); its editions: 2012, 2017",
            "--ncb: 'battery-lab' is not listed as an IECEE NCB in data/bodies",
        ])
        #expect(problems(PlanRequest(product: "battery", markets: [], report: "un-38-3:2019")) == [
            "--markets: name at least one market, e.g. --markets eu,sa",
            "--report: standard 'un-38-3' has no edition '2019'; no editions are listed for it: write 'un-38-3' alone",
        ])
        #expect(problems(PlanRequest(product: "battery", markets: ["sa"], report: "iec-62133-2:2017", differences: ["sa"], ncb: "saso")).isEmpty)
    }

    @Test func textJSONAndCSVSayTheSame() throws {
        let tmp = TemporaryFolder()
        let options = FixtureSite.options(content: TestPaths.valid, output: tmp.sub("site"))
        let request = PlanRequest(product: "battery", markets: ["sa", "eu"], report: "iec-62133-2:2012", differences: ["sa"])
        let text = try #require(try Pipeline.plan(request, language: "en", format: .text, options, log: DiagnosticLog()))
        #expect(text.hasPrefix("""
            Portable lithium batteries · IEC 62133-2:2012
            Your report covers 1 of 2 markets as is; 1 need gap testing to a later edition.
            Longest lead time: 6 weeks (Saudi Arabia).
            Lead time not known for: European Union.

            Saudi Arabia: edition not accepted: gap testing to IEC 62133-2:2017

            """))
        let csv = try #require(try Pipeline.plan(request, language: "en", format: .csv, options, log: DiagnosticLog()))
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "market,verdict,todo,validity_months,lead_time_weeks,fees,questions,requirement,confidence")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("sa,edition-not-accepted,\"appoint a local representative; labelling: Warning label in Arabic; documents: CB certificate, CB report, with national differences\","))
        #expect(lines[1].hasSuffix(",12-12,4-6,,Is a factory inspection part of certification in Saudi Arabia?; What are the official fees in Saudi Arabia?,battery/sa,high"))
        let json = try #require(try Pipeline.plan(request, language: "zh", format: .json, options, log: DiagnosticLog()))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let markets = try #require(root["markets"] as? [[String: Any]])
        #expect(markets.map { $0["verdict"] as? String } == ["edition-not-accepted", "as-is"])
        #expect(markets[0]["verdict_label"] as? String == "版本不被接受，须补测到 IEC 62133-2:2017")
        #expect((root["report"] as? [String: Any])?["differences"] as? [String] == ["sa"])
        #expect((root["summary"] as? [String])?.first == "您的报告可直接用于 2 个市场中的 1 个；1 个须补测到更新的版本。")
        #expect(throws: PlanRequest.Invalid.self) {
            try Pipeline.plan(request, language: "fr", format: .text, options, log: DiagnosticLog())
        }
    }
}
