import Foundation
import Testing
@testable import HandbookKit

/// What the rendered pages of the valid fixture show (SiteRenderer, PageBuilder, LinkResolver, theme).
@Suite("Rendered pages")
struct PagesTests {
    let site = FixtureSite.valid

    func page(_ path: String) -> String { site.text(path + "index.html") }

    /// The text between `<main id="main">` and `</main>`.
    func main(_ path: String) -> String {
        let html = page(path)
        guard let start = html.range(of: "<main id=\"main\">\n"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func notTranslatedNoticeOnlyOnTheFallbackPage() {
        let notice = "<p class=\"notice notice-fallback\" role=\"note\">This page has not been translated into English yet; the original text is shown.</p>"
        #expect(page("en/about/").contains(notice))
        // The body shown is the Chinese one; the title comes from the English front matter.
        #expect(page("en/about/").contains("<h1>About this handbook</h1>"))
        #expect(page("en/about/").contains("<h2 id=\"由来\">由来</h2>"))
        for l in ["zh", "en"] {
            for path in FixtureSite.pagePaths(l) where path != "en/about/" {
                #expect(!page(path).contains("notice-fallback"), "\(path)")
            }
        }
    }

    @Test func emptyCrossReferenceTextIsTheTargetsNameInThePagesLanguage() {
        #expect(page("zh/markets/sa/").contains("<p>欧盟见 <a href=\"../eu/#ce\">欧盟</a>。</p>"))
        #expect(page("en/markets/sa/").contains("<p>For the EU see <a href=\"../eu/#ce\">European Union</a>.</p>"))
        #expect(page("zh/markets/sa/").contains("<p>沙特通过 <a href=\"../../schemes/sa-iecee-rc/\">SASO IECEE 认可证书</a> 接受 CB 证书，依据 <a href=\"../../standards/iec-62133-2/\">IEC 62133-2:2017</a>。</p>"))
        #expect(page("en/markets/sa/").contains("<a href=\"../../schemes/sa-iecee-rc/\">SASO IECEE Recognition Certificate</a>"))
        // A requirement is named "product → market"; a region links to its group on the market list.
        #expect(page("zh/products/battery/").contains("<li><a href=\"../../markets/sa/\">沙特阿拉伯</a>：<a href=\"sa/\">便携式锂电池 → 沙特阿拉伯</a></li>"))
        #expect(page("en/products/battery/").contains("<li><a href=\"../../markets/sa/\">Saudi Arabia</a>: <a href=\"sa/\">Portable lithium batteries → Saudi Arabia</a></li>"))
        // The fallback body on an English page still names targets in English.
        #expect(page("en/about/").contains("<p>本手册只用于测试，覆盖 <a href=\"../markets/#region-middle-east\">Middle East</a> 的市场。</p>"))
        // Links with text keep it.
        #expect(page("zh/markets/sa/").contains("<td style=\"text-align:right\">见 <a href=\"../../products/pv/\">光伏</a></td>"))
    }

    @Test func relativeMarkdownLinksAreResolvedWithAnchors() {
        #expect(page("zh/markets/eu/").contains("<p>CE 是自我声明。另见<a href=\"../sa/#routes\">沙特</a>。</p>"))
        #expect(page("en/markets/eu/").contains("<p>CE is self-declared. See also <a href=\"../sa/#routes\">Saudi Arabia</a>.</p>"))
    }

    @Test func tableAlertAndHeadingInAGuideBody() {
        #expect(main("zh/markets/sa/").contains("""
        <div class="body">
        <h2 id="routes">准入路线</h2>
        """))
        #expect(main("zh/markets/sa/").contains("""
        <tr>
        <td style="text-align:left"><a href="../../products/battery/">便携式锂电池</a></td>
        <td style="text-align:right"><a href="../../products/battery/sa/">便携式锂电池 → 沙特阿拉伯</a></td>
        </tr>
        <tr>
        <td style="text-align:left">光伏 | PV</td>
        """))
        #expect(main("zh/markets/sa/").contains("""
        <div class="alert alert-warning" role="note">
        <p class="alert-title">警告</p>
        <p>认证要求变化很快。</p>
        </div>
        """))
        #expect(main("en/markets/sa/").contains("<p class=\"alert-title\">Warning</p>"))
        #expect(page("zh/").contains("<div class=\"alert alert-note\" role=\"note\">\n<p class=\"alert-title\">注意</p>"))
    }

    @Test func backLinksOnAStandardPage() {
        #expect(main("zh/standards/iec-62133-2/").contains("""
        <h2 id="products-title">适用产品</h2>
        <ul><li><a href="../../products/battery/">便携式锂电池</a></li></ul>
        """))
        #expect(main("en/standards/iec-62133-2/").contains("""
        <section aria-labelledby="products-title">
        <h2 id="products-title">Products</h2>
        <ul><li><a href="../../products/battery/">Portable lithium batteries</a></li></ul>
        </section>
        <section aria-labelledby="used-title">
        <h2 id="used-title">Requirements that use it</h2>
        <ul><li><a href="../../products/battery/eu/">Portable lithium batteries → European Union</a></li><li><a href="../../products/battery/sa/">Portable lithium batteries → Saudi Arabia</a></li></ul>
        </section>
        <section aria-labelledby="guides-title">
        <h2 id="guides-title">Guides that mention it</h2>
        <ul><li><a href="../../markets/sa/">Saudi Arabia</a></li><li><a href="../../products/battery/">Portable lithium batteries</a></li></ul>
        </section>
        """))
        // un-38-3 is used by one product and one requirement, and mentioned by the battery guide only.
        #expect(main("en/standards/un-38-3/").contains("<ul><li><a href=\"../../products/battery/sa/\">Portable lithium batteries → Saudi Arabia</a></li></ul>"))
        #expect(main("en/standards/un-38-3/").contains("<ul><li><a href=\"../../products/battery/\">Portable lithium batteries</a></li></ul>\n</section>\n</article>"))
        #expect(main("en/schemes/sa-iecee-rc/").contains("<ul><li><a href=\"../../products/battery/sa/\">Portable lithium batteries → Saudi Arabia</a></li><li><a href=\"../../products/pv/sa/\">PV modules → Saudi Arabia</a></li></ul>"))
    }

    @Test func staleBadgeOnlyWhenReviewIsOlderThanTheLimit() {
        // eu was reviewed 2025-01-01, 695 days before 2026-11-27 (limit 365); sa on 2026-10-01.
        #expect(page("zh/markets/eu/").contains("<p class=\"reviewed\">最近核实： <time datetime=\"2025-01-01\">2025-01-01</time> <span class=\"badge badge-stale\">待复核</span></p>"))
        #expect(page("en/markets/eu/").contains("<p class=\"reviewed\">Last reviewed: <time datetime=\"2025-01-01\">2025-01-01</time> <span class=\"badge badge-stale\">needs review</span></p>"))
        #expect(page("en/markets/sa/").contains("<p class=\"reviewed\">Last reviewed: <time datetime=\"2026-10-01\">2026-10-01</time></p>"))
        let stale = FixtureSite.pagePaths("zh").filter { page($0).contains("badge-stale") }
        #expect(stale == ["zh/markets/eu/"])
    }

    @Test func staleBadgeFollowsTheConfiguredAge() throws {
        let tmp = TemporaryFolder()
        try Files.copy(TestPaths.valid, to: tmp.sub("content"))
        let config = try #require(Files.read(tmp.sub("content/site.yml")))
        try Files.write(tmp.sub("content/site.yml"), config.replacingOccurrences(of: "review_max_age_days: 365", with: "review_max_age_days: 30"))
        let built = FixtureSite.build(content: tmp.sub("content"), into: tmp.sub("site"))
        // 2026-10-01 is 57 days before 2026-11-27: now stale too.
        #expect(built.text("zh/markets/sa/index.html").contains("<time datetime=\"2026-10-01\">2026-10-01</time> <span class=\"badge badge-stale\">待复核</span>"))
    }

    @Test func editLinkPointsAtTheFileOfTheShownBody() {
        #expect(page("zh/markets/sa/").contains("<p class=\"edit\"><a href=\"https://git.example.org/hb/edit/main/Content/markets/sa.md\">编辑本页</a></p>"))
        #expect(page("en/markets/sa/").contains("<p class=\"edit\"><a href=\"https://git.example.org/hb/edit/main/Content/markets/sa.en.md\">Edit this page</a></p>"))
        #expect(page("en/about/").contains("https://git.example.org/hb/edit/main/Content/pages/about.md"))
        #expect(!page("zh/matrix/").contains("class=\"edit\""))
        // Pages made from table rows link to the table file.
        #expect(page("en/products/battery/sa/").contains("<a href=\"https://git.example.org/hb/edit/main/Content/data/requirements.csv\">Edit this page</a>"))
        #expect(page("zh/schemes/sa-iecee-rc/").contains("https://git.example.org/hb/edit/main/Content/data/schemes.yml"))
        #expect(page("en/standards/iec-62133-2/").contains("https://git.example.org/hb/edit/main/Content/data/standards.yml"))
    }

    @Test func translationFrontMatterOverridesTheSummary() {
        #expect(page("en/markets/sa/").contains("<p class=\"summary\">Market access in Saudi Arabia (English guide).</p>"))
        #expect(page("zh/markets/sa/").contains("<p class=\"summary\">沙特市场准入。</p>"))
        #expect(page("en/markets/sa/").contains("<meta name=\"description\" content=\"Market access in Saudi Arabia (English guide).\">"))
    }

    @Test func requirementPage() {
        let m = main("en/products/battery/sa/")
        #expect(m.contains("<h1>Portable lithium batteries → Saudi Arabia</h1>"))
        #expect(m.contains("<dt>Lead time</dt><dd>4–6 weeks</dd>"))
        #expect(m.contains("<dt>Documents</dt><dd><ul><li>CB certificate</li><li>CB report, with national differences</li></ul></dd>"))
        #expect(m.contains("<p>The RC is based on the CB certificate, so &quot;test once&quot; works.</p>"))
        #expect(page("zh/products/battery/sa/").contains("<title>便携式锂电池 → 沙特阿拉伯 | 测试手册</title>"))
        #expect(page("zh/products/battery/sa/").contains("""
        <li><a href="../../../">首页</a></li>
        <li><a href="../../">产品</a></li>
        <li><a href="../">便携式锂电池</a></li>
        <li><span aria-current="page">沙特阿拉伯</span></li>
        """))
    }

    @Test func requirementPageAnswersFirst() throws {
        let m = main("en/products/battery/sa/")
        // The answer box comes right after the title and before the detailed facts.
        let answer = try #require(m.range(of: "<section class=\"answer answer-yes\" aria-labelledby=\"answer-title\">"))
        let details = try #require(m.range(of: "<dl class=\"facts\">"))
        #expect(answer.lowerBound < details.lowerBound)
        #expect(m.contains("<h2 class=\"answer-q\" id=\"answer-title\">Is a CB report enough?</h2>"))
        #expect(m.contains("<p class=\"answer-verdict\"><span class=\"answer-mark\" aria-hidden=\"true\"></span>Yes: a CB report is accepted here as it is</p>"))
        #expect(m.contains("<p class=\"answer-reason\">The RC is based on the CB certificate, so &quot;test once&quot; works.</p>"))
        #expect(m.contains("<dt>Still needed</dt><dd><ul><li>This country's national differences in the CB report</li><li>A local representative (importer or authorised representative)</li><li>Labels and marks as required</li><li>Documents to prepare: 2</li></ul></dd>"))
        #expect(m.contains("<a class=\"answer-plan\" href=\"../../../planner/?product=battery&amp;markets=sa\">Plan these markets →</a>"))
        // Last reviewed sits under the title.
        #expect(m.contains("<span class=\"reviewed-inline\">Last reviewed: <time datetime=\"2026-10-01\">2026-10-01</time></span>"))
        let zh = main("zh/products/pv/sa/")
        #expect(zh.contains("<p class=\"answer-verdict\"><span class=\"answer-mark\" aria-hidden=\"true\"></span>不够：须在当地测试或另办认证</p>"))
        #expect(zh.contains("<dt>还需要</dt><dd><ul><li>在当地测试</li><li>需准备的文件：1 项</li></ul></dd>"))
    }

    @Test func marketPageAnswersForEachProduct() {
        let m = main("en/markets/sa/")
        #expect(m.contains("<h2 id=\"req-title\">Is a CB report enough?</h2>"))
        #expect(m.contains("<section class=\"answer answer-yes\" aria-label=\"Portable lithium batteries\">\n<h3 class=\"answer-subject\"><a href=\"../../products/battery/\">Portable lithium batteries</a></h3>"))
        #expect(m.contains("<section class=\"answer answer-no\" aria-label=\"PV modules\">"))
        #expect(m.contains("<a href=\"../../products/battery/sa/\">Full requirements</a> · <a class=\"answer-plan\" href=\"../../planner/?product=battery&amp;markets=sa\">Plan these markets →</a>"))
    }

    @Test func productPageHasTheTestOncePlan() {
        // How much of the timing is known is said, not hidden behind a longest figure.
        #expect(main("en/products/battery/").contains("<p class=\"plan-summary\">One CB test serves 2 of 2 markets (fully or partly).</p>\n<p class=\"plan-summary\">Lead time known for 1 of 2 markets; longest: 6 weeks (Saudi Arabia).</p>"))
        #expect(main("en/products/battery/").contains("<h3 class=\"plan-group plan-full\">CB report accepted (1)</h3>\n<ul><li><a href=\"sa/\">Saudi Arabia</a> · SASO IECEE Recognition Certificate (RC) · Lead time: 4–6 weeks</li></ul>"))
        #expect(main("en/products/battery/").contains("<h3 class=\"plan-group plan-partial\">"))
        #expect(!main("en/products/battery/").contains("plan-local"))
        #expect(main("en/products/pv/").contains("<p class=\"plan-summary\">One CB test serves 0 of 1 markets (fully or partly).</p>\n<p class=\"plan-summary\">Lead time known for 1 of 1 markets; longest: 8 weeks (Saudi Arabia).</p>"))
    }

    @Test func homePage() {
        let home = main("zh/")
        #expect(home.contains("<p>本手册覆盖 <a href=\"markets/sa/\">沙特阿拉伯</a> 和 <a href=\"markets/eu/\">欧盟</a>。</p>"))
        // Only the upcoming event (2027-03-01) is listed as a deadline.
        #expect(home.contains("<ol class=\"events\"><li><time datetime=\"2027-03-01\">2027-03-01</time> <a href=\"markets/eu/\">欧盟</a>：电池新标签要求生效</li></ol>"))
        #expect(home.contains("<li>利雅得服务站 – 中东，利雅得</li>"))
        #expect(home.contains("<li><a href=\"about/\">关于本手册</a> – 本手册的由来。</li>"))
        #expect(page("zh/").contains("<title>测试手册</title>"))
    }

    @Test func matrixUsesTextNotOnlyColour() {
        let m = main("zh/matrix/")
        #expect(m.contains("cb-full"))
        #expect(m.contains("可直接采用 CB 报告"))
        #expect(m.contains("href=\"../../matrix.csv\""))
    }

    // MARK: Known bugs

    /// Regression: `Optional.none` and "" passed to templates as `Any` used to render as "nil" / empty
    /// sections in debug builds only (so debug and release built different sites).
    @Test func missingValuesRenderNothing() {
        for l in ["zh", "en"] {
            for path in FixtureSite.pagePaths(l) {
                let html = page(path)
                #expect(!html.contains("href=\"nil\""), "\(path)")
                #expect(!html.contains(">nil<"), "\(path)")
                #expect(!html.contains("nil weeks"), "\(path)")
                #expect(!html.contains("href=\"\""), "\(path)")
                #expect(!html.contains("confidence-\""), "\(path)")
                #expect(!html.contains("<span class=\"tag\">IECEE </span>"), "\(path)")
            }
        }
        #expect(main("en/products/battery/eu/").contains("<dt>Lead time</dt><dd>no reliable source yet</dd>"))
        #expect(main("en/schemes/eu-lvd/").contains("<dt>Validity</dt><dd>unknown</dd>"))
        #expect(main("en/markets/eu/").contains("<dt>IECEE member</dt><dd>not verified</dd>"))
    }

    /// WCAG 3.1.2: a body shown in the default language on another language's page says so.
    @Test func fallbackBodyIsMarkedWithItsLanguage() {
        #expect(main("en/about/").contains("<div class=\"body\" lang=\"zh\">"))
    }
}

/// Warnings that DESIGN.md asks for ("stale review, missing translation … fail only with --strict").
@Suite("Content warnings")
struct ContentWarningTests {
    @Test
    func staleReviewIsAWarning() {
        let stale = FixtureSite.valid.diagnostics.filter { $0.code == .staleReview }
        #expect(stale.map(\.severity) == [.warning])
        #expect(stale.map(\.location.file) == [TestPaths.valid + "/markets/eu.md"])
    }

    @Test
    func missingTranslationIsAWarning() {
        let missing = FixtureSite.valid.diagnostics.filter { $0.code == .missingTranslation }
        #expect(missing.map(\.severity) == [.warning])
        #expect(missing.map(\.location.file) == [TestPaths.valid + "/pages/about.md"])
    }
}
