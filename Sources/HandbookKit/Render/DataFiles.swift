import HandbookMarkdown

/// The non-HTML files: sitemap, robots.txt, the Atom feeds (`DataFiles+Feeds`), `/matrix.csv` and
/// `/api/handbook.json`.
struct DataFiles {
    let handbook: Handbook

    /// `sitemap.xml` with hreflang alternates for every page.
    func sitemap(_ kinds: [PageKind]) -> String {
        let h = handbook
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for kind in kinds {
            for l in h.config.languages {
                out += "<url><loc>\(xml(kind.route(l, in: h).absolute(base: h.config.baseURL)))</loc>"
                for other in h.config.languages {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(xml(kind.route(other, in: h).absolute(base: h.config.baseURL)))\"/>"
                }
                out += "</url>\n"
            }
        }
        return out + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\nSitemap: \(handbook.config.baseURL)sitemap.xml\n"
    }

    /// The product × market grid as CSV, by id (the same rows as `/L/matrix/`).
    func matrixCSV() -> String {
        let h = handbook
        var out = "product,market,cb_reuse,schemes,local_testing,status,lead_time_weeks,confidence,reviewed,"
            + "local_representative,validity_months,factory_inspection,national_differences,accepted_standards,labs\n"
        func range(_ r: ClosedRange<Int>?) -> String { r.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "" }
        for r in h.requirements {
            var fields: [String] = [r.product.id, r.market.id, r.cbReuse.rawValue, r.schemes.map(\.id).joined(separator: ";")]
            fields += [r.localTesting.rawValue, r.status.rawValue, range(r.leadTimeWeeks)]
            fields += [r.confidence?.rawValue ?? "", r.reviewed?.description ?? ""]
            fields += [r.localRepresentative.rawValue, range(r.validityMonths), r.factoryInspection.rawValue]
            fields += [r.nationalDifferences.rawValue, r.acceptedStandards.map(\.written).joined(separator: ";")]
            fields.append(r.labs.map(\.id).joined(separator: ";"))
            out += fields.map(csv).joined(separator: ",") + "\n"
        }
        return out
    }

    /// All data in both languages: see docs/site.md, "api/handbook.json".
    func api() -> [UInt8] {
        let h = handbook
        func text(_ t: LocalizedText) -> JSONValue {
            .object(h.config.languages.map { ($0, .string(t.text($0, fallbacks: h.config.fallbacks(for: $0)))) })
        }
        func source(_ s: SourceRef) -> JSONValue {
            var fields: [(String, JSONValue)] = [("title", .string(s.title)), ("url", .string(s.url))]
            if let c = s.confidence { fields.append(("confidence", .string(c.rawValue))) }
            if let d = s.accessed { fields.append(("accessed", .string(d.description))) }
            return .object(fields)
        }
        func sources(_ s: [SourceRef]) -> JSONValue { .array(s.map(source)) }
        func range(_ r: ClosedRange<Int>?) -> JSONValue { r.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null }
        let root: JSONValue = [
            "format": "handbook-api/1",
            "languages": JSONValue(h.config.languages),
            "title": text(h.config.title),
            "regions": .array(h.regions.map { ["id": .string($0.id), "name": text($0.name)] }),
            "markets": .array(h.markets.map { m in
                ["id": .string(m.id), "name": text(m.name), "region": .string(m.region.id), "iso": .string(m.iso),
                 "blocs": JSONValue(m.blocs), "iecee_member": .string(m.ieceeMember.rawValue),
                 "iecee_ncbs": JSONValue(m.ieceeNCBs.map(\.id)), "confidence": JSONValue(m.confidence?.rawValue),
                 "reviewed": JSONValue(m.reviewed?.description), "summary": text(m.summary), "sources": sources(m.sources)]
            }),
            "products": .array(h.products.map { p in
                ["id": .string(p.id), "name": text(p.name), "hs_codes": JSONValue(p.hsCodes),
                 "iecee_category": .string(p.ieceeCategory), "standards": JSONValue(p.standards.map(\.id)),
                 "reviewed": JSONValue(p.reviewed?.description), "summary": text(p.summary), "sources": sources(p.sources),
                 "confidence": JSONValue(p.confidence?.rawValue)]
            }),
            "standards": .array(h.standards.map { s in
                ["id": .string(s.id), "code": .string(s.code), "title": text(s.title), "kind": .string(s.kind),
                 "iecee_category": .string(s.ieceeCategory), "url": JSONValue(s.url), "editions": JSONValue(s.editions)]
            }),
            "schemes": .array(h.schemes.map { s in
                ["id": .string(s.id), "name": text(s.name), "market": .string(s.market.id), "authority": text(s.authority),
                 "mark": text(s.mark), "obligation": .string(s.obligation.rawValue), "accepts_cb": .string(s.acceptsCB.rawValue),
                 "factory_inspection": .string(s.factoryInspection.rawValue), "local_testing": .string(s.localTesting.rawValue),
                 "local_representative": .string(s.localRepresentative.rawValue), "validity": text(s.validity),
                 "url": JSONValue(s.url), "notes": text(s.notes), "sources": sources(s.sources),
                 "bodies": JSONValue(s.bodies.map(\.id)),
                 "confidence": JSONValue(s.confidence?.rawValue), "reviewed": JSONValue(s.reviewed?.description)]
            }),
            "requirements": .array(h.requirements.map { r in
                let documents = JSONValue.object(h.config.languages.map {
                    ($0, JSONValue(r.documents.items($0, fallbacks: h.config.fallbacks(for: $0))))
                })
                return ["product": .string(r.product.id), "market": .string(r.market.id), "schemes": JSONValue(r.schemes.map(\.id)),
                        "standards": JSONValue(r.standards.map(\.id)), "cb_reuse": .string(r.cbReuse.rawValue),
                        "local_testing": .string(r.localTesting.rawValue), "documents": documents,
                        "lead_time_weeks": r.leadTimeWeeks.map { [.int($0.lowerBound), .int($0.upperBound)] } ?? .null,
                        "status": .string(r.status.rawValue), "effective_from": JSONValue(r.effectiveFrom?.description),
                        "notes": text(r.notes), "sources": sources(r.sources),
                        "confidence": JSONValue(r.confidence?.rawValue), "reviewed": JSONValue(r.reviewed?.description),
                        "labelling": text(r.labelling), "local_representative": .string(r.localRepresentative.rawValue),
                        "local_representative_notes": text(r.localRepresentativeNotes),
                        "validity_months": range(r.validityMonths), "renewal": text(r.renewal), "fees": text(r.fees),
                        "samples": text(r.samples), "factory_inspection": .string(r.factoryInspection.rawValue),
                        "accepted_standards": .array(r.acceptedStandards.map {
                            ["standard": .string($0.standard.id), "edition": JSONValue($0.edition)]
                        }),
                        "national_differences": .string(r.nationalDifferences.rawValue), "labs": JSONValue(r.labs.map(\.id))]
            }),
            "events": .array(h.events.map { e in
                ["id": .string(e.id), "date": .string(e.date.description), "market": .string(e.market.id),
                 "products": JSONValue(e.products.map(\.id)), "schemes": JSONValue(e.schemes.map(\.id)),
                 "title": text(e.title), "source": e.source.map(source) ?? .null,
                 "confidence": JSONValue(e.confidence?.rawValue), "notification": JSONValue(e.notification),
                 "stage": JSONValue(e.stage?.rawValue), "comment_until": JSONValue(e.commentUntil?.description),
                 "postponed_to": JSONValue(e.postponedTo?.description)]
            }),
            "centres": .array(h.centres.map { c in
                ["id": .string(c.id), "name": text(c.name), "region": .string(c.region.id), "city": text(c.city),
                 "markets": JSONValue(c.markets.map(\.id)), "url": JSONValue(c.url)]
            }),
            "bodies": .array(h.bodies.map { b in
                ["id": .string(b.id), "name": text(b.name), "country": .string(b.country.id),
                 "roles": JSONValue(b.roles.map(\.rawValue)), "iecee_categories": JSONValue(b.ieceeCategories),
                 "accreditation": text(b.accreditation), "url": JSONValue(b.url), "notes": text(b.notes),
                 "sources": sources(b.sources), "confidence": JSONValue(b.confidence?.rawValue),
                 "reviewed": JSONValue(b.reviewed?.description)]
            }),
            "changes": .array(h.changes.map { c in
                ["id": .string(c.id), "date": .string(c.date.description), "records": JSONValue(c.records.map(\.id)),
                 "summary": text(c.summary), "sources": sources(c.sources)]
            }),
        ]
        return root.bytes(pretty: true)
    }

    func xml(_ s: String) -> String { HTMLEscape.escape(s) }

    private func csv(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
    }
}
