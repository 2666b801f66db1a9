/// Contexts for the pages made from tables: requirements, schemes, standards.
extension PageBuilder {
    func requirement(_ r: Requirement) -> PageContent {
        let product = h.product(r.product.id)
        let market = h.market(r.market.id)
        let productName = product.map { text($0.name) } ?? r.product.id
        let marketName = market.map { text($0.name) } ?? r.market.id
        let events = h.events.filter { e in
            e.market.id == r.market.id && (e.products.isEmpty || e.products.contains { $0.id == r.product.id })
        }.map(event)
        let lead = r.leadTimeWeeks.map(Self.weeks)
        let notes = r.notes.resolve(l, fallbacks: fallbacks)
        return PageContent(
            title: "\(productName) → \(marketName)",
            description: notes.text,
            breadcrumbs: [(t("nav_products"), Routes.products(l)), (productName, Routes.product(l, r.product.id)),
                          (marketName, route)],
            reviewed: r.reviewed, isFallback: notes.isFallback, editPath: contentPath(r.location),
            context: [
                "product": productLink(r.product.id), "market": marketLink(r.market.id),
                "schemes": r.schemes.map { id -> [String: Any] in
                    var link = schemeLink(id.id)
                    if let s = h.scheme(id.id) { link["accepts_cb"] = word("accepts", s.acceptsCB) }
                    return link
                },
                "standards": r.standards.map { standardLink($0.id) },
                "cb_reuse": word("cb", r.cbReuse), "local_testing": word("yesno", r.localTesting),
                "documents": r.documents.items(l, fallbacks: fallbacks), "lead_time": lead as Any,
                "status": word("status", r.status), "effective_from": r.effectiveFrom?.description as Any,
                "notes": notes.text, "sources": sources(r.sources), "confidence": confidence(r.confidence) as Any,
                "events": events,
            ])
    }

    func scheme(_ s: Scheme) -> PageContent {
        let requirements = backlinksOf(site.backlinks.requirementsByScheme[s.id]).map(requirementLink)
        return PageContent(
            title: text(s.name), description: text(s.notes),
            breadcrumbs: [(t("nav_schemes"), Routes.schemes(l)), (text(s.name), route)],
            reviewed: s.reviewed, editPath: contentPath(s.location),
            context: [
                "name": text(s.name), "market": marketLink(s.market.id), "authority": text(s.authority),
                "mark": text(s.mark), "obligation": word("obligation", s.obligation),
                "accepts_cb": word("accepts", s.acceptsCB),
                "factory_inspection": word("yesno", s.factoryInspection),
                "local_testing": word("yesno", s.localTesting),
                "local_representative": word("yesno", s.localRepresentative),
                "validity": text(s.validity), "url": s.url as Any, "notes": text(s.notes),
                "sources": sources(s.sources), "confidence": confidence(s.confidence) as Any,
                "requirements": requirements, "guides": guideBacklinks("scheme:\(s.id)"),
            ])
    }

    func standard(_ s: Standard) -> PageContent {
        PageContent(
            title: s.code, description: text(s.title),
            breadcrumbs: [(t("nav_standards"), Routes.standards(l)), (s.code, route)], editPath: contentPath(s.location),
            context: [
                "code": s.code, "name": text(s.title), "kind": s.kind, "category": s.ieceeCategory,
                "url": s.url as Any,
                "products": backlinksOf(site.backlinks.productsByStandard[s.id]).map(productLink),
                "requirements": backlinksOf(site.backlinks.requirementsByStandard[s.id]).map(requirementLink),
                "guides": guideBacklinks("standard:\(s.id)"),
            ])
    }

    func schemeList() -> PageContent {
        let schemes = h.schemes.map { s in
            schemeLink(s.id).merging([
                "market": marketLink(s.market.id), "accepts_cb": word("accepts", s.acceptsCB),
                "obligation": word("obligation", s.obligation),
            ]) { a, _ in a }
        }
        return PageContent(title: t("nav_schemes"), breadcrumbs: [(t("nav_schemes"), route)],
                           context: ["schemes": schemes])
    }

    func standardList() -> PageContent {
        PageContent(title: t("nav_standards"), breadcrumbs: [(t("nav_standards"), route)],
                    context: ["standards": h.standards.map { standardLink($0.id).merging(["kind": $0.kind]) { a, _ in a } }])
    }

    private func backlinksOf(_ ids: [String]?) -> [String] { ids ?? [] }

    /// Guides that link to `key` (`standard:x`), as `{name, href}`.
    func guideBacklinks(_ key: String) -> [[String: Any]] {
        (site.backlinks.guides[key] ?? []).map { source in
            switch source.kind {
            case .market: marketLink(source.id)
            case .product: productLink(source.id)
            default:
                h.page(source.id).map { ["name": text($0.title), "href": href(Routes.page(l, $0.path))] } ?? ["name": source.id]
            }
        }
    }
}
