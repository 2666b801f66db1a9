import Foundation
import Testing
@testable import HandbookKit

/// What readers see of the bodies directory, the richer requirements, per-source confidence, the
/// change log, WTO notifications and the per-record feeds, in the valid fixture and in copies of it.
@Suite("Data model: pages and feeds")
struct DataModelPagesTests {
    let site = FixtureSite.valid

    func main(_ path: String, in site: FixtureSite.Built? = nil) -> String {
        let html = (site ?? self.site).text(path + "index.html")
        guard let start = html.range(of: "<main id=\"main\">\n"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// A copy of the valid fixture with `changes` (file → [(old, new)]) applied, built.
    static func variant(_ changes: [String: [(String, String)]], tmp: TemporaryFolder) throws -> FixtureSite.Built {
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        for (file, edits) in changes {
            var text = try #require(Files.read(content + "/" + file))
            for (old, new) in edits {
                try #require(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in \(file)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try Files.write(content + "/" + file, text)
        }
        return FixtureSite.build(content: content, into: tmp.sub("site"))
    }

    // MARK: Bodies

    @Test func bodiesDirectoryGroupsByCountryChinaFirstWithFilterData() {
        let list = main("en/bodies/")
        let china = try! #require(list.range(of: "<h2 id=\"country-cn-title\">China</h2>"))
        let saudi = try! #require(list.range(of: "<h2 id=\"country-sa-title\">Saudi Arabia</h2>"))
        #expect(china.lowerBound < saudi.lowerBound)
        #expect(list.contains("<li data-roles=\"cbtl\" data-categories=\"BATT\"><a href=\"battery-lab/\">Example battery lab</a> <span class=\"tag role\">IECEE CB test lab</span> <span class=\"tag\">BATT</span> <span class=\"badge badge-confidence confidence-medium\">Confidence: medium</span>"))
        #expect(list.contains("<li data-roles=\"authority ncb\" data-categories=\"\"><a href=\"saso/\">Saudi Standards, Metrology and Quality Organization</a>"))
        // The filter offers only the roles and categories in use; it is hidden until the script shows it.
        #expect(list.contains("<form class=\"filters\" id=\"bodies-filter\" hidden>"))
        #expect(list.contains("<select id=\"bodies-role\"><option value=\"\">All roles</option><option value=\"ncb\">IECEE NCB</option><option value=\"cbtl\">IECEE CB test lab</option><option value=\"authority\">authority</option></select>"))
        #expect(list.contains("<option value=\"BATT\">IECEE BATT</option></select>"))
        #expect(main("zh/bodies/").contains("<h2 id=\"country-cn-title\">中国</h2>"))
    }

    @Test func bodyPageShowsWhatItServesAndItsSources() {
        let saso = main("en/bodies/saso/")
        #expect(saso.contains("<p class=\"meta\"><a href=\"../../markets/sa/\">Saudi Arabia</a> <span class=\"tag role\">authority</span> <span class=\"tag role\">IECEE NCB</span>"))
        #expect(saso.contains("<h2 id=\"ncb-title\">IECEE NCB of</h2>\n<ul><li><a href=\"../../markets/sa/\">Saudi Arabia</a></li></ul>"))
        #expect(saso.contains("<h2 id=\"schemes-title\">Issues certificates for</h2>\n<ul><li><a href=\"../../schemes/sa-iecee-rc/\">SASO IECEE Recognition Certificate</a></li></ul>"))
        // Each source with its own confidence and the day it was read.
        #expect(saso.contains("<li><a href=\"https://example.org/saso\" rel=\"external noopener\">SASO</a> <span class=\"badge badge-confidence confidence-high\">Confidence: high</span> <span class=\"accessed\">read on <time datetime=\"2026-10-01\">2026-10-01</time></span></li>"))
        // A record without its own confidence takes its weakest source's (the header badge).
        #expect(saso.contains("<span class=\"tag role\">IECEE NCB</span> <span class=\"badge badge-confidence confidence-high\">Confidence: high</span>"))
        let lab = main("en/bodies/battery-lab/")
        #expect(lab.contains("<p class=\"meta\">China <span class=\"tag role\">IECEE CB test lab</span> <span class=\"tag\">IECEE BATT</span> <span class=\"badge badge-confidence confidence-medium\">Confidence: medium</span>"))
        #expect(lab.contains("<dt>Accreditation</dt><dd>CNAS L0000</dd>"))
        #expect(lab.contains("<h2 id=\"req-title\">Tests or certifies for</h2>\n<ul><li><a href=\"../../products/battery/sa/\">Portable lithium batteries → Saudi Arabia</a></li></ul>"))
        // A source written as one cell: address, title and confidence.
        #expect(lab.contains("<li><a href=\"https://example.org/lab\" rel=\"external noopener\">Example lab scope</a> <span class=\"badge badge-confidence confidence-medium\">Confidence: medium</span></li>"))
    }

    @Test func marketAndSchemeLinkTheirBodies() {
        #expect(main("en/markets/sa/").contains("<dt>IECEE NCBs</dt><dd><ul><li><a href=\"../../bodies/saso/\">Saudi Standards, Metrology and Quality Organization</a></li></ul></dd>"))
        #expect(main("en/schemes/sa-iecee-rc/").contains("<dt>Issuing bodies</dt><dd><ul><li><a href=\"../../bodies/saso/\">Saudi Standards, Metrology and Quality Organization</a></li></ul></dd>"))
        #expect(!main("en/markets/eu/").contains("IECEE NCBs"))
    }

    // MARK: Requirements

    @Test func requirementShowsTheNewFieldsAndNamesWhatIsStillOpen() {
        let page = main("en/products/battery/sa/")
        for row in ["<dt>Validity</dt><dd>12 months</dd>", "<dt>Local representative</dt><dd>required</dd>",
                    "<dt>Factory inspection</dt><dd>unknown</dd>", "<dt>National differences in the CB report</dt><dd>required</dd>",
                    "<dt>Accepted standards</dt><dd><ul><li><a href=\"../../../standards/iec-62133-2/\">IEC 62133-2</a> – edition 2017</li></ul></dd>",
                    "<dt>Labelling</dt><dd>Warning label in Arabic</dd>",
                    "<dt>Test labs and certification bodies</dt><dd><ul><li><a href=\"../../../bodies/battery-lab/\">Example battery lab</a></li></ul></dd>",
                    "<p class=\"open-fields\">Not in our sources yet: Fees, Samples</p>"] {
            #expect(page.contains(row), "\(row)")
        }
        #expect(main("zh/products/battery/sa/").contains("<p class=\"open-fields\">资料中尚无：费用、送样</p>"))
        // A row with none of the new fields: validity unknown, three text fields open.
        let eu = main("en/products/battery/eu/")
        #expect(eu.contains("<dt>Validity</dt><dd>unknown</dd>"))
        #expect(eu.contains("<p class=\"open-fields\">Not in our sources yet: Labelling, Fees, Samples</p>"))
        #expect(!eu.contains("Accepted standards"))
    }

    @Test func testOncePlanShowsShortestValidityAndRepresentatives() {
        let plan = main("en/products/battery/")
        #expect(plan.contains("<p class=\"plan-summary\">Certificate validity known for 1 of 2 markets; shortest: 12 months (Saudi Arabia).</p>"))
        #expect(plan.contains("<p class=\"plan-representative\">Local representative required in: <a href=\"../../markets/sa/\">Saudi Arabia</a></p>"))
        #expect(main("en/products/pv/").contains("<p class=\"plan-summary\">Certificate validity known for 0 of 1 markets.</p>"))
        // Product and requirement pages lead to the planner's gap check, product (and market) chosen.
        #expect(plan.contains("<p class=\"plan-link\"><a href=\"../../planner/?product=battery\">Plan one test for your target markets →</a> · <a href=\"../../planner/?product=battery\">Already hold a CB report? Check what it covers in each market</a></p>"))
        // The planner's data carries both for its script.
        let planner = site.text("en/planner/index.html")
        #expect(planner.contains("\"rep\":\"required\""))
        #expect(planner.contains("\"validity\":[12,12]"))
    }

    @Test func standardListsItsEditions() {
        #expect(main("en/standards/iec-62133-2/").contains("<p class=\"editions\">Editions: <span class=\"tag\">2012</span> <span class=\"tag\">2017</span> </p>"))
    }

    // MARK: Change log

    @Test func changeLogOnEveryAffectedPageAndTheUpdatesPage() {
        let entry = "<li id=\"change-2026-11-01-req-battery-sa\"><time datetime=\"2026-11-01\">2026-11-01</time> RC validity corrected: 12 months."
        for path in ["en/products/battery/sa/", "en/markets/sa/", "en/products/battery/", "en/updates/"] {
            #expect(main(path).contains(entry), "\(path)")
        }
        #expect(main("en/updates/").contains("<span class=\"records\"> · <a href=\"../products/battery/sa/\">Portable lithium batteries → Saudi Arabia</a> · <a href=\"../markets/sa/\">Saudi Arabia</a></span>"))
        for path in ["en/markets/eu/", "en/products/pv/sa/", "en/schemes/eu-lvd/"] {
            #expect(!main(path).contains("What changed"), "\(path)")
        }
    }

    @Test func changesAreNewestFirstWithStableIDs() throws {
        let tmp = TemporaryFolder()
        let built = try Self.variant(["data/changes.yml": [("- date: 2026-11-01", """
            - date: 2026-10-15
              records: [req:battery/sa]
              summary: {zh: 较早的更正。, en: An earlier correction.}
            - date: 2026-11-20
              records: [req:battery/sa]
              summary: {zh: 较晚的更正。, en: A later correction.}
            - date: 2026-11-20
              records: [req:battery/sa]
              summary: {zh: 同一天的第二条。, en: A second one that day.}
            - date: 2026-11-01
            """)]], tmp: tmp)
        let page = main("en/products/battery/sa/", in: built)
        let ids = page.matches(of: /<li id="(change-[^"]+)">/).map { String($0.1) }
        #expect(ids == ["change-2026-11-20-req-battery-sa", "change-2026-11-20-req-battery-sa-2",
                        "change-2026-11-01-req-battery-sa", "change-2026-10-15-req-battery-sa"])
    }

    // MARK: Notifications

    @Test func openNotificationsShowTheirDeadlineAndPastOnesDoNot() throws {
        let tmp = TemporaryFolder()
        let built = try Self.variant(["data/events.yml": [
            ("  title: {zh: 电池新标签要求生效, en: New battery label rules apply}\n  confidence: medium",
             "  title: {zh: 电池新标签要求生效, en: New battery label rules apply}\n  confidence: medium\n  notification: G/TBT/N/EU/1234\n  stage: draft\n  comment_until: 2026-12-31"),
            ("  stage: adopted", "  stage: adopted\n  comment_until: 2018-01-01"),
        ]], tmp: tmp)
        #expect(built.diagnostics.allSatisfy { $0.severity == .warning })
        let open = """
            <section class="open-comment" aria-labelledby="open-comment-title">
            <h2 id="open-comment-title">Open for comment</h2>
            <ul>
            <li><a href="./">European Union</a>: New battery label rules apply <span class="tag">G/TBT/N/EU/1234</span> – comments until <time datetime="2026-12-31">2026-12-31</time> (34 days left)</li>
            </ul>
            </section>
            """
        #expect(main("en/markets/eu/", in: built).contains(open))
        #expect(main("en/updates/", in: built).contains(open.replacingOccurrences(of: "./", with: "../markets/eu/")))
        #expect(main("zh/markets/eu/", in: built).contains("（还剩 34 天）"))
        // The Saudi deadline has passed: no open list, the event says when comments closed.
        let sa = main("en/markets/sa/", in: built)
        #expect(!sa.contains("open-comment"))
        #expect(sa.contains("<span class=\"tag stage stage-adopted\">adopted</span> <span class=\"tag\">G/TBT/N/SAU/1078</span> <span class=\"comment\">comments until <time datetime=\"2018-01-01\">2018-01-01</time></span>"))
        #expect(!main("en/markets/eu/").contains("open-comment"), "the unchanged fixture has none")
    }

    @Test func postponedEventLinksItsNewDate() throws {
        let tmp = TemporaryFolder()
        let built = try Self.variant(["data/events.yml": [("- date: 2027-03-01", """
            - date: 2017-06-01
              market: sa
              title: {zh: 原定日期, en: Original date}
              stage: postponed
              postponed_to: 2018-02-15
            - date: 2027-03-01
            """)]], tmp: tmp)
        #expect(built.diagnostics.allSatisfy { $0.severity == .warning })
        let item = "<li class=\"event\" id=\"event-2017-06-01-sa\"><time datetime=\"2017-06-01\">2017-06-01</time> <a href=\"./\">Saudi Arabia</a>: Original date <span class=\"tag stage stage-postponed\">postponed</span> <span class=\"postponed\">postponed to <a href=\"../../updates/#event-2018-02-15-sa\"><time datetime=\"2018-02-15\">2018-02-15</time></a></span>"
        #expect(main("en/markets/sa/", in: built).contains(item))
        #expect(built.text("en/updates/index.html").contains("id=\"event-2018-02-15-sa\""))
    }

    @Test func anEventShowsItsSourcesConfidenceOnlyWhereItDiffers() throws {
        let tmp = TemporaryFolder()
        let built = try Self.variant(["data/events.yml": [("    url: https://example.org/saso/news\n  confidence: high",
                                                           "    url: https://example.org/saso/news\n    confidence: high\n  confidence: medium")]],
                                     tmp: tmp)
        #expect(main("en/markets/sa/", in: built).contains("(<a href=\"https://example.org/saso/news\" rel=\"external noopener\">source</a>, Confidence: high) <span class=\"badge badge-confidence confidence-medium\">Confidence: medium</span>"))
        let tmp2 = TemporaryFolder()
        let same = try Self.variant(["data/events.yml": [("    url: https://example.org/saso/news\n  confidence: high",
                                                          "    url: https://example.org/saso/news\n    confidence: high\n  confidence: high")]],
                                    tmp: tmp2)
        #expect(main("en/markets/sa/", in: same).contains("(<a href=\"https://example.org/saso/news\" rel=\"external noopener\">source</a>) <span class=\"badge badge-confidence confidence-high\">Confidence: high</span>"))
    }

    // MARK: Feeds

    @Test func everyRecordFeedIsAtomAndAdvertised() throws {
        for l in ["zh", "en"] {
            for feed in FixtureSite.recordFeeds(l) {
                let text = site.text(feed)
                #expect(try isWellFormedXML(text), "\(feed)")
                let url = "https://example.org/hb/\(feed)"
                #expect(text.contains("<id>\(url)</id>\n<link rel=\"self\" href=\"\(url)\"/>"), "\(feed)")
                let page = site.text(String(feed.dropLast("feed.xml".count)) + "index.html")
                #expect(page.contains("href=\"feed.xml\">"), "\(feed) is not advertised")
                #expect(page.contains("<p class=\"subscribe\"><a href=\"feed.xml\">"), "\(feed) has no visible link")
            }
        }
        let sa = site.text("en/markets/sa/feed.xml")
        #expect(sa.contains("<entry><title>Saudi Arabia: facts reviewed</title><id>https://example.org/hb/en/markets/sa/#reviewed-2026-10-01</id>"))
        #expect(sa.contains("<summary>2018-02-15 · Saudi Arabia · G/TBT/N/SAU/1078 · adopted</summary>"))
        // A scheme's feed carries the events that name it; the EU scheme has none.
        #expect(site.text("en/schemes/sa-iecee-rc/feed.xml").contains("<id>https://example.org/hb/en/updates/#event-2018-02-15-sa</id>"))
        #expect(!site.text("en/schemes/eu-lvd/feed.xml").contains("#event-"))
    }

    @Test func feedEntryIDsDoNotMoveWhenEntriesAreAdded() throws {
        func ids(_ text: String) -> Set<String> { Set(text.matches(of: /<id>([^<]+)<\/id>/).map { String($0.1) }) }
        let tmp = TemporaryFolder()
        let built = try Self.variant([
            "data/events.yml": [("- date: 2027-03-01", """
                - date: 2010-01-01
                  market: sa
                  products: [battery]
                  title: {zh: 更早的事件, en: An earlier event}
                - date: 2018-02-15
                  market: sa
                  title: {zh: 同一天, en: The same day}
                - date: 2027-03-01
                """)],
            "data/changes.yml": [("- date: 2026-11-01", """
                - date: 2026-11-02
                  records: [market:sa]
                  summary: {zh: 新的变更, en: A new change}
                - date: 2026-11-01
                """)],
        ], tmp: tmp)
        for feed in ["en/feed.xml", "en/markets/sa/feed.xml", "en/products/battery/feed.xml"] {
            let before = ids(site.text(feed)), after = ids(built.text(feed))
            #expect(before.isSubset(of: after), "\(feed): \(before.subtracting(after)) moved")
            #expect(after.count > before.count, "\(feed)")
        }
    }

    // MARK: Feedback

    @Test func reportACorrectionOnPagesThatStateFacts() throws {
        let tmp = TemporaryFolder()
        let built = try Self.variant(["site.yml": [("review_max_age_days", "feedback_url: \"https://example.org/issues/new?title={title}&page={page}\"\nreview_max_age_days")]],
                                     tmp: tmp)
        let requirement = built.text("en/products/battery/sa/index.html")
        #expect(requirement.contains("<p class=\"feedback\"><a href=\"https://example.org/issues/new?title=Portable%20lithium%20batteries%20%E2%86%92%20Saudi%20Arabia&amp;page=https%3A%2F%2Fexample.org%2Fhb%2Fen%2Fproducts%2Fbattery%2Fsa%2F\" rel=\"external noopener\">Report a correction</a></p>"))
        for path in ["zh/markets/sa/", "en/bodies/saso/", "en/schemes/eu-lvd/", "en/standards/un-38-3/", "en/products/pv/"] {
            #expect(built.text(path + "index.html").contains("<p class=\"feedback\">"), "\(path)")
        }
        for path in ["en/", "en/about/", "en/matrix/", "en/updates/", "en/bodies/"] {
            #expect(!built.text(path + "index.html").contains("<p class=\"feedback\">"), "\(path)")
        }
        #expect(!site.text("en/products/battery/sa/index.html").contains("<p class=\"feedback\">"), "no feedback_url, no link")
    }

    // MARK: API

    @Test func apiCarriesTheNewDataWithNewKeysOnly() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: site.output + "/api/handbook.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["format"] as? String == "handbook-api/1")
        let bodies = try #require(root["bodies"] as? [[String: Any]])
        #expect(bodies.map { $0["id"] as? String } == ["battery-lab", "saso"])
        #expect(bodies[0]["country"] as? String == "cn")
        #expect(bodies[0]["iecee_categories"] as? [String] == ["BATT"])
        #expect((bodies[1]["sources"] as? [[String: Any]])?.first?["confidence"] as? String == "high")
        #expect((bodies[1]["sources"] as? [[String: Any]])?.first?["accessed"] as? String == "2026-10-01")
        let requirement = try #require((root["requirements"] as? [[String: Any]])?.first { $0["market"] as? String == "sa" && $0["product"] as? String == "battery" })
        #expect(requirement["validity_months"] as? [Int] == [12, 12])
        #expect(requirement["local_representative"] as? String == "required")
        #expect(requirement["national_differences"] as? String == "required")
        #expect(requirement["factory_inspection"] as? String == "unknown")
        #expect(requirement["labs"] as? [String] == ["battery-lab"])
        #expect(requirement["accepted_standards"] as? [[String: String]] == [["standard": "iec-62133-2", "edition": "2017"]])
        #expect(requirement["labelling"] as? [String: String] == ["zh": "阿拉伯语警示标签", "en": "Warning label in Arabic"])
        let changes = try #require(root["changes"] as? [[String: Any]])
        #expect(changes.first?["id"] as? String == "2026-11-01-req-battery-sa")
        #expect(changes.first?["records"] as? [String] == ["req:battery/sa", "market:sa"])
        let event = try #require((root["events"] as? [[String: Any]])?.first)
        #expect(event["notification"] as? String == "G/TBT/N/SAU/1078")
        #expect(event["stage"] as? String == "adopted")
        #expect(event["schemes"] as? [String] == ["sa-iecee-rc"])
        #expect((root["markets"] as? [[String: Any]])?.first { $0["id"] as? String == "sa" }?["iecee_ncbs"] as? [String] == ["saso"])
    }
}
