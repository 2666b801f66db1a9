import Testing
@testable import HandbookKit

@Suite("Route")
struct RouteTests {
    @Test func files() {
        #expect(Route("zh/markets/sa/").file == "zh/markets/sa/index.html")
        #expect(Route("").file == "index.html")
        #expect(Route("sitemap.xml").file == "sitemap.xml")
        #expect(Route("api/handbook.json").file == "api/handbook.json")
    }

    @Test(arguments: [
        ("zh/markets/sa/", "zh/markets/eu/", "../eu/"),
        ("zh/markets/sa/", "zh/markets/sa/", "./"),
        ("zh/markets/sa/", "zh/markets/", "../"),
        ("zh/markets/", "zh/markets/sa/", "sa/"),
        ("zh/markets/sa/", "zh/", "../../"),
        ("zh/markets/sa/", "en/markets/sa/", "../../../en/markets/sa/"),
        ("zh/products/p/m/", "zh/products/p/", "../"),
        ("zh/products/p/m/", "zh/schemes/s/", "../../../schemes/s/"),
        ("zh/markets/sa/", "zh/feed.xml", "../../feed.xml"),
        ("zh/markets/sa/", "assets/style.0123456789.css", "../../../assets/style.0123456789.css"),
        ("zh/", "matrix.csv", "../matrix.csv"),
        ("index.html", "zh/", "zh/"),
        ("404.html", "en/", "en/"),
        ("index.html", "index.html", "index.html"),
        ("zh/markets/sa/", "", "../../../"),
        ("", "", "./"),
        ("zh/markets/sa/", "zh/markets/sab/", "../sab/"),   // a shared prefix is not a shared folder
        ("zh/markets/sab/", "zh/markets/sa/x.csv", "../sa/x.csv"),
    ])
    func relativeLinks(_ from: String, _ to: String, _ expected: String) {
        #expect(Route(from).link(to: Route(to)) == expected)
    }

    @Test(arguments: [
        ("zh/markets/sa/", "zh/markets/eu/", "../eu/index.html"),
        ("zh/markets/sa/", "zh/markets/sa/", "index.html"),
        ("zh/markets/sa/", "zh/", "../../index.html"),
        ("index.html", "en/", "en/index.html"),
        ("zh/markets/sa/", "zh/feed.xml", "../../feed.xml"),
    ])
    func fileLinks(_ from: String, _ to: String, _ expected: String) {
        #expect(Route(from).link(to: Route(to), fileLinks: true) == expected)
    }

    @Test func fragments() {
        #expect(Route("zh/markets/sa/").link(to: Route("zh/markets/eu/"), fragment: "ce") == "../eu/#ce")
        #expect(Route("zh/markets/sa/").link(to: Route("zh/markets/sa/"), fragment: "routes") == "./#routes")
        #expect(Route("zh/markets/sa/").link(to: Route("zh/markets/sa/"), fileLinks: true, fragment: "routes")
                == "index.html#routes")
        #expect(Route("zh/markets/sa/").link(to: Route("zh/markets/"), fragment: "") == "../")
        #expect(Route("zh/").link(to: Route("zh/markets/"), fragment: "region-认证") == "markets/#region-认证")
    }

    @Test func toRootAndAbsolute() {
        #expect(Route("zh/markets/sa/").toRoot == "../../../")
        #expect(Route("zh/feed.xml").toRoot == "../")
        #expect(Route("index.html").toRoot == "")
        #expect(Route("zh/markets/sa/").absolute(base: "https://e.org/hb/") == "https://e.org/hb/zh/markets/sa/")
    }

    @Test func routesOfTheSite() {
        #expect(Routes.requirement("zh", "battery", "sa").path == "zh/products/battery/sa/")
        #expect(Routes.page("en", "").path == "en/")
        #expect(Routes.page("en", "guides/start").path == "en/guides/start/")
        #expect(Routes.feed("zh").file == "zh/feed.xml")
        #expect(Routes.languageChoice.file == "index.html")
        #expect(Routes.notFound.file == "404.html")
    }
}
