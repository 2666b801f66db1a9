import Testing
@testable import HandbookKit

/// What readers type and the page they expect, over the bundled handbook: the page is in the top
/// three, in both languages' indexes. A Chinese compliance engineer's queries come first, then an
/// English-speaking buyer's; a few are typed in the other language or half typed (as the instant
/// results under the header box see them). `Tests/browser/check_search.py` reads this list (the
/// `E("query", "route")` lines) and checks that the site's JavaScript ranks each query as
/// `handbook search` does.
@Suite("Search expectations on Content/")
struct SearchExpectationsTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let query: String
        /// The expected page's route; its first part is the language of the index searched.
        let route: String
        var language: String { String(route.prefix { $0 != "/" }) }
        var testDescription: String { "\(query) → \(route)" }
    }

    static func E(_ query: String, _ route: String) -> Expectation { Expectation(query: query, route: route) }

    static let chinese = [
        E("沙特 电池", "zh/products/li-ion-portable/sa/"),
        E("沙特电池", "zh/products/li-ion-portable/sa/"),
        E("移动电源", "zh/products/li-ion-portable/"),
        E("CCC 移动电源", "zh/products/li-ion-portable/"),
        E("储能 欧盟", "zh/products/li-ion-stationary/eu/"),
        E("BESS 沙特", "zh/products/li-ion-stationary/sa/"),
        E("逆变器 沙特", "zh/products/pv-inverter/sa/"),
        E("光伏逆变器 南非", "zh/products/pv-inverter/za/"),
        E("巴西 光伏组件", "zh/products/pv-module/br/"),
        E("光伏组件 印度尼西亚", "zh/products/pv-module/id/"),
        E("肯尼亚", "zh/markets/ke/"),
        E("哈萨克斯坦", "zh/markets/kz/"),
        E("UN 38.3", "zh/standards/un-38-3/"),
        E("IEC 62619", "zh/standards/iec-62619/"),
        E("防孤岛", "zh/standards/iec-62116/"),
        E("SONCAP", "zh/schemes/ng-soncap/"),
        E("G-Mark", "zh/schemes/gso-lve-gmark/"),
        E("G标志", "zh/schemes/gso-lve-gmark/"),
        E("EAC", "zh/schemes/ru-eac-tr-cu-004/"),
        E("SASO", "zh/schemes/sa-iecee-rc/"),
        E("认可证书", "zh/schemes/sa-iecee-rc/"),
        E("欧盟电池法规", "zh/schemes/eu-battery-regulation/"),
        E("巴林 净计量", "zh/schemes/bh-ewa-net-metering/"),
        E("KEBS", "zh/schemes/ke-kebs-iecee/"),
        E("土耳其 CE", "zh/schemes/tr-ce/"),
        E("新加坡 储能 消防", "zh/schemes/sg-scdf-ess/"),
        E("INMETRO", "zh/schemes/br-inmetro-140-2022/"),
        E("危包证", "zh/transport/"),
        E("荷电状态", "zh/transport/"),
        E("锂电池 运输", "zh/transport/"),
        E("CB 报告", "zh/cb-scheme/"),
        E("国家差异", "zh/cb-scheme/"),
        E("一次检测 多国认可", "zh/cb-scheme/"),
        E("术语表", "zh/glossary/"),
        E("power bank", "zh/products/li-ion-portable/"),
        E("Saudi battery", "zh/products/li-ion-portable/sa/"),
        E("沙特阿", "zh/markets/sa/"),
        E("移动电", "zh/products/li-ion-portable/"),
        E("印尼", "zh/markets/id/"),
        E("土耳其 CE", "zh/schemes/tr-ce/"),
        E("EAC", "zh/schemes/ru-eac-tr-cu-004/"),
        E("KEBS", "zh/bodies/kebs/"),
    ]

    static let english = [
        E("power bank", "en/products/li-ion-portable/"),
        E("CCC power bank", "en/products/li-ion-portable/"),
        E("Turkey CE", "en/schemes/tr-ce/"),
        E("KEBS", "en/bodies/kebs/"),
        E("Saudi battery", "en/products/li-ion-portable/sa/"),
        E("lithium battery Saudi Arabia", "en/products/li-ion-portable/sa/"),
        E("Vietnam lithium battery", "en/products/li-ion-portable/vn/"),
        E("energy storage EU", "en/products/li-ion-stationary/eu/"),
        E("BESS", "en/products/li-ion-stationary/"),
        E("inverter Saudi Arabia", "en/products/pv-inverter/sa/"),
        E("solar inverter Brazil", "en/products/pv-inverter/br/"),
        E("PV modules Indonesia", "en/products/pv-module/id/"),
        E("Kenya", "en/markets/ke/"),
        E("UN 38.3", "en/standards/un-38-3/"),
        E("IEC 62133-2", "en/standards/iec-62133-2/"),
        E("62619", "en/standards/iec-62619/"),
        E("islanding prevention", "en/standards/iec-62116/"),
        E("SONCAP", "en/schemes/ng-soncap/"),
        E("G-Mark", "en/schemes/gso-lve-gmark/"),
        E("EAC", "en/schemes/ru-eac-tr-cu-004/"),
        E("PVoC", "en/schemes/ke-pvoc/"),
        E("KEBS", "en/schemes/ke-kebs-iecee/"),
        E("Recognition Certificate", "en/schemes/sa-iecee-rc/"),
        E("EU Battery Regulation", "en/schemes/eu-battery-regulation/"),
        E("net metering Bahrain", "en/schemes/bh-ewa-net-metering/"),
        E("Turkey CE marking", "en/schemes/tr-ce/"),
        E("INMETRO", "en/schemes/br-inmetro-140-2022/"),
        E("ESS Singapore fire", "en/schemes/sg-scdf-ess/"),
        E("state of charge", "en/transport/"),
        E("dangerous goods packaging", "en/transport/"),
        E("CB report", "en/cb-scheme/"),
        E("national differences", "en/cb-scheme/"),
        E("one test multiple recognitions", "en/cb-scheme/"),
        E("沙特 电池", "en/products/li-ion-portable/sa/"),
        E("巴西", "en/markets/br/"),
        E("saud", "en/markets/sa/"),
        E("power ba", "en/products/li-ion-portable/"),
    ]

    @Test(arguments: chinese + english)
    func theExpectedPageIsInTheTopThree(_ e: Expectation) throws {
        let index = try #require(SearchRecallTests.indexes[e.language])
        let top = index.search(e.query, limit: 3).map { index.documents[$0].route.path }
        #expect(top.contains(e.route), "'\(e.query)' (\(e.language)) gives \(top)")
    }

    @Test func atLeastTwentyQueriesInEachLanguage() {
        #expect(Self.chinese.filter { $0.language == "zh" }.count >= 20)
        #expect(Self.english.filter { $0.language == "en" }.count >= 20)
        #expect((Self.chinese + Self.english).allSatisfy { ["zh", "en"].contains($0.language) })
    }

    /// The pages matching every word come first; "power bank" has some, and the best page matches
    /// both words (in the product's opening sentence), unlike the market pages matching "power".
    @Test func pagesMatchingEveryWordComeFirst() throws {
        let index = try #require(SearchRecallTests.indexes["en"])
        let (ranked, complete) = index.results("power bank")
        #expect(complete > 0 && complete < ranked.count)
        #expect(index.documents[ranked[0]].route.path == "en/products/li-ion-portable/")
    }
}
