import Foundation
import Testing
@testable import HandbookKit

/// The print book's HTML (what WeasyPrint lays out), made from the valid fixture: one document
/// per language whose links all land on an id in it or on the published site.
@Suite("Print book")
struct PrintBookTests {
    static let html: [String: String] = {
        let log = DiagnosticLog()
        let options = FixtureSite.options(content: TestPaths.valid, output: "/nonexistent")
        let h = ContentLoader(root: TestPaths.valid).load(log: log)!
        let templates = TemplateSet.load(TestPaths.templates, languages: h.config.languages, log: log)!
        let site = SiteOutput(h, templates, Backlinks(h), options, log: log)
        let css = (try? String(contentsOfFile: TestPaths.templates + "/print/book.css", encoding: .utf8)) ?? ""
        return Dictionary(uniqueKeysWithValues: h.config.languages.map { l in
            (l, String(decoding: PrintBook(site: site.renderer, l: l, edition: Day("2026-12-04")!).html(css: css), as: UTF8.self))
        })
    }()

    func ids(_ html: String) -> [String] { html.matches(of: /\sid="([^"]+)"/).map { String($0.1) } }
    func fragments(_ html: String) -> [String] { html.matches(of: /href="#([^"]*)"/).map { String($0.1) } }

    @Test(arguments: ["zh", "en"])
    func everyIdIsUniqueAndEveryLinkInsideTheBookLandsOnOne(_ l: String) throws {
        let html = try #require(Self.html[l])
        let all = ids(html)
        #expect(all.count == Set(all).count, "duplicate ids: \(Dictionary(grouping: all) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        #expect(fragments(html).count > 20)
        let missing = Set(fragments(html)).subtracting(all)
        #expect(missing.isEmpty, "links to ids the book does not have: \(missing.sorted())")
    }

    @Test func theCoverContentsAndChaptersAreThere() throws {
        let zh = try #require(Self.html["zh"])
        #expect(zh.contains("<html lang=\"zh\">"))
        #expect(zh.contains("<meta name=\"dcterms.created\" content=\"2026-12-04\">"))
        #expect(zh.contains("<h1 class=\"cover-title\">测试手册</h1>"))
        #expect(zh.contains("<p class=\"cover-edition\">版次： 2026-12-04</p>"))
        // The contents: each chapter, and under it its guides, by id.
        #expect(zh.contains("<li class=\"toc-chapter\"><a href=\"#products\">产品</a>\n<ol>\n<li><a href=\"#product-battery\">"))
        for id in ["products", "region-middle-east", "region-europe", "matrix", "requirements", "sources",
                   "product-battery", "product-pv", "market-sa", "market-eu", "req-battery-sa"] {
            #expect(ids(zh).contains(id), "\(id)")
        }
        #expect(!zh.contains("{{"))
    }

    @Test func bodyLinksPointIntoTheBookOrToThePublishedSite() throws {
        let zh = try #require(Self.html["zh"])
        // Inside the book: a market, a market's section, a requirement, a product.
        #expect(zh.contains("<a href=\"#market-eu--ce\">"))
        #expect(zh.contains("<a href=\"#req-battery-sa\">"))
        #expect(zh.contains("<a href=\"#product-pv\">光伏</a>"))
        // Not printed in the book: a scheme and a standard go to their published pages.
        #expect(zh.contains("<a href=\"https://example.org/hb/zh/schemes/sa-iecee-rc/\">"))
        #expect(zh.contains("<a href=\"https://example.org/hb/zh/standards/iec-62133-2/\">"))
        // A guide's headings sit under its title, with ids of their own.
        #expect(zh.contains("<h3 id=\"market-eu--ce\""))
        #expect(!zh.contains("<h2 id=\"ce\""))
    }

    @Test func theEnglishBookUsesEnglishWords() throws {
        let en = try #require(Self.html["en"])
        #expect(en.contains("<h2 id=\"toc-title\" class=\"toc-title\">Contents</h2>"))
        #expect(en.contains("<p class=\"cover-edition\">Edition: 2026-12-04</p>"))
        #expect(en.contains(">Requirements by product and market</h1>"))
    }

    @Test func aMissingEngineIsAFailureThatSaysHowToInstallIt() throws {
        let tmp = TemporaryFolder()
        setenv("HANDBOOK_WEASYPRINT", tmp.sub("no-such-weasyprint"), 1)
        defer { unsetenv("HANDBOOK_WEASYPRINT") }
        #expect {
            try BookEngine.pdf(Array("<p>x</p>".utf8), name: "x", scratch: tmp.path, created: Day("2026-12-04")!)
        } throws: { error in
            (error as? BookEngine.Failure)?.phrase.en.hasPrefix("cannot run \(tmp.sub("no-such-weasyprint")):") == true
        }
        #expect(BookEngine.command(["PATH": tmp.path]) == nil)
        #expect(BookEngine.missing.phrase.en.contains("pip install weasyprint"))
        #expect(BookEngine.missing.phrase.zh.contains("pip install weasyprint"))
    }
}
