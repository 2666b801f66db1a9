/// Contexts for the pages made from tables: requirements, schemes, standards.
extension PageBuilder {
    func requirement(_ r: Requirement) -> PageContent {
        let product = h.product(r.product.id)
        let market = h.market(r.market.id)
        let productName = product.map { text($0.name) } ?? r.product.id
        let marketName = market.map { text($0.name) } ?? r.market.id
        let lead = r.leadTimeWeeks.map(Self.weeks)
        let notes = r.notes.resolve(l, fallbacks: fallbacks)
        var context: [String: Any] = [
            "product": productLink(r.product.id), "market": marketLink(r.market.id),
            "schemes": r.schemes.map { id -> [String: Any] in
                var link = schemeLink(id.id)
                if let s = h.scheme(id.id) { link["accepts_cb"] = word("accepts", s.acceptsCB) }
                return link
            },
            "standards": r.standards.map { standardLink($0.id) },
            "cb_reuse": word("cb", r.cbReuse), "local_testing": word("yesno", r.localTesting),
            "documents": r.documents.items(l, fallbacks: fallbacks), "lead_time": lead as Any,
            "status": word("status", r.shownStatus), "effective_from": r.effectiveFrom?.description as Any,
            "notes": notes.text, "sources": sources(r.sources), "confidence": confidence(r.confidence) as Any,
            "planner_href": href(Routes.planner(l)) + "?product=\(r.product.id)&markets=\(r.market.id)",
            "answer": answer(r), "reviewed_date": r.reviewed?.description as Any,
            "completeness": completeness(r.completeness),
        ]
        context.merge(details(r)) { a, _ in a }
        context.merge(history(RecordHistory.requirement(r, in: h))) { a, _ in a }
        return PageContent(
            title: "\(productName) → \(marketName)",
            description: notes.text,
            breadcrumbs: [(t("nav_products"), Routes.products(l)), (productName, Routes.product(l, r.product.id)),
                          (marketName, route)],
            reviewed: r.reviewed, isFallback: notes.isFallback, editPath: contentPath(r.location),
            statesFacts: true, context: context)
    }

    /// The fields an exporter asks about after the scheme: labels, representative, validity, fees,
    /// samples, inspection, accepted editions, national differences and labs. The text fields no
    /// source gives yet are not shown as rows but named in one line (`open_fields`).
    func details(_ r: Requirement) -> [String: Any] {
        var open: [String] = []
        func known(_ value: LocalizedText, _ label: String) -> String {
            let s = text(value)
            if s.isEmpty { open.append(t(label)) }
            return s
        }
        var context: [String: Any] = [
            "labelling": known(r.labelling, "labelling"),
            "local_representative": word("required", r.localRepresentative),
            "local_representative_notes": text(r.localRepresentativeNotes),
            "validity": r.validityMonths.map(months) as Any,
            "renewal": text(r.renewal),
            "fees": known(r.fees, "fees"),
            "samples": known(r.samples, "samples"),
            "factory_inspection": word("yesno", r.factoryInspection),
            "national_differences": word("required", r.nationalDifferences),
            "accepted_standards": r.acceptedStandards.map { a -> [String: Any] in
                var link = standardLink(a.standard.id)
                // The number without the table's default edition: "IEC 61215 – edition 2016".
                if let code = link["code"] as? String { link["code"] = String(code.split(separator: ":").first ?? Substring(code)) }
                link["edition"] = a.edition as Any
                return link
            },
            "labs": r.labs.map { bodyLink($0.id) },
        ]
        context["open_fields"] = open.joined(separator: t("list_separator"))
        return context
    }

    /// "7 of 13 facts known".
    func completeness(_ c: Completeness) -> String {
        t("facts_known").replacing("{known}", with: "\(c.known)").replacing("{total}", with: "\(c.total)")
    }

    /// `36 months` or `36–60 months`.
    func months(_ range: ClosedRange<Int>) -> String {
        t("months").replacing("{n}", with: Self.weeks(range))
    }

    func scheme(_ s: Scheme) -> PageContent {
        let requirements = backlinksOf(site.backlinks.requirementsByScheme[s.id]).map(requirementLink)
        return PageContent(
            title: text(s.name), description: text(s.notes),
            breadcrumbs: [(t("nav_schemes"), Routes.schemes(l)), (text(s.name), route)],
            reviewed: s.reviewed, editPath: contentPath(s.location), feed: Routes.feed(of: route), statesFacts: true,
            context: history(RecordHistory.scheme(s, in: h)).merging([
                "name": text(s.name), "market": marketLink(s.market.id), "authority": text(s.authority),
                "completeness": completeness(s.completeness),
                "mark": text(s.mark), "obligation": word("obligation", s.obligation),
                "accepts_cb": word("accepts", s.acceptsCB),
                "factory_inspection": word("yesno", s.factoryInspection),
                "local_testing": word("yesno", s.localTesting),
                "local_representative": word("yesno", s.localRepresentative),
                "validity": text(s.validity), "url": s.url as Any, "notes": text(s.notes),
                "bodies": s.bodies.map { bodyLink($0.id) },
                "sources": sources(s.sources), "confidence": confidence(s.confidence) as Any,
                "requirements": requirements, "guides": guideBacklinks(RecordKey(.scheme, s.id)),
            ]) { a, _ in a })
    }

    func standard(_ s: Standard) -> PageContent {
        PageContent(
            title: s.code, description: text(s.title),
            breadcrumbs: [(t("nav_standards"), Routes.standards(l)), (s.code, route)], editPath: contentPath(s.location),
            statesFacts: true,
            context: [
                "code": s.code, "name": text(s.title), "kind": kindLabel(s.kind), "category": s.ieceeCategory,
                "url": s.url as Any, "editions": s.editions,
                "changes": RecordHistory.record("standard:\(s.id)", in: h).changes.map(change),
                "products": backlinksOf(site.backlinks.productsByStandard[s.id]).map(productLink),
                "requirements": backlinksOf(site.backlinks.requirementsByStandard[s.id]).map(requirementLink),
                "guides": guideBacklinks(RecordKey(.standard, s.id)),
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
                    context: ["standards": h.standards.map { standardLink($0.id).merging(["kind": kindLabel($0.kind)]) { a, _ in a } }])
    }

    private func backlinksOf(_ ids: [String]?) -> [String] { ids ?? [] }

    /// Guides that link to `key` (a standard, scheme or body), as `{name, href}`.
    func guideBacklinks(_ key: RecordKey) -> [[String: Any]] {
        (site.backlinks.guides[key] ?? []).map { source in
            switch source.kind {
            case .market: marketLink(source.id)
            case .product: productLink(source.id)
            default:
                h.page(source.id).map { ["name": text($0.title), "href": href(Routes.page(l, $0.path))] } ?? ["name": source.id]
            }
        }
    }

    /// A standard's kind (safety, performance, transport, emc, grid) in the page's language; a
    /// kind without a UI string (`standard_kind_<kind>`) is shown as written.
    func kindLabel(_ kind: String) -> String {
        let key = "standard_kind_" + kind
        let label = t(key)
        return label == key ? kind : label
    }
}
