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
        req.validityMonths = r.range("validity_months", example: ("36", "36-60"))
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
                log.error(.invalidValue, Phrase(en: "'notification' is '\(symbol)', which is not a WTO TBT notification symbol",
                                                zh: "“notification”的值“\(symbol)”不是 WTO TBT 通报编号"),
                          at: r.map["notification"]!.location,
                          hint: Phrase(en: "write the symbol as the WTO gives it, e.g. G/TBT/N/SAU/1234 or G/TBT/N/EU/1001/Add.1",
                                       zh: "按 WTO 公布的写法填写编号，例如 G/TBT/N/SAU/1234 或 G/TBT/N/EU/1001/Add.1"))
            }
        }
        e.stage = r.word("stage")
        e.commentUntil = r.day("comment_until")
        e.postponedTo = r.day("postponed_to")
        if e.stage == .postponed, e.postponedTo == nil {
            log.warning(.missingField, Phrase(en: "event of \(e.date) is postponed but has no 'postponed_to'",
                                              zh: "\(e.date) 的事件已推迟，但缺少字段“postponed_to”"),
                        at: r.map["stage"]!.location,
                        hint: Phrase(en: "add 'postponed_to: YYYY-MM-DD' with the new date (and an event on that date)",
                                     zh: "添加“postponed_to: YYYY-MM-DD”写明新日期（并在那一天添加一个事件）"))
        } else if let to = e.postponedTo, e.stage != .postponed {
            log.warning(.invalidValue, Phrase(en: "event of \(e.date) has 'postponed_to: \(to)' but its stage is not 'postponed'",
                                              zh: "\(e.date) 的事件写了“postponed_to: \(to)”，但 stage 不是“postponed”"),
                        at: r.map["postponed_to"]!.location,
                        hint: Phrase(en: "add 'stage: postponed', or remove 'postponed_to'", zh: "添加“stage: postponed”，或删除“postponed_to”"))
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
                let suggestion = Suggestions.suggestion(word.lowercased(), in: words), list = Phrase.list(words)
                log.error(.invalidValue,
                          Phrase(en: "role '\(word)' is not one of \(list.en)\(suggestion.en)",
                                 zh: "角色“\(word)”无效\(suggestion.zh)，应为 \(list.zh) 之一"), at: location,
                          hint: Phrase(en: "write one or more of: ", zh: "可写其中一个或多个：") + list)
            }
        }
        var categories: [String] = []
        for (word, location) in r.list("iecee_categories") {
            let upper = word.uppercased()
            if !CertificationBody.ieceeCategories.contains(upper) {
                log.warning(.invalidValue, Phrase(en: "'\(word)' is not an IECEE category", zh: "“\(word)”不是 IECEE 产品类别")
                                + Suggestions.suggestion(upper, in: CertificationBody.ieceeCategories), at: location,
                            hint: Phrase(en: "IECEE categories: ", zh: "IECEE 产品类别：") + .list(CertificationBody.ieceeCategories))
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
            log.error(.invalidValue, Phrase(en: "id '\(id)' may only use lower-case letters, digits and '-'",
                                            zh: "id“\(id)”只能用小写字母、数字和“-”"),
                      at: r.map["id"]?.location ?? r.location, hint: Phrase(en: "e.g. 'iec-62133-2'", zh: "例如“iec-62133-2”"))
        }
        return id
    }

    /// Keeps the first entity of each id and reports the others as duplicates.
    func unique<T: Identified>(_ items: [T], _ kind: Phrase) -> [T] {
        var seen: [String: SourceLocation] = [:]
        return items.filter { item in
            if item.id.isEmpty { return true }
            if let first = seen[item.id] {
                log.error(.duplicateID, Phrase(en: "duplicate \(kind.en) '\(item.id)' (first defined at \(first))",
                                               zh: "重复的\(kind.zh)“\(item.id)”（首次定义于 \(first)）"),
                          at: item.location,
                          hint: Phrase(en: "remove one of them or give it another id", zh: "删除其中一个，或给它换一个 id"))
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
                log.error(.duplicateID, Phrase(en: "duplicate \(kind.recordKind.name.en) '\(file.id)' (also in \(first.file))",
                                               zh: "重复的\(kind.recordKind.name.zh)“\(file.id)”（\(first.file) 中也有）"),
                          at: SourceLocation(file: file.file), hint: Phrase(en: "keep one file", zh: "只保留一个文件"))
            } else {
                bases[file.id] = file
            }
        }
        for (id, files) in translations where bases[id] == nil {
            for file in files {
                log.error(.missingField, Phrase(en: "translation has no main file for '\(id)'", zh: "译文“\(id)”没有对应的主文件"),
                          at: SourceLocation(file: file.file),
                          hint: Phrase(en: "create the \(config.defaultLanguage) file next to it (without .\(file.language))",
                                       zh: "在旁边创建 \(config.defaultLanguage) 文件（文件名不带 .\(file.language)）"))
            }
        }
        return bases.keys.sorted().map { FileGroup(base: bases[$0]!, translations: translations[$0] ?? []) }
    }

    /// The guide bodies and the text overrides that translations set in their front matter.
    func guide(_ group: FileGroup, overridable: [String]) -> (Guide, [String: LocalizedText]) {
        var bodies: [String: Guide.Body] = [:]
        if let b = group.base.body { bodies[b.language] = b }
        var overrides: [String: LocalizedText] = [:]
        var stamps: [String: TranslationStamp] = [:]
        for file in group.translations {
            if let b = file.body { bodies[b.language] = b }
            var r = RecordReader(file.frontMatter, what: Phrase(en: "translation front matter", zh: "译文的前置元数据"), at: SourceLocation(file: file.file),
                                 languages: config.languages, log: log)
            if let version = r.string("translation_of"), let at = r.raw("translation_of")?.location {
                stamps[file.language] = TranslationStamp(version: version, location: at)
            }
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
        return (Guide(bodies: bodies, stamps: stamps), overrides)
    }

    func market(_ group: FileGroup) -> Market? {
        guard group.base.body != nil else { return nil }
        let (guide, overrides) = guide(group, overridable: ["name", "summary"])
        var r = RecordReader(group.base.frontMatter, what: Phrase(en: "market '\(group.base.id)'", zh: "市场“\(group.base.id)”"),
                             at: SourceLocation(file: group.base.file), languages: config.languages, log: log)
        let sources = r.sources("sources")
        var member = YesNo.unknown
        var ncbs: [Ref] = []
        var notes = LocalizedText()
        if var iecee = r.nested("iecee", what: Phrase(en: "'iecee'", zh: "“iecee”")) {
            member = iecee.word("member", default: YesNo.unknown)!
            ncbs = iecee.refs("ncbs")
            notes = iecee.text("notes")
            iecee.finish()
        }
        var authorities: [Authority] = []
        if let raw = r.raw("authorities") {
            if case .list(let items, _) = raw {
                for item in items {
                    var a = RecordReader(item, what: Phrase(en: "an authority", zh: "主管机构条目"), at: item.location, languages: config.languages, log: log)
                    authorities.append(Authority(name: a.text("name", required: true), url: a.url("url"), role: a.text("role")))
                    a.finish()
                }
            } else {
                log.error(.wrongType, Phrase(en: "'authorities' should be a list of {name, url, role}",
                                             zh: "“authorities”应为 {name, url, role} 的列表"), at: raw.location)
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
        var r = RecordReader(group.base.frontMatter, what: Phrase(en: "product '\(group.base.id)'", zh: "产品“\(group.base.id)”"),
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
                log.error(.reservedID, Phrase(en: "page path '\(group.base.id)' clashes with the site's own '\(top)/' section",
                                              zh: "页面路径“\(group.base.id)”与网站自带的“\(top)/”栏目冲突"),
                          at: SourceLocation(file: group.base.file),
                          hint: Phrase(en: "rename the file or move it into a folder", zh: "给文件改名，或把它移到一个文件夹中"))
                return nil
            }
            guard group.base.body != nil else { return nil }
            let (guide, overrides) = guide(group, overridable: ["title", "summary"])
            var r = RecordReader(group.base.frontMatter, what: Phrase(en: "page '\(group.base.id)'", zh: "页面“\(group.base.id)”"),
                                 at: SourceLocation(file: group.base.file), languages: config.languages, log: log)
            var page = FreePage(
                path: group.base.id,
                title: r.text("title", required: true).merged(with: overrides["title"] ?? LocalizedText()),
                summary: r.text("summary").merged(with: overrides["summary"] ?? LocalizedText()),
                reviewed: r.day("reviewed"), reviewedLocation: r.map["reviewed"]?.location ?? r.location,
                guide: guide, location: r.location)
            page.showsTerms = r.word("show_terms", default: YesNo.no) == .yes
            r.finish()
            return page
        }
    }
}
