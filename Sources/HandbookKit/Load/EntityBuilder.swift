/// Turns raw records and Markdown files into model entities, reporting every bad field.
struct EntityBuilder {
    let config: SiteConfig
    let log: DiagnosticLog

    // MARK: Tables

    func region(_ row: TableReader.Row) -> Region {
        var r = row.reader
        let id = checkedID(r.string("id", required: true), r)
        let region = Region(id: id, name: r.text("name", required: true), location: r.location)
        r.finish()
        return region
    }

    func standard(_ row: TableReader.Row) -> Standard {
        var r = row.reader
        let s = Standard(id: checkedID(r.string("id", required: true), r), code: r.string("code", required: true) ?? "",
                         title: r.text("title", required: true), kind: r.string("kind") ?? "",
                         ieceeCategory: r.string("iecee_category") ?? "", url: r.url("url"),
                         editions: r.strings("editions"), location: r.location)
        r.finish()
        return s
    }

    func scheme(_ row: TableReader.Row) -> Scheme {
        var r = row.reader
        let sources = r.sources("sources")
        let s = Scheme(
            id: checkedID(r.string("id", required: true), r), name: r.text("name", required: true),
            market: r.ref("market", required: true) ?? Ref(id: "", location: r.location),
            authority: r.text("authority"), mark: r.text("mark"),
            obligation: r.word("obligation", default: Obligation.unknown)!,
            acceptsCB: r.word("accepts_cb", default: AcceptsCB.unknown)!,
            factoryInspection: r.word("factory_inspection", default: YesNo.unknown)!,
            localTesting: r.word("local_testing", default: YesNo.unknown)!,
            localRepresentative: r.word("local_representative", default: YesNo.unknown)!,
            validity: r.text("validity"), url: r.url("url"), bodies: r.refs("bodies"), notes: r.text("notes"),
            sources: sources, confidence: r.confidence(sources: sources), reviewed: r.day("reviewed"), location: r.location)
        r.finish()
        return s
    }

    func requirement(_ row: TableReader.Row) -> Requirement? {
        var r = row.reader
        let product = r.ref("product", required: true)
        let market = r.ref("market", required: true)
        let sources = r.sources("sources")
        var req = Requirement(
            product: product ?? Ref(id: "", location: r.location), market: market ?? Ref(id: "", location: r.location),
            schemes: r.refs("schemes"), standards: r.refs("standards"),
            cbReuse: r.word("cb_reuse", default: CBReuse.unknown)!,
            localTesting: r.word("local_testing", default: YesNo.unknown)!,
            documents: r.localizedList("documents"), leadTimeWeeks: r.weeks("lead_time_weeks"),
            status: r.word("status", default: RequirementStatus.unknown)!, effectiveFrom: r.day("effective_from"),
            notes: r.text("notes"), sources: sources, confidence: r.confidence(sources: sources),
            reviewed: r.day("reviewed"), location: r.location)
        req.labelling = r.text("labelling")
        req.localRepresentative = r.word("local_representative", default: Requiredness.unknown)!
        req.localRepresentativeNotes = r.text("local_representative_notes")
        req.validityMonths = r.range("validity_months", example: "36 or a range like 36-60")
        req.renewal = r.text("renewal")
        req.fees = r.text("fees")
        req.samples = r.text("samples")
        req.factoryInspection = r.word("factory_inspection", default: YesNo.unknown)!
        req.acceptedStandards = r.list("accepted_standards").map { text, location in
            let parts = text.split(separator: ":", maxSplits: 1).map { String($0).trimmed() }
            return AcceptedStandard(standard: Ref(id: parts[0], location: location), edition: parts.count > 1 ? parts[1] : nil)
        }
        req.nationalDifferences = r.word("national_differences", default: Requiredness.unknown)!
        req.labs = r.refs("labs")
        r.finish()
        return product == nil || market == nil ? nil : req
    }

    func event(_ row: TableReader.Row) -> RegulatoryEvent? {
        var r = row.reader
        let date = r.day("date", required: true)
        var source: SourceRef?
        if let raw = r.raw("source") { source = r.source(raw) }
        var e = RegulatoryEvent(
            date: date ?? Day(daysSinceEpoch: 0), market: r.ref("market", required: true) ?? Ref(id: "", location: r.location),
            products: r.refs("products"), title: r.text("title", required: true), source: source,
            confidence: r.confidence(sources: source.map { [$0] } ?? []), location: r.location)
        e.schemes = r.refs("schemes")
        if let symbol = r.string("notification") {
            if Self.isTBTSymbol(symbol) {
                e.notification = symbol
            } else {
                log.error(.invalidValue, "'notification' is '\(symbol)', which is not a WTO TBT notification symbol",
                          at: r.map["notification"]!.location,
                          hint: "write the symbol as the WTO gives it, e.g. G/TBT/N/SAU/1234 or G/TBT/N/EU/1001/Add.1")
            }
        }
        e.stage = r.word("stage")
        e.commentUntil = r.day("comment_until")
        e.postponedTo = r.day("postponed_to")
        if e.stage == .postponed, e.postponedTo == nil {
            log.warning(.missingField, "event of \(e.date) is postponed but has no 'postponed_to'", at: r.map["stage"]!.location,
                        hint: "add 'postponed_to: YYYY-MM-DD' with the new date (and an event on that date)")
        } else if let to = e.postponedTo, e.stage != .postponed {
            log.warning(.invalidValue, "event of \(e.date) has 'postponed_to: \(to)' but its stage is not 'postponed'",
                        at: r.map["postponed_to"]!.location, hint: "add 'stage: postponed', or remove 'postponed_to'")
        }
        r.finish()
        return date == nil ? nil : e
    }

    /// `G/TBT/N/<member>/<number>` with optional `/Add.N`, `/Rev.N`, `/Corr.N` parts, as the WTO writes them.
    static func isTBTSymbol(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 5, parts[0] == "G", parts[1] == "TBT", parts[2] == "N",
              (2...4).contains(parts[3].count), parts[3].allSatisfy({ $0.isASCII && $0.isUppercase }),
              !parts[4].isEmpty, parts[4].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.dropFirst(5).allSatisfy { part in
            ["Add.", "Rev.", "Corr.", "Suppl."].contains { prefix in
                part.hasPrefix(prefix) && part.count > prefix.count && part.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
            }
        }
    }

    func body(_ row: TableReader.Row) -> CertificationBody {
        var r = row.reader
        let id = checkedID(r.string("id", required: true), r)
        let sources = r.sources("sources")
        var roles: [BodyRole] = []
        for (word, location) in r.list("roles") {
            if let role = BodyRole(rawValue: word.lowercased()) {
                roles.append(role)
            } else {
                let words = BodyRole.allCases.map(\.rawValue)
                log.error(.invalidValue, "role '\(word)' is not one of \(words.joined(separator: ", "))"
                          + Suggestions.didYouMean(word.lowercased(), in: words), at: location,
                          hint: "write one or more of: \(words.joined(separator: ", "))")
            }
        }
        var categories: [String] = []
        for (word, location) in r.list("iecee_categories") {
            let upper = word.uppercased()
            if !CertificationBody.ieceeCategories.contains(upper) {
                log.warning(.invalidValue, "'\(word)' is not an IECEE category"
                            + Suggestions.didYouMean(upper, in: CertificationBody.ieceeCategories), at: location,
                            hint: "IECEE categories: \(CertificationBody.ieceeCategories.joined(separator: ", "))")
            }
            categories.append(upper)
        }
        let body = CertificationBody(
            id: id, name: r.text("name", required: true),
            country: r.ref("country", required: true) ?? Ref(id: "", location: r.location),
            roles: roles, ieceeCategories: categories, accreditation: r.text("accreditation"), url: r.url("url"),
            notes: r.text("notes"), sources: sources, confidence: r.confidence(sources: sources),
            reviewed: r.day("reviewed"), location: r.location)
        r.finish()
        return body
    }

    func change(_ row: TableReader.Row) -> ChangeLogEntry? {
        var r = row.reader
        let date = r.day("date", required: true)
        let entry = ChangeLogEntry(date: date ?? Day(daysSinceEpoch: 0), records: r.refs("records", required: true),
                                   summary: r.text("summary", required: true), sources: r.sources("sources"),
                                   location: r.location)
        r.finish()
        return date == nil ? nil : entry
    }

    func centre(_ row: TableReader.Row) -> Centre {
        var r = row.reader
        let c = Centre(id: checkedID(r.string("id", required: true), r), name: r.text("name", required: true),
                       region: r.ref("region", required: true) ?? Ref(id: "", location: r.location),
                       city: r.text("city"), markets: r.refs("markets"), url: r.url("url"), location: r.location)
        r.finish()
        return c
    }

    func checkedID(_ id: String?, _ r: RecordReader) -> String {
        guard let id else { return "" }
        if !ContentLoader.isValidID(id) {
            log.error(.invalidValue, "id '\(id)' may only use lower-case letters, digits and '-'",
                      at: r.map["id"]?.location ?? r.location, hint: "e.g. 'iec-62133-2'")
        }
        return id
    }

    /// Keeps the first entity of each id and reports the others as duplicates.
    func unique<T: Identified>(_ items: [T], _ kind: String) -> [T] {
        var seen: [String: SourceLocation] = [:]
        return items.filter { item in
            if item.id.isEmpty { return true }
            if let first = seen[item.id] {
                log.error(.duplicateID, "duplicate \(kind) '\(item.id)' (first defined at \(first))", at: item.location,
                          hint: "remove one of them or give it another id")
                return false
            }
            seen[item.id] = item.location
            return true
        }
    }

    // MARK: Guides

    /// A guide's files: the default-language file and its translations.
    struct FileGroup {
        var base: MarkdownFile
        var translations: [MarkdownFile]
    }

    func group(_ files: [MarkdownFile], _ kind: MarkdownFile.Kind) -> [FileGroup] {
        var bases: [String: MarkdownFile] = [:]
        var translations: [String: [MarkdownFile]] = [:]
        for file in files where file.kind == kind {
            if file.isTranslation {
                translations[file.id, default: []].append(file)
            } else if let first = bases[file.id] {
                log.error(.duplicateID, "duplicate \(kind.rawValue.dropLast()) '\(file.id)' (also in \(first.file))",
                          at: SourceLocation(file: file.file), hint: "keep one file")
            } else {
                bases[file.id] = file
            }
        }
        for (id, files) in translations where bases[id] == nil {
            for file in files {
                log.error(.missingField, "translation has no main file for '\(id)'", at: SourceLocation(file: file.file),
                          hint: "create the \(config.defaultLanguage) file next to it (without .\(file.language))")
            }
        }
        return bases.keys.sorted().map { FileGroup(base: bases[$0]!, translations: translations[$0] ?? []) }
    }

    /// The guide bodies and the text overrides that translations set in their front matter.
    func guide(_ group: FileGroup, overridable: [String]) -> (Guide, [String: LocalizedText]) {
        var bodies: [String: Guide.Body] = [:]
        if let b = group.base.body { bodies[b.language] = b }
        var overrides: [String: LocalizedText] = [:]
        for file in group.translations {
            if let b = file.body { bodies[b.language] = b }
            var r = RecordReader(file.frontMatter, what: "translation front matter", at: SourceLocation(file: file.file),
                                 languages: config.languages, log: log)
            for key in overridable {
                let text = r.text(key)
                if let plain = text.values["*"] {
                    overrides[key, default: LocalizedText()].values[file.language] = plain
                } else {
                    overrides[key] = (overrides[key] ?? LocalizedText()).merged(with: text)
                }
            }
            r.finish()
        }
        return (Guide(bodies: bodies), overrides)
    }

    func market(_ group: FileGroup) -> Market? {
        guard group.base.body != nil else { return nil }
        let (guide, overrides) = guide(group, overridable: ["name", "summary"])
        var r = RecordReader(group.base.frontMatter, what: "market '\(group.base.id)'",
                             at: SourceLocation(file: group.base.file), languages: config.languages, log: log)
        let sources = r.sources("sources")
        var member = YesNo.unknown
        var ncbs: [Ref] = []
        var notes = LocalizedText()
        if var iecee = r.nested("iecee", what: "'iecee'") {
            member = iecee.word("member", default: YesNo.unknown)!
            ncbs = iecee.refs("ncbs")
            notes = iecee.text("notes")
            iecee.finish()
        }
        var authorities: [Authority] = []
        if let raw = r.raw("authorities") {
            if case .list(let items, _) = raw {
                for item in items {
                    var a = RecordReader(item, what: "an authority", at: item.location, languages: config.languages, log: log)
                    authorities.append(Authority(name: a.text("name", required: true), url: a.url("url"), role: a.text("role")))
                    a.finish()
                }
            } else {
                log.error(.wrongType, "'authorities' should be a list of {name, url, role}", at: raw.location)
            }
        }
        let market = Market(
            id: group.base.id, name: r.text("name", required: true).merged(with: overrides["name"] ?? LocalizedText()),
            region: r.ref("region", required: true) ?? Ref(id: "", location: r.location),
            iso: r.string("iso") ?? "", blocs: r.strings("blocs"), authorities: authorities,
            ieceeMember: member, ieceeNCBs: ncbs, ieceeNotes: notes, reviewed: r.day("reviewed"),
            reviewedLocation: r.map["reviewed"]?.location ?? r.location,
            confidence: r.confidence(sources: sources), sources: sources,
            summary: r.text("summary").merged(with: overrides["summary"] ?? LocalizedText()),
            guide: guide, location: r.location)
        r.finish()
        return market
    }

    func product(_ group: FileGroup) -> Product? {
        guard group.base.body != nil else { return nil }
        let (guide, overrides) = guide(group, overridable: ["name", "summary"])
        var r = RecordReader(group.base.frontMatter, what: "product '\(group.base.id)'",
                             at: SourceLocation(file: group.base.file), languages: config.languages, log: log)
        let sources = r.sources("sources")
        var product = Product(
            id: group.base.id, name: r.text("name", required: true).merged(with: overrides["name"] ?? LocalizedText()),
            hsCodes: r.strings("hs_codes"), ieceeCategory: r.string("iecee_category") ?? "",
            standards: r.refs("standards"), reviewed: r.day("reviewed"),
            reviewedLocation: r.map["reviewed"]?.location ?? r.location, confidence: r.confidence(sources: sources),
            sources: sources,
            summary: r.text("summary").merged(with: overrides["summary"] ?? LocalizedText()),
            guide: guide, location: r.location)
        product.shortName = r.text("short_name")
        r.finish()
        return product
    }

    func pages(_ groups: [FileGroup]) -> [FreePage] {
        groups.compactMap { group in
            let top = String(group.base.id.split(separator: "/").first ?? "")
            if ContentLoader.reservedPaths.contains(top) {
                log.error(.reservedID, "page path '\(group.base.id)' clashes with the site's own '\(top)/' section",
                          at: SourceLocation(file: group.base.file), hint: "rename the file or move it into a folder")
                return nil
            }
            guard group.base.body != nil else { return nil }
            let (guide, overrides) = guide(group, overridable: ["title", "summary"])
            var r = RecordReader(group.base.frontMatter, what: "page '\(group.base.id)'",
                                 at: SourceLocation(file: group.base.file), languages: config.languages, log: log)
            let page = FreePage(
                path: group.base.id,
                title: r.text("title", required: true).merged(with: overrides["title"] ?? LocalizedText()),
                summary: r.text("summary").merged(with: overrides["summary"] ?? LocalizedText()),
                reviewed: r.day("reviewed"), reviewedLocation: r.map["reviewed"]?.location ?? r.location,
                guide: guide, location: r.location)
            r.finish()
            return page
        }
    }
}
