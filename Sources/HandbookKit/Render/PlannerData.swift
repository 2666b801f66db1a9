/// The data the planner page embeds for its script: every requirement in the page's language,
/// with links relative to the planner, and the UI words the script needs.
struct PlannerData {
    let b: PageBuilder

    init(_ builder: PageBuilder) {
        b = builder
    }

    /// JSON safe to put inside `<script type="application/json">` (no `<`, `>` or `&`).
    func json() -> String {
        let h = b.h
        let requirements = h.requirements.map { r -> JSONValue in
            [
                "product": .string(r.product.id), "market": .string(r.market.id), "cb": .string(r.cbReuse.rawValue),
                "href": .string(b.href(Routes.requirement(b.l, r.product.id, r.market.id))),
                "schemes": .array(r.schemes.map { ref -> JSONValue in
                    guard let s = h.scheme(ref.id) else { return ["name": .string(ref.id)] }
                    return ["name": .string(b.text(s.name)), "mark": .string(b.text(s.mark)),
                            "href": .string(b.href(Routes.scheme(b.l, s.id)))]
                }),
                "documents": JSONValue(r.documents.items(b.l, fallbacks: b.fallbacks)),
                "lead": r.leadTimeWeeks.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null,
                "local": .string(r.localTesting.rawValue),
                "validity": r.validityMonths.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null,
                "rep": .string(r.localRepresentative.rawValue),
                // What the gap check reads (the same rules as `GapCheck`).
                "nd": .string(r.nationalDifferences.rawValue), "fi": .string(r.factoryInspection.rawValue),
                "accepted": .array(r.acceptedStandards.map { [.string($0.standard.id), JSONValue($0.edition)] }),
                "stds": JSONValue(r.standards.map(\.id)),
                "labelling": .string(b.text(r.labelling)), "rep_notes": .string(b.text(r.localRepresentativeNotes)),
                "renewal": .string(b.text(r.renewal)), "fees": .string(b.text(r.fees)),
                "conf": JSONValue(r.confidence?.rawValue),
                "labs": JSONValue(r.labs.map { ref in h.body(ref.id).map { b.text($0.name) } ?? ref.id }),
                "sources": .array(r.sources.map { s in
                    ["title": .string(s.title), "url": .string(s.url), "confidence": JSONValue(s.confidence?.rawValue)]
                }),
            ]
        }
        let markets = h.markets.map { m -> JSONValue in
            ["id": .string(m.id), "name": .string(b.text(m.name)), "region": .string(m.region.id),
             "href": .string(b.href(Routes.market(b.l, m.id)))]
        }
        let products = h.products.map { p -> JSONValue in
            ["id": .string(p.id), "name": .string(b.text(p.name)), "href": .string(b.href(Routes.product(b.l, p.id)))]
        }
        let words = ["plan_unlisted", "plan_none_selected", "weeks", "plan_representative", "list_separator", "colon",
                     "validity", "lead_time", "lead_time_unknown", "fees", "unknown", "confidence", "confidence_high",
                     "confidence_medium", "confidence_low", "footer_disclaimer", "sources", "product", "edition",
                     "download_csv", "months", "labs", "paren_open", "paren_close"]
            .map { ($0, JSONValue.string(b.t($0))) }
        let standards = h.standards.map { s -> JSONValue in
            ["id": .string(s.id), "code": .string(String(s.code.split(separator: ":").first ?? Substring(s.code))),
             "editions": JSONValue(s.editions), "cb": .int(ExportPlan.cbCandidate(s) ? 1 : 0), "transport": .int(s.kind == "transport" ? 1 : 0)]
        }
        let gapWords = b.site.templates.strings[b.l]?.filter { $0.key.hasPrefix("gap_") || $0.key.hasPrefix("export_") }
            .sorted { $0.key < $1.key }
            .map { ($0.key, JSONValue.string($0.value)) } ?? []
        let root: JSONValue = ["requirements": .array(requirements), "markets": .array(markets),
                               "products": .array(products), "standards": .array(standards),
                               "site": .string(b.text(h.config.title)), "edition": .string(b.site.today.description),
                               "words": .object(words + gapWords)]
        return root.text(scriptSafe: true)
    }
}
