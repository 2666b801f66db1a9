/// Contexts for the guide pages: markets, products, free pages and their lists.
extension PageBuilder {
    func market(_ m: Market) -> PageContent {
        let body = body(m.guide)
        let requirements = h.requirements.filter { $0.market.id == m.id }.map { requirementRow($0, showing: .product) }
        // One answer box per product, in the products' order.
        let answers = h.products.compactMap { p in h.requirement("\(p.id)/\(m.id)") }.map { answer($0, withSubject: true) }
        let schemes = h.schemes.filter { $0.market.id == m.id }.map { schemeLink($0.id) }
        let history = history(RecordHistory.market(m, in: h))
        let region = h.region(m.region.id)
        return PageContent(
            title: text(m.name), description: text(m.summary),
            breadcrumbs: [(t("nav_markets"), Routes.markets(l)), (text(m.name), route)],
            reviewed: m.reviewed, isFallback: body.isFallback, isStaleTranslation: body.isStale, editPath: body.file,
            feed: Routes.feed(of: route), statesFacts: true,
            context: history.merging([
                "name": text(m.name), "iso": m.iso, "summary": text(m.summary), "blocs": m.blocs,
                "region": region.map { ["name": text($0.name), "href": href(Routes.markets(l), fragment: "region-" + $0.id)] } as Any,
                "authorities": m.authorities.map { ["name": text($0.name), "url": $0.url as Any, "role": text($0.role)] },
                "iecee": ["member": word("iecee", m.ieceeMember), "ncbs": m.ieceeNCBs.map { bodyLink($0.id) },
                          "notes": text(m.ieceeNotes)],
                "bodies": h.bodies.filter { b in b.country.id == m.id && !m.ieceeNCBs.contains { $0.id == b.id } }
                    .map { bodyLink($0.id) },
                "body": body.html, "body_lang": body.language as Any, "toc": body.toc, "requirements": requirements, "answers": answers, "schemes": schemes,
                "subject_heading": t("product"),
                "sources": sources(m.sources), "confidence": confidence(m.confidence) as Any,
            ]) { a, _ in a })
    }

    func product(_ p: Product) -> PageContent {
        let body = body(p.guide)
        let requirements = h.requirements.filter { $0.product.id == p.id }
        let rows = requirements.map { requirementRow($0, showing: .market) }
        return PageContent(
            title: text(p.name), description: text(p.summary),
            breadcrumbs: [(t("nav_products"), Routes.products(l)), (text(p.name), route)],
            reviewed: p.reviewed, isFallback: body.isFallback, isStaleTranslation: body.isStale, editPath: body.file,
            feed: Routes.feed(of: route), statesFacts: true,
            context: history(RecordHistory.product(p, in: h)).merging([
                "name": text(p.name), "summary": text(p.summary), "hs_codes": p.hsCodes, "category": p.ieceeCategory,
                "standards": p.standards.map { standardLink($0.id) },
                "body": body.html, "body_lang": body.language as Any, "toc": body.toc, "requirements": rows, "subject_heading": t("market"),
                "plan": TestOncePlan(requirements).context(self).merging([
                    "sentences": ExportPlan(h, product: p.id, markets: requirements.map(\.market.id), language: l).summary(planWords),
                ]) { a, _ in a },
                "planner_href": href(Routes.planner(l)) + "?product=\(p.id)",
                "sources": sources(p.sources), "confidence": confidence(p.confidence) as Any,
            ]) { a, _ in a })
    }

    func page(_ p: FreePage) -> PageContent {
        let body = body(p.guide)
        var crumbs: [(String, Route)] = []
        var prefix = ""
        for segment in p.path.split(separator: "/").dropLast() {
            prefix += (prefix.isEmpty ? "" : "/") + segment
            if let parent = h.page(prefix) { crumbs.append((text(parent.title), Routes.page(l, prefix))) }
        }
        crumbs.append((text(p.title), route))
        return PageContent(
            title: text(p.title), description: text(p.summary), breadcrumbs: crumbs, reviewed: p.reviewed,
            isFallback: body.isFallback, isStaleTranslation: body.isStale, editPath: body.file,
            context: ["body": body.html, "body_lang": body.language as Any, "toc": body.toc, "summary": text(p.summary),
                      "terms_table": (p.showsTerms ? termTable() : nil) as Any])
    }

    func home() -> PageContent {
        var context: [String: Any] = [:]
        var isFallback = false
        var isStale = false
        var reviewed: Day?
        var editPath: String?
        if let intro = h.page("") {
            let body = body(intro.guide)
            context["intro"] = body.html
            context["body_lang"] = body.language as Any
            isFallback = body.isFallback
            isStale = body.isStale
            reviewed = intro.reviewed
            editPath = body.file
        }
        context["products"] = h.products.map { productLink($0.id).merging(["summary": text($0.summary)]) { a, _ in a } }
        context["regions"] = regionGroups()
        // "My product, my target market": the form goes to the requirement page (with the script)
        // or, without it, to the planner with both filled in.
        context["ask"] = [
            "action": href(Routes.planner(l)),
            "requirement": href(Routes.requirement(l, "PRODUCT", "MARKET")),
            "products": h.products.map { ["id": $0.id, "name": text($0.name)] },
            "regions": h.regions.compactMap { region -> [String: Any]? in
                let markets = h.markets.filter { $0.region.id == region.id }.sorted { text($0.name) < text($1.name) }
                return markets.isEmpty ? nil
                    : ["name": text(region.name), "markets": markets.map { ["id": $0.id, "name": text($0.name)] }]
            },
        ] as [String: Any]
        context["upcoming"] = h.events.filter { $0.date >= site.today }.prefix(8).map(event)
        context["open_for_comment"] = openForComment(h.events)
        context["bodies_href"] = h.bodies.isEmpty ? "" : href(Routes.bodies(l))
        context["centres"] = h.centres.map { c in
            ["name": text(c.name), "region": h.region(c.region.id).map { text($0.name) } ?? c.region.id,
             "city": text(c.city), "url": c.url as Any, "markets": c.markets.map { marketLink($0.id) }] as [String: Any]
        }
        if let book = site.books[l] {
            context["book"] = ["href": href(book.route),
                               "meta": t("book_meta").replacing("{size}", with: book.size)
                                   .replacing("{edition}", with: book.edition.description)]
        }
        context["pages"] = h.pages.filter { !$0.isHomeIntro && !$0.path.contains("/") }.map {
            ["title": text($0.title), "href": href(Routes.page(l, $0.path)), "summary": text($0.summary)]
        }
        return PageContent(title: text(h.config.title), reviewed: reviewed, isFallback: isFallback, isStaleTranslation: isStale,
                           editPath: editPath,
                           context: context)
    }

    func marketList() -> PageContent {
        PageContent(title: t("nav_markets"), breadcrumbs: [(t("nav_markets"), route)],
                    context: ["regions": regionGroups()])
    }

    func productList() -> PageContent {
        let products = h.products.map { p in
            productLink(p.id).merging([
                "summary": text(p.summary), "hs_codes": p.hsCodes, "category": p.ieceeCategory,
            ]) { a, _ in a }
        }
        return PageContent(title: t("nav_products"), breadcrumbs: [(t("nav_products"), route)],
                           context: ["products": products])
    }

    /// Markets grouped by region, regions in table order, markets by name.
    func regionGroups() -> [[String: Any]] {
        var groups: [[String: Any]] = []
        for region in h.regions {
            let markets = h.markets.filter { $0.region.id == region.id }
                .sorted { text($0.name) < text($1.name) }
                .map { m in marketLink(m.id).merging(["summary": text(m.summary)]) { a, _ in a } }
            groups.append(["id": "region-" + region.id, "name": text(region.name), "markets": markets])
        }
        return groups
    }

    /// What a requirement row shows on a market page (the product) or a product page (the market).
    enum RowSubject { case product, market }

    func requirementRow(_ r: Requirement, showing subject: RowSubject) -> [String: Any] {
        [
            "subject": subject == .product ? productLink(r.product.id) : marketLink(r.market.id),
            "href": href(Routes.requirement(l, r.product.id, r.market.id)),
            "cb_reuse": word("cb", r.cbReuse), "status": word("status", r.shownStatus),
            "schemes": r.schemes.map { schemeLink($0.id) },
            "local_testing": word("yesno", r.localTesting),
            "confidence": confidence(r.confidence) as Any,
            "documents_text": r.documents.items(l, fallbacks: fallbacks).joined(separator: "; "),
            "lead_time": r.leadTimeWeeks.map(Self.weeks) as Any,
        ]
    }

    /// `6` or `6–10` (weeks).
    static func weeks(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
    }
}
