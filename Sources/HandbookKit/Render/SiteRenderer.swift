import HandbookMarkdown

/// Stage 4, render: turns the linked handbook into HTML pages through the theme's templates.
struct SiteRenderer: Sendable {
    let handbook: Handbook
    let templates: TemplateSet
    let backlinks: Backlinks
    let resolver: LinkResolver
    /// Logical asset name (`style.css`) → fingerprinted route (`assets/style.1a2b3c4d5e.css`).
    let assets: [String: Route]
    /// The day staleness is measured against.
    let today: Day
    let fileLinks: Bool
    /// The Markdown renderer's options in each language (made once, not per page).
    let htmlOptionsByLanguage: [String: HTMLOptions]
    /// The PDF edition of each language, when the build makes one (the home page links it).
    var books: [String: BookFile] = [:]

    /// The Markdown renderer's options in each language of `h`: raw HTML allowed or not, and the
    /// alert titles from the UI strings.
    static func htmlOptions(_ h: Handbook, _ templates: TemplateSet) -> [String: HTMLOptions] {
        var options: [String: HTMLOptions] = [:]
        for l in h.config.languages {
            var titles: [AlertKind: String] = [:]
            for kind in AlertKind.allCases {
                titles[kind] = templates.strings[l]?["alert_\(kind.rawValue.lowercased())"]
            }
            options[l] = HTMLOptions(allowRawHTML: h.config.allowRawHTML, alertTitles: titles)
        }
        return options
    }

    /// The Markdown renderer's options for pages in language `l`.
    func htmlOptions(_ l: String) -> HTMLOptions {
        htmlOptionsByLanguage[l] ?? HTMLOptions(allowRawHTML: handbook.config.allowRawHTML, alertTitles: [:])
    }

    /// Renders one page in one language: the kind's template inside the layout.
    func render(_ kind: PageKind, _ l: String) -> (Route, [UInt8]) {
        let route = kind.route(l, in: handbook)
        let b = PageBuilder(site: self, l: l, route: route)
        let content: PageContent = switch kind {
        case .home: b.home()
        case .markets: b.marketList()
        case .market(let i): b.market(handbook.markets[i])
        case .products: b.productList()
        case .product(let i): b.product(handbook.products[i])
        case .requirement(let i): b.requirement(handbook.requirements[i])
        case .schemes: b.schemeList()
        case .scheme(let i): b.scheme(handbook.schemes[i])
        case .standards: b.standardList()
        case .standard(let i): b.standard(handbook.standards[i])
        case .bodies: b.bodyList()
        case .body(let i): b.body(handbook.bodies[i])
        case .matrix: b.matrix()
        case .planner: b.planner()
        case .updates: b.updates()
        case .search: b.search()
        case .page(let i): b.page(handbook.pages[i])
        }
        var context = content.context
        context["t"] = templates.uiStrings(l)
        // Every confidence and completeness badge links to the page that explains them.
        if handbook.page("trust") != nil { context["trust_href"] = b.href(Routes.page(l, "trust")) }
        context["title"] = content.title
        let main = templates.render(kind.template, context)
        return (route, layout(b, content, main: main, alternates: { kind.route($0, in: handbook) }))
    }

    /// The layout around a page: head, header, breadcrumbs, language switch, review badge, footer.
    func layout(_ b: PageBuilder, _ content: PageContent, main: [UInt8], alternates: (String) -> Route?,
                noIndex: Bool = false) -> [UInt8] {
        let h = handbook
        let l = b.l
        let siteTitle = b.text(h.config.title)
        var context: [String: Any] = [
            "lang": l, "title": content.title, "site_title": siteTitle,
            "full_title": content.title == siteTitle ? siteTitle : "\(content.title) | \(siteTitle)",
            "description": content.description.isEmpty ? b.text(h.config.description) : content.description,
            "canonical": b.route.absolute(base: h.config.baseURL),
            "main": main, "t": templates.uiStrings(l),
            "home": b.href(Routes.home(l)), "root": b.route.toRoot,
            "css": assets["style.css"].map { b.href($0) } ?? "", "js": assets["app.js"].map { b.href($0) } ?? "",
            "search_action": b.href(Routes.search(l)), "feed": b.href(Routes.feed(l)),
            "noindex": noIndex,
        ]
        context["search_script"] = b.searchScript
        context["nav"] = [
            ("nav_markets", Routes.markets(l)), ("nav_products", Routes.products(l)), ("nav_matrix", Routes.matrix(l)),
            ("nav_planner", Routes.planner(l)), ("nav_updates", Routes.updates(l)),
        ].map { key, target in
            ["title": b.t(key), "href": b.href(target), "current": b.route.path.hasPrefix(target.path)] as [String: Any]
        }
        var alternateLinks: [[String: Any]] = []
        var switcher: [[String: Any]] = []
        for other in h.config.languages {
            guard let r = alternates(other) else { continue }
            alternateLinks.append(["lang": other, "url": r.absolute(base: h.config.baseURL)])
            switcher.append(["lang": other, "label": templates.strings[other]?["language_name"] ?? other,
                             "short": templates.strings[other]?["language_short"] ?? other,
                             "href": b.href(r), "current": other == l])
        }
        context["alternates"] = alternateLinks
        context["languages"] = switcher
        if let first = alternates(h.config.defaultLanguage) {
            context["x_default"] = first.absolute(base: h.config.baseURL)
        }
        var crumbs: [[String: Any]] = [["title": b.t("nav_home"), "href": b.href(Routes.home(l))]]
        for (i, (title, r)) in content.breadcrumbs.enumerated() {
            let isLast = i == content.breadcrumbs.count - 1
            crumbs.append(isLast ? ["title": title, "current": true] : ["title": title, "href": b.href(r)])
        }
        context["breadcrumbs"] = content.breadcrumbs.isEmpty ? [] : crumbs
        if let reviewed = content.reviewed {
            let age = today.daysSinceEpoch - reviewed.daysSinceEpoch
            context["reviewed"] = ["date": reviewed.description, "stale": age > h.config.reviewMaxAgeDays,
                                   "age_days": age] as [String: Any]
        }
        context["fallback"] = content.isFallback
        let original = h.config.defaultLanguage
        if content.isStaleTranslation, let source = alternates(original) {
            context["stale_translation"] = ["href": b.href(source), "lang": original,
                                            "language": templates.strings[original]?["language_name"] ?? original]
        }
        if let edit = h.config.editURL, let path = content.editPath {
            context["edit_url"] = edit.replacing("{path}", with: path)
        }
        if let feed = content.feed { context["page_feed"] = b.href(feed) }
        if content.statesFacts, let feedback = h.config.feedbackURL {
            context["feedback_url"] = feedback
                .replacing("{page}", with: Self.percentEncoded(b.route.absolute(base: h.config.baseURL)))
                .replacing("{title}", with: Self.percentEncoded(content.title))
        }
        return templates.render("layout", context)
    }

    /// `s` with every byte but ASCII letters, digits and `-._~` percent-encoded (for a value placed
    /// in a URL's query or a mail link's subject).
    static func percentEncoded(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
