/// The URL scheme of the site: where every kind of page lives, per language.
public enum Routes {
    public static func home(_ l: String) -> Route { Route("\(l)/") }
    public static func markets(_ l: String) -> Route { Route("\(l)/markets/") }
    public static func market(_ l: String, _ id: String) -> Route { Route("\(l)/markets/\(id)/") }
    public static func products(_ l: String) -> Route { Route("\(l)/products/") }
    public static func product(_ l: String, _ id: String) -> Route { Route("\(l)/products/\(id)/") }
    public static func requirement(_ l: String, _ product: String, _ market: String) -> Route {
        Route("\(l)/products/\(product)/\(market)/")
    }
    public static func schemes(_ l: String) -> Route { Route("\(l)/schemes/") }
    public static func scheme(_ l: String, _ id: String) -> Route { Route("\(l)/schemes/\(id)/") }
    public static func standards(_ l: String) -> Route { Route("\(l)/standards/") }
    public static func standard(_ l: String, _ id: String) -> Route { Route("\(l)/standards/\(id)/") }
    public static func bodies(_ l: String) -> Route { Route("\(l)/bodies/") }
    public static func body(_ l: String, _ id: String) -> Route { Route("\(l)/bodies/\(id)/") }
    /// The Atom feed beside a market, product or scheme page (`zh/markets/sa/feed.xml`).
    public static func feed(of page: Route) -> Route { Route(page.path + "feed.xml") }
    public static func matrix(_ l: String) -> Route { Route("\(l)/matrix/") }
    public static func planner(_ l: String) -> Route { Route("\(l)/planner/") }
    public static func updates(_ l: String) -> Route { Route("\(l)/updates/") }
    public static func feed(_ l: String) -> Route { Route("\(l)/feed.xml") }
    public static func search(_ l: String) -> Route { Route("\(l)/search/") }
    public static func page(_ l: String, _ path: String) -> Route { path.isEmpty ? home(l) : Route("\(l)/\(path)/") }
    public static let languageChoice = Route("index.html")
    public static let notFound = Route("404.html")
    public static let sitemap = Route("sitemap.xml")
    public static let robots = Route("robots.txt")
    public static let api = Route("api/handbook.json")
    public static let matrixCSV = Route("matrix.csv")
}
