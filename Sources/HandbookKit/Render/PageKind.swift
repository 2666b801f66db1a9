/// Every kind of HTML page the site has, with the index of its entity where it has one.
enum PageKind: Sendable, Hashable {
    case home, markets, market(Int), products, product(Int), requirement(Int), schemes, scheme(Int)
    case standards, standard(Int), bodies, body(Int), matrix, planner, updates, search, page(Int)

    /// The template that renders this kind.
    var template: String {
        switch self {
        case .home: "home"
        case .markets: "markets"
        case .market: "market"
        case .products: "products"
        case .product: "product"
        case .requirement: "requirement"
        case .schemes: "schemes"
        case .scheme: "scheme"
        case .standards: "standards"
        case .standard: "standard"
        case .bodies: "bodies"
        case .body: "body"
        case .matrix: "matrix"
        case .planner: "planner"
        case .updates: "updates"
        case .search: "search"
        case .page: "page"
        }
    }

    /// Where this page lives in `language`.
    func route(_ l: String, in h: Handbook) -> Route {
        switch self {
        case .home: Routes.home(l)
        case .markets: Routes.markets(l)
        case .market(let i): Routes.market(l, h.markets[i].id)
        case .products: Routes.products(l)
        case .product(let i): Routes.product(l, h.products[i].id)
        case .requirement(let i): Routes.requirement(l, h.requirements[i].product.id, h.requirements[i].market.id)
        case .schemes: Routes.schemes(l)
        case .scheme(let i): Routes.scheme(l, h.schemes[i].id)
        case .standards: Routes.standards(l)
        case .standard(let i): Routes.standard(l, h.standards[i].id)
        case .bodies: Routes.bodies(l)
        case .body(let i): Routes.body(l, h.bodies[i].id)
        case .matrix: Routes.matrix(l)
        case .planner: Routes.planner(l)
        case .updates: Routes.updates(l)
        case .search: Routes.search(l)
        case .page(let i): Routes.page(l, h.pages[i].path)
        }
    }

    /// Every page of the handbook (per language).
    static func all(_ h: Handbook) -> [PageKind] {
        var out: [PageKind] = [.home, .markets, .products, .schemes, .standards, .matrix, .planner, .updates, .search]
        if !h.bodies.isEmpty { out.append(.bodies) }
        out += h.markets.indices.map(PageKind.market)
        out += h.products.indices.map(PageKind.product)
        out += h.requirements.indices.map(PageKind.requirement)
        out += h.schemes.indices.map(PageKind.scheme)
        out += h.standards.indices.map(PageKind.standard)
        out += h.bodies.indices.map(PageKind.body)
        out += h.pages.indices.filter { !h.pages[$0].isHomeIntro }.map(PageKind.page)
        return out
    }
}
