/// Contexts for the bodies directory: certification bodies, test labs and authorities.
extension PageBuilder {
    /// The name of a body's country: the market's, or China's from the UI strings.
    func countryName(_ id: String) -> String {
        id == CertificationBody.china ? t("country_cn") : h.market(id).map { text($0.name) } ?? id
    }

    func roles(_ b: CertificationBody) -> [[String: Any]] {
        b.roles.map { word("role", $0) }
    }

    func body(_ b: CertificationBody) -> PageContent {
        let requirements = (site.backlinks.requirementsByBody[b.id] ?? []).map(requirementLink)
        let schemes = (site.backlinks.schemesByBody[b.id] ?? []).map(schemeLink)
        let markets = (site.backlinks.marketsByBody[b.id] ?? []).map(marketLink)
        let country: [String: Any] = b.country.id == CertificationBody.china
            ? ["name": countryName(b.country.id)] : marketLink(b.country.id)
        return PageContent(
            title: text(b.name), description: text(b.notes),
            breadcrumbs: [(t("nav_bodies"), Routes.bodies(l)), (text(b.name), route)],
            reviewed: b.reviewed, editPath: contentPath(b.location), statesFacts: true,
            context: [
                "name": text(b.name), "country": country, "roles": roles(b), "categories": b.ieceeCategories,
                "accreditation": text(b.accreditation), "url": b.url as Any, "notes": text(b.notes),
                "ncb_of": markets, "schemes": schemes, "requirements": requirements,
                "guides": guideBacklinks(RecordKey(.body, b.id)),
                "changes": RecordHistory.record("body:\(b.id)", in: h).changes.map(change),
                "sources": sources(b.sources), "confidence": confidence(b.confidence) as Any,
            ])
    }

    /// Bodies grouped by country, China first (where exporters test), then markets by name; a
    /// script filters them by role and IECEE category.
    func bodyList() -> PageContent {
        let countries = Set(h.bodies.map(\.country.id))
        let order = (countries.contains(CertificationBody.china) ? [CertificationBody.china] : [])
            + countries.subtracting([CertificationBody.china]).sorted { countryName($0) < countryName($1) }
        let groups = order.map { id -> [String: Any] in
            let bodies = h.bodies.filter { $0.country.id == id }.sorted { text($0.name) < text($1.name) }
            return [
                "id": "country-" + id, "name": countryName(id),
                "bodies": bodies.map { b in
                    bodyLink(b.id).merging([
                        "roles": roles(b), "categories": b.ieceeCategories,
                        "role_values": b.roles.map(\.rawValue).joined(separator: " "),
                        "category_values": b.ieceeCategories.joined(separator: " "),
                        "notes": text(b.notes), "confidence": confidence(b.confidence) as Any,
                    ]) { a, _ in a }
                },
            ]
        }
        let usedRoles = BodyRole.allCases.filter { r in h.bodies.contains { $0.roles.contains(r) } }
        let usedCategories = CertificationBody.ieceeCategories.filter { c in h.bodies.contains { $0.ieceeCategories.contains(c) } }
        return PageContent(title: t("nav_bodies"), breadcrumbs: [(t("nav_bodies"), route)],
                           context: ["groups": groups, "role_choices": usedRoles.map { word("role", $0) },
                                     "category_choices": usedCategories])
    }
}
