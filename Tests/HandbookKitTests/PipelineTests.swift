import Foundation
import Testing
@testable import HandbookKit
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `Pipeline.build` on the valid fixture: the files of the site, and their properties as a whole.
@Suite("Pipeline: building the valid fixture")
struct PipelineTests {
    let site = FixtureSite.valid

    @Test func buildSucceedsWithoutErrors() throws {
        let errors = site.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        // Warnings the design asks for (stale review, missing translation) are allowed; nothing else.
        let unexpected = site.diagnostics.filter { ![.staleReview, .missingTranslation].contains($0.code) }
        #expect(unexpected.isEmpty, "\(unexpected)")
        let summary = try #require(site.summary)
        let assets = Files.list(TestPaths.templates + "/assets").count
        #expect(summary.pagesPerLanguage == 25)
        #expect(summary.languages == ["zh", "en"])
        // Pages, assets, root files, site feeds, record feeds, search index.
        #expect(summary.files == 50 + assets + 6 + 2 + 12 + 6)
    }

    @Test func writesExactlyTheExpectedFiles() {
        let files = Files.list(site.output)
        let plain = files.filter { !$0.hasSuffix(".gz") }
        var expected = FixtureSite.pagePaths("zh").map { $0 + "index.html" }
            + FixtureSite.pagePaths("en").map { $0 + "index.html" }
        expected += [".handbook-output", ".handbook-state", ".handbook-outlines", ".handbook-search-zh", ".handbook-search-en", "404.html", "index.html", "sitemap.xml", "robots.txt", "matrix.csv",
                     "api/handbook.json", "zh/feed.xml", "en/feed.xml"]
        expected += FixtureSite.recordFeeds("zh") + FixtureSite.recordFeeds("en")
        // A small site's search index: the manifest, one token shard and one document chunk per language.
        expected += ["zh", "en"].flatMap { l in ["meta.js", "s0.js", "d0.js"].map { "\(l)/search/index/\($0)" } }
        let assets = plain.filter { $0.hasPrefix("assets/") }
        #expect(Set(plain.filter { !$0.hasPrefix("assets/") }) == Set(expected))
        #expect(assets.count == Files.list(TestPaths.templates + "/assets").count)
        #expect(assets.contains { $0.wholeMatch(of: /assets\/style\.[0-9a-f]{10}\.css/) != nil })
        #expect(assets.contains { $0.wholeMatch(of: /assets\/app\.[0-9a-f]{10}\.js/) != nil })
        #expect(assets.contains { $0.wholeMatch(of: /assets\/search\.[0-9a-f]{10}\.js/) != nil })
    }

    @Test func everyTextFileHasAGzipSiblingWithTheSameBytes() throws {
        let files = Files.list(site.output)
        let compressible: Set<String> = ["html", "css", "js", "xml", "json", "csv", "txt", "svg"]
        let text = files.filter { compressible.contains(($0 as NSString).pathExtension) }
        #expect(text.count > 50)
        for file in text {
            let gz = site.output + "/" + file + ".gz"
            guard let compressed = FileManager.default.contents(atPath: gz) else {
                Issue.record("no .gz for \(file)")
                continue
            }
            let original = try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + file))
            #expect(try gunzip(compressed) == original, "\(file).gz")
        }
        // And no .gz without its original (nor for the marker).
        for gz in files where gz.hasSuffix(".gz") {
            #expect(files.contains(String(gz.dropLast(3))), "\(gz) has no original")
        }
        #expect(!files.contains(".handbook-output.gz"))
    }

    @Test func htmlLangOnEveryPage() {
        for l in ["zh", "en"] {
            for path in FixtureSite.pagePaths(l) {
                #expect(site.text(path + "index.html").hasPrefix("<!DOCTYPE html>\n<html lang=\"\(l)\">\n"), "\(path)")
            }
        }
        #expect(site.text("index.html").contains("<html lang=\"zh\">"))
        #expect(site.text("404.html").contains("<html lang=\"zh\">"))
    }

    @Test func canonicalAndHreflangOnEveryPage() {
        let base = "https://example.org/hb/"
        for l in ["zh", "en"] {
            for path in FixtureSite.pagePaths(l) {
                let html = site.text(path + "index.html")
                let rest = path.dropFirst(3)
                #expect(html.contains("<link rel=\"canonical\" href=\"\(base)\(path)\">"), "\(path)")
                #expect(html.contains("""
                <link rel="alternate" hreflang="zh" href="\(base)zh/\(rest)">
                <link rel="alternate" hreflang="en" href="\(base)en/\(rest)">
                <link rel="alternate" hreflang="x-default" href="\(base)zh/\(rest)">
                """), "\(path)")
                #expect(html.contains("<meta property=\"og:url\" content=\"\(base)\(path)\">"), "\(path)")
            }
        }
    }

    @Test func languageSwitchLinksToTheSamePage() {
        // Each label is written in full and short (中 / EN); phones show the short one.
        func label(_ long: String, _ short: String) -> String {
            "<span class=\"lang-long\">\(long)</span><span class=\"lang-short\" aria-hidden=\"true\">\(short)</span>"
        }
        for (l, other, label, otherLabel) in [("zh", "en", label("中文", "中"), label("English", "EN")),
                                              ("en", "zh", label("English", "EN"), label("中文", "中"))] {
            for path in FixtureSite.pagePaths(l) {
                let html = site.text(path + "index.html")
                let target = Route(path).link(to: Route(other + path.dropFirst(2)))
                #expect(html.contains("""
                <li><span aria-current="true" lang="\(l)">\(label)</span></li>
                """), "\(path)")
                #expect(html.contains("""
                <li><a href="\(target)" hreflang="\(other)" lang="\(other)">\(otherLabel)</a></li>
                """), "\(path)")
            }
        }
        // Spelled out for one page.
        #expect(site.text("zh/products/battery/sa/index.html")
                .contains("<a href=\"../../../../en/products/battery/sa/\" hreflang=\"en\" lang=\"en\"><span class=\"lang-long\">English</span>"))
        #expect(site.text("en/index.html").contains("<a href=\"../zh/\" hreflang=\"zh\" lang=\"zh\"><span class=\"lang-long\">中文</span>"))
    }

    @Test func buildIsDeterministicAndIndependentOfTheContentLocation() throws {
        let tmp = TemporaryFolder()
        try Files.copy(TestPaths.valid, to: tmp.sub("content"))
        let a = FixtureSite.build(content: TestPaths.valid, into: tmp.sub("a"))
        let b = FixtureSite.build(content: tmp.sub("content"), into: tmp.sub("b"))
        #expect(a.summary != nil && b.summary != nil)
        let first = Files.snapshot(tmp.sub("a")), second = Files.snapshot(tmp.sub("b"))
        #expect(first.count > 100)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, bytes) in first where second[path] != bytes {
            Issue.record("\(path) differs between two builds")
        }
        #expect(Files.snapshot(FixtureSite.valid.output) == first)
    }

    @Test func rebuildingReplacesTheOutputWithoutLeftovers() throws {
        let tmp = TemporaryFolder()
        let first = FixtureSite.build(content: TestPaths.valid, into: tmp.sub("site"))
        #expect(first.summary != nil)
        try Files.write(tmp.sub("site/zh/stale.html"), "from an older build")
        // A build in place changes only the files it wrote; a clean build replaces the folder.
        #expect(FixtureSite.build(content: TestPaths.valid, into: tmp.sub("site")).summary?.plan == LiveUpdate.Kind.none)
        #expect(FileManager.default.fileExists(atPath: tmp.sub("site/zh/stale.html")))
        let second = FixtureSite.build(content: TestPaths.valid, into: tmp.sub("site"), clean: true)
        #expect(second.summary != nil)
        #expect(!FileManager.default.fileExists(atPath: tmp.sub("site/zh/stale.html")))
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    // MARK: Data files

    @Test func sitemapListsEveryPageWithHreflangAlternates() throws {
        let xml = site.text("sitemap.xml")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"))
        #expect(xml.hasSuffix("</urlset>\n"))
        #expect(xml.components(separatedBy: "<url>").count - 1 == 50)
        #expect(xml.contains("<url><loc>https://example.org/hb/en/markets/sa/</loc><xhtml:link rel=\"alternate\" hreflang=\"zh\" href=\"https://example.org/hb/zh/markets/sa/\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/hb/en/markets/sa/\"/></url>\n"))
        for l in ["zh", "en"] {
            for path in FixtureSite.pagePaths(l) {
                #expect(xml.contains("<url><loc>https://example.org/hb/\(path)</loc>"), "\(path)")
            }
        }
        #expect(try isWellFormedXML(xml))
    }

    @Test func robotsTxt() {
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/hb/sitemap.xml\n")
    }

    @Test func matrixCSV() {
        #expect(site.text("matrix.csv") == """
        product,market,cb_reuse,schemes,local_testing,status,lead_time_weeks,confidence,reviewed,local_representative,validity_months,factory_inspection,national_differences,accepted_standards,labs
        battery,eu,partial,eu-lvd,unknown,in-force,,medium,2026-10-01,unknown,,unknown,unknown,,
        battery,sa,full,sa-iecee-rc,no,in-force,4-6,high,2026-10-01,required,12-12,unknown,required,iec-62133-2:2017,battery-lab
        pv,sa,none,sa-iecee-rc,yes,announced,8-8,low,2026-10-01,unknown,,unknown,unknown,,

        """)
    }

    @Test func apiJSONHasAllDataInBothLanguages() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: site.output + "/api/handbook.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["format"] as? String == "handbook-api/1")
        #expect(root["languages"] as? [String] == ["zh", "en"])
        #expect(root["title"] as? [String: String] == ["zh": "测试手册", "en": "Test Handbook"])
        let markets = try #require(root["markets"] as? [[String: Any]])
        #expect(markets.map { $0["id"] as? String } == ["eu", "sa"])
        #expect(markets.last?["name"] as? [String: String] == ["zh": "沙特阿拉伯", "en": "Saudi Arabia"])
        #expect(markets.last?["iecee_member"] as? String == "yes")
        #expect(markets.first?["reviewed"] as? String == "2025-01-01")
        let requirements = try #require(root["requirements"] as? [[String: Any]])
        #expect(requirements.map { "\($0["product"]!)/\($0["market"]!)" } == ["battery/eu", "battery/sa", "pv/sa"])
        let batterySA = requirements[1]
        #expect(batterySA["lead_time_weeks"] as? [Int] == [4, 6])
        #expect(batterySA["documents"] as? [String: [String]]
                == ["zh": ["CB 证书", "CB 报告"], "en": ["CB certificate", "CB report, with national differences"]])
        #expect(batterySA["notes"] as? [String: String] == [
            "zh": "RC 以 CB 证书为依据，即\"一次检测\"。", "en": "The RC is based on the CB certificate, so \"test once\" works.",
        ])
        #expect(batterySA["standards"] as? [String] == ["iec-62133-2", "un-38-3"])
        #expect(requirements[0]["lead_time_weeks"] is NSNull)
        let schemes = try #require(root["schemes"] as? [[String: Any]])
        #expect(schemes.map { $0["accepts_cb"] as? String } == ["partial", "yes"])  // eu-lvd, sa-iecee-rc; 'yes' stays a word
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.map { $0["date"] as? String } == ["2018-02-15", "2027-03-01"])
        #expect((root["centres"] as? [[String: Any]])?.first?["city"] as? [String: String] == ["zh": "利雅得", "en": "Riyadh"])
        #expect((root["standards"] as? [[String: Any]])?.count == 3)
        #expect((root["regions"] as? [[String: Any]])?.map { $0["id"] as? String } == ["middle-east", "europe"])
    }

    @Test func atomFeedPerLanguage() throws {
        let feed = site.text("zh/feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh\">\n"))
        #expect(feed.contains("<id>https://example.org/hb/zh/feed.xml</id>\n<link rel=\"self\" href=\"https://example.org/hb/zh/feed.xml\"/>\n"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 3)
        // A change-log entry: its id and link are its anchor on the updates page, fixed by its date and first record.
        #expect(feed.contains("<entry><title>更正 RC 有效期：12 个月。</title><id>https://example.org/hb/zh/updates/#change-2026-11-01-req-battery-sa</id><link href=\"https://example.org/hb/zh/updates/#change-2026-11-01-req-battery-sa\"/><updated>2026-11-01T00:00:00Z</updated>"))
        // Newest first; an event without a source links to its market page.
        let newer = try #require(feed.range(of: "<title>电池新标签要求生效</title>"))
        let older = try #require(feed.range(of: "<title>SASO IECEE 认可证书开始强制实施</title>"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(feed.contains("<link href=\"https://example.org/hb/zh/markets/eu/\"/><updated>2027-03-01T00:00:00Z</updated>"))
        #expect(feed.contains("<link href=\"https://example.org/saso/news\"/><updated>2018-02-15T00:00:00Z</updated>"))
        #expect(try isWellFormedXML(feed))
        #expect(site.text("en/feed.xml").contains("<title>New battery label rules apply</title>"))
        #expect(try isWellFormedXML(site.text("en/feed.xml")))
    }

    @Test func languageChoiceAndNotFoundPages() {
        let index = site.text("index.html")
        let zh = index.range(of: "<a href=\"zh/\" hreflang=\"zh\">测试手册</a>")
        let en = index.range(of: "<a href=\"en/\" hreflang=\"en\">Test Handbook</a>")
        #expect(zh != nil && en != nil)
        if let zh, let en { #expect(zh.lowerBound < en.lowerBound) }  // default language first
        let notFound = site.text("404.html")
        #expect(notFound.contains("<head>\n<base href=\"/hb/\">\n"))
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
        // It says "not found" in every language, and carries its stylesheet inline so that it is
        // styled under any path it is served from.
        #expect(notFound.contains("<section lang=\"en\" class=\"not-found\">\n<h1>Page not found</h1>"))
        #expect(notFound.contains("<section lang=\"zh\" class=\"not-found\">"))
        #expect(notFound.contains("<p><a href=\"en/\">Go to the handbook's home page</a></p>"))
        #expect(notFound.contains("<style>\n/* Handbook theme"))
        #expect(!notFound.contains("rel=\"stylesheet\""))
    }

    @Test func noPageLinksOutsideTheSite() throws {
        // Every relative href/src on every page resolves to a file of the output.
        for l in ["zh", "en"] {
            for path in FixtureSite.pagePaths(l) {
                let html = site.text(path + "index.html")
                // The query of a link (`planner/?product=x`) is for the page's script, not part of the file.
                for match in html.matches(of: /(?:href|src)="([^"#:?]*)(?:\?[^"#]*)?(#[^"]*)?"/) {
                    let target = String(match.1)
                    if target.isEmpty { continue }
                    var resolved = URL(fileURLWithPath: site.output + "/" + path).appendingPathComponent(target).standardizedFileURL.path
                    if target.hasSuffix("/") { resolved += "/index.html" }
                    #expect(FileManager.default.fileExists(atPath: resolved), "\(path): \(target)")
                }
            }
        }
    }

    // MARK: Options

    @Test func baseURLOverrideAndFileLinks() throws {
        let tmp = TemporaryFolder()
        let built = FixtureSite.build(content: TestPaths.valid, into: tmp.sub("site"),
                                      baseURL: "https://other.example/x", fileLinks: true)
        #expect(built.summary != nil)
        let sa = built.text("zh/markets/sa/index.html")
        #expect(sa.contains("<link rel=\"canonical\" href=\"https://other.example/x/zh/markets/sa/\">"))
        #expect(sa.contains("<a href=\"../eu/index.html#ce\">欧盟</a>"))
        #expect(sa.contains("<a href=\"../../../en/markets/sa/index.html\" hreflang=\"en\" lang=\"en\"><span class=\"lang-long\">English</span>"))
        #expect(built.text("404.html").contains("<base href=\"/x/\">"))
        #expect(built.text("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://other.example/x/sitemap.xml\n")
    }

    @Test func checkWritesNothing() throws {
        let tmp = TemporaryFolder()
        let log = DiagnosticLog()
        #expect(Pipeline.check(FixtureSite.options(content: TestPaths.valid, output: tmp.sub("site")), log: log))
        #expect(log.all.filter { $0.severity == .error }.isEmpty)
        #expect(Files.list(tmp.path).isEmpty)
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func missingTemplatesFolderIsAnError() throws {
        let tmp = TemporaryFolder()
        let log = DiagnosticLog()
        var options = FixtureSite.options(content: TestPaths.valid, output: tmp.sub("site"))
        options.templates = tmp.sub("no-theme")
        #expect(try Pipeline.build(options, log: log) == nil)
        #expect(log.all.filter { $0.severity == .error }.map(\.english) == [Diagnostic(.error, .missingTemplate, "templates folder not found",
                                       at: SourceLocation(file: tmp.sub("no-theme")),
                                       hint: "pass --templates with the theme folder (the project's Templates/)")])
        #expect(Files.list(tmp.path).isEmpty)
    }
}

/// True when `text` parses as XML.
func isWellFormedXML(_ text: String) throws -> Bool {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse()
}
