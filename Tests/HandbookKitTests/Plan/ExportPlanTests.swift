import Foundation
import Testing
@testable import HandbookKit

/// The test-once plan on the valid fixture: battery → Saudi Arabia accepts a CB report to
/// IEC 62133-2:2017 with the Saudi national differences, battery → EU partly accepts one (any
/// edition, differences not recorded), PV → Saudi Arabia needs local testing, PV → EU has no row.
@Suite("Test-once plan")
struct ExportPlanTests {
    static let handbook: Handbook = ContentLoader(root: TestPaths.valid).load(log: DiagnosticLog())!

    func plan(_ product: String, _ markets: [String]) -> ExportPlan {
        ExportPlan(Self.handbook, product: product, markets: markets, language: "en")
    }

    @Test func oneReportAtTheEditionAMarketNamesServesTheMarketsTakingAnyEdition() {
        let p = plan("battery", ["sa", "eu"])
        // UN 38.3 is a transport test, not in a CB report.
        #expect(p.orders == [ExportPlan.Order(standard: "iec-62133-2", edition: "2017", markets: ["eu", "sa"],
                                              differences: ["sa"], askDifferences: ["eu"])])
        #expect(p.covered == ["eu", "sa"])
        #expect(p.localTests.isEmpty && p.askCB.isEmpty && p.unlisted.isEmpty)
        #expect(p.representative == ["sa"])
        #expect(p.leadTimes == [ExportPlan.Figure(market: "sa", range: 4...6)])
        #expect(p.longestLeadTime?.weeks == 6)
        #expect(p.shortestValidity?.markets == ["sa"])
    }

    @Test func localTestsAndMarketsWithoutARowAreSaidApart() {
        let p = plan("pv", ["eu", "sa"])
        #expect(p.orders.isEmpty)
        #expect(p.localTests == [ExportPlan.LocalTest(market: "sa", cb: .none, schemes: ["sa-iecee-rc"], standards: ["iec-61215"], labs: [])])
        #expect(p.unlisted == ["eu"])
        #expect(p.documents == [ExportPlan.Document(text: "National certificate of conformity", markets: ["sa"])])
    }

    @Test func differentEditionsNeedTwoReportsAndTheLatestTakesTheRest() throws {
        var h = Self.handbook
        let i = try #require(h.requirements.firstIndex { $0.id == "battery/eu" })
        h.requirements[i].acceptedStandards = [AcceptedStandard(standard: Ref(id: "iec-62133-2", location: h.requirements[i].location), edition: "2012")]
        let p = ExportPlan(h, product: "battery", markets: ["eu", "sa"], language: "en")
        #expect(p.orders.map(\.edition) == ["2017", "2012"])
        #expect(p.orders.map(\.markets) == [["sa"], ["eu"]])
    }

    @Test func documentsAreNamedOnceWithEveryMarketAskingMostAskedFirst() {
        let docs = ExportPlan.documents([("eu", ["CE marking", "UN 38.3 test summary"]),
                                         ("sa", ["UN 38.3  test summary.", "SABER registration"]),
                                         ("vn", ["un 38.3 test summary", "ICT mark"])])
        #expect(docs.map(\.text) == ["UN 38.3 test summary", "CE marking", "SABER registration", "ICT mark"])
        #expect(docs[0].markets == ["eu", "sa", "vn"])
    }

    @Test func textJSONAndCSVSayTheSame() throws {
        let tmp = TemporaryFolder()
        let options = FixtureSite.options(content: TestPaths.valid, output: tmp.sub("site"))
        let request = PlanRequest(product: "battery", markets: ["sa", "eu"], report: nil)
        let text = try #require(try Pipeline.plan(request, language: "en", format: .text, options, log: DiagnosticLog()))
        #expect(text == """
            Portable lithium batteries · European Union, Saudi Arabia
            One CB test serves 2 of 2 markets (fully or partly).
            Lead time known for 1 of 2 markets; longest: 6 weeks (Saudi Arabia).
            Certificate validity known for 1 of 2 markets; shortest: 12 months (Saudi Arabia).

            CB test reports to order
              - IEC 62133-2:2017: European Union, Saudi Arabia
                National differences to include: Saudi Arabia
                Ask whether national differences are needed: European Union

            Documents, each named once
              - EU declaration of conformity (European Union)
              - CB certificate (Saudi Arabia)
              - CB report, with national differences (Saudi Arabia)

            Also needed
              - Local representative required in: Saudi Arabia

            Lead times
              - Saudi Arabia: 4–6 weeks

            """)
        let csv = try #require(try Pipeline.plan(request, language: "en", format: .csv, options, log: DiagnosticLog()))
        #expect(csv.split(separator: "\n").map(String.init) == [
            "section,item,markets,detail",
            "summary,One CB test serves 2 of 2 markets (fully or partly).,,",
            "summary,Lead time known for 1 of 2 markets; longest: 6 weeks (Saudi Arabia).,,",
            "summary,Certificate validity known for 1 of 2 markets; shortest: 12 months (Saudi Arabia).,,",
            "order,IEC 62133-2:2017,eu;sa,differences=sa ask=eu",
            "document,EU declaration of conformity,eu,",
            "document,CB certificate,sa,",
            "document,\"CB report, with national differences\",sa,",
            "representative,sa,sa,",
            "lead-time,sa,sa,4-6",
            "validity,sa,sa,12-12",
        ])
        let json = try #require(try Pipeline.plan(PlanRequest(product: "pv", markets: ["sa", "eu"], report: nil), language: "zh",
                                                  format: .json, options, log: DiagnosticLog()))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["unlisted"] as? [String] == ["eu"])
        #expect((root["local"] as? [[String: Any]])?.first?["detail"] as? String
                == "不采用 CB 报告 · SASO IECEE 认可证书 · IEC 61215")
        #expect((root["summary"] as? [String])?.first == "一次 CB 测试可用于 2 个市场中的 0 个（全部或部分采用）。")
    }

    @Test func differencesWithoutAReportAreAMistake() {
        let r = PlanRequest(product: "battery", markets: ["sa"], report: nil, differences: ["sa"])
        guard case .failure(let invalid) = r.resolve(in: Self.handbook) else {
            Issue.record("a request with --differences and no --report was accepted")
            return
        }
        #expect(invalid.problems == ["--differences: name the report they belong to with --report"])
    }
}
