import Foundation
import HandbookMarkdown
import Testing
@testable import HandbookKit

/// The bundled handbook in Content/: complete, sourced, bilingual, and clean under --strict.
@Suite("Bundled content")
struct BundledContentTests {
    static let content = TestPaths.packageRoot.appendingPathComponent("Content").path
    /// The day the content was last reviewed as a whole; staleness is checked by `handbook check`.
    static let today = Day("2026-12-03")!

    static let loaded: (Handbook?, [Diagnostic]) = {
        let log = DiagnosticLog()
        var options = BuildOptions(content: content, templates: TestPaths.templates, output: "/nonexistent", today: today)
        options.strict = true
        _ = Pipeline.check(options, log: log)
        return (ContentLoader(root: content).load(log: DiagnosticLog()), log.all)
    }()

    var handbook: Handbook { Self.loaded.0! }

    @Test func checksCleanUnderStrict() {
        #expect(Self.loaded.1.isEmpty, "\(Self.loaded.1.map(\.description).joined(separator: "\n"))")
    }

    @Test func coversTheProductsAndMarketsTheIssueAsksFor() {
        #expect(Set(handbook.products.map(\.id)).isSuperset(of: ["li-ion-portable", "li-ion-stationary", "pv-module", "pv-inverter"]))
        #expect(handbook.markets.count >= 32)
        // The Belt and Road markets the content issue names, beside the first edition's eighteen.
        #expect(Set(handbook.markets.map(\.id)).isSuperset(of: [
            "ru", "ph", "kh", "bd", "lk", "kw", "qa", "om", "bh", "iq", "rs", "ng", "ke", "ma",
            "eu", "sa", "ae", "tr", "eg", "za", "uz", "pk", "my", "id", "th", "vn", "kz", "br", "cl", "ar", "pe", "sg",
        ]))
        let regions = Set(handbook.markets.map(\.region.id))
        #expect(regions.isSuperset(of: ["europe", "middle-east", "asean", "central-asia", "south-asia", "south-america", "africa"]))
        #expect(Set(handbook.pages.map(\.path)).isSuperset(of: ["", "about", "how-to", "cb-scheme", "glossary", "disclaimer", "contribute", "transport"]))
        #expect(!handbook.events.isEmpty)
        #expect(!handbook.centres.isEmpty)
    }

    @Test func everyMarketAndProductPairHasOneRequirement() {
        let pairs = Set(handbook.requirements.map { "\($0.product.id)/\($0.market.id)" })
        #expect(pairs.count == handbook.requirements.count, "a pair has two rows")
        var missing: [String] = []
        for m in handbook.markets {
            for p in handbook.products where !pairs.contains("\(p.id)/\(m.id)") { missing.append("\(p.id)/\(m.id)") }
        }
        #expect(missing.isEmpty, "no requirement row for \(missing.joined(separator: ", "))")
        #expect(handbook.requirements.count >= 128)
    }

    @Test func everyMarketStatesItsAuthoritiesAndIECEEStatus() {
        for m in handbook.markets where m.id != "eu" {
            #expect(!m.authorities.isEmpty, "market \(m.id) names no authority")
        }
        // A market's NCBs are bodies with the NCB role, and every such body of a market is listed
        // by it, so the market page and the directory say the same thing.
        let bodies = Dictionary(uniqueKeysWithValues: handbook.bodies.map { ($0.id, $0) })
        for m in handbook.markets {
            for ncb in m.ieceeNCBs { #expect(bodies[ncb.id]?.roles.contains(.ncb) == true, "market \(m.id): \(ncb.id) is not an NCB") }
        }
        for b in handbook.bodies where b.roles.contains(.ncb) && b.country.id != CertificationBody.china {
            #expect(handbook.markets.first { $0.id == b.country.id }?.ieceeNCBs.contains { $0.id == b.id } == true,
                    "body \(b.id) is an NCB of \(b.country.id) but the market does not list it")
        }
        #expect(handbook.markets.filter { !$0.ieceeNCBs.isEmpty }.count >= 6)
    }

    @Test func everyGuideIsWrittenInEveryLanguage() {
        let languages = Set(handbook.config.languages)
        for m in handbook.markets { #expect(Set(m.guide.bodies.keys) == languages, "market \(m.id)") }
        for p in handbook.products { #expect(Set(p.guide.bodies.keys) == languages, "product \(p.id)") }
        for p in handbook.pages { #expect(Set(p.guide.bodies.keys) == languages, "page \(p.path)") }
        for m in handbook.markets {
            for l in languages { #expect(m.name.values[l] != nil && m.summary.values[l] != nil, "market \(m.id) \(l)") }
        }
    }

    @Test func everyFactIsSourcedRatedAndDated() {
        for r in handbook.requirements {
            #expect(!r.sources.isEmpty && r.confidence != nil && r.reviewed != nil, "requirement \(r.id)")
            for l in handbook.config.languages { #expect(r.notes.values[l]?.isEmpty == false, "requirement \(r.id) notes \(l)") }
        }
        for m in handbook.markets {
            #expect(!m.sources.isEmpty && m.confidence != nil && m.reviewed != nil, "market \(m.id)")
        }
        for p in handbook.products {
            #expect(!p.sources.isEmpty && p.confidence != nil && p.reviewed != nil, "product \(p.id)")
        }
        for s in handbook.schemes {
            #expect(!s.sources.isEmpty && s.confidence != nil && s.reviewed != nil, "scheme \(s.id)")
        }
        for b in handbook.bodies {
            #expect(!b.sources.isEmpty && b.confidence != nil && b.reviewed != nil, "body \(b.id)")
            // Every source of a body carries its own confidence and the day it was read.
            #expect(b.sources.allSatisfy { $0.confidence != nil && $0.accessed != nil }, "body \(b.id)")
            for l in handbook.config.languages { #expect(b.name.text(l).isEmpty == false && b.notes.values[l] != nil, "body \(b.id) \(l)") }
        }
        // Every source of every record carries its own confidence and the day it was read.
        let rated: [(String, [SourceRef])] = handbook.requirements.map { ("requirement \($0.id)", $0.sources) }
            + handbook.markets.map { ("market \($0.id)", $0.sources) } + handbook.products.map { ("product \($0.id)", $0.sources) }
            + handbook.schemes.map { ("scheme \($0.id)", $0.sources) } + handbook.changes.map { ("change of \($0.date)", $0.sources) }
        for (record, sources) in rated {
            for source in sources where source.confidence == nil || source.accessed == nil || source.kind == nil {
                Issue.record("\(record): source \(source.url) has no confidence, 'accessed' day or kind")
            }
        }
        for e in handbook.events { #expect(e.source != nil && e.source?.kind != nil && e.confidence != nil, "event of \(e.date)") }
        // The page every confidence and completeness badge links to.
        #expect(handbook.page("trust") != nil)
        for c in handbook.changes {
            #expect(!c.sources.isEmpty, "change of \(c.date)")
            for l in handbook.config.languages { #expect(c.summary.values[l]?.isEmpty == false, "change of \(c.date) \(l)") }
        }
    }

    @Test func usesTheDataModelForExportersNextQuestions() {
        let h = handbook
        // China-side bodies: the NCB and CB test labs with battery or PV scope.
        let china = h.bodies.filter { $0.country.id == CertificationBody.china }
        #expect(china.contains { $0.roles.contains(.ncb) })
        #expect(china.contains { $0.roles.contains(.cbtl) && $0.ieceeCategories.contains("BATT") })
        #expect(china.contains { $0.roles.contains(.cbtl) && $0.ieceeCategories.contains("PV") })
        #expect(Set(h.bodies.flatMap(\.roles)).isSuperset(of: [.ncb, .cbtl, .authority, .accreditation, .conformityBody]))
        #expect(h.markets.contains { !$0.ieceeNCBs.isEmpty })
        #expect(h.schemes.contains { !$0.bodies.isEmpty })
        // The requirement fields, each used at least once.
        let r = h.requirements
        #expect(r.contains { !$0.labelling.isEmpty })
        #expect(r.contains { $0.localRepresentative != .unknown && !$0.localRepresentativeNotes.isEmpty })
        #expect(r.contains { $0.validityMonths != nil })
        #expect(r.contains { !$0.renewal.isEmpty })
        #expect(r.contains { !$0.samples.isEmpty })
        #expect(r.contains { $0.factoryInspection != .unknown })
        #expect(r.contains { $0.acceptedStandards.contains { $0.edition != nil } })
        #expect(r.contains { $0.nationalDifferences != .unknown })
        #expect(r.contains { !$0.labs.isEmpty })
        // Notifications, postponements, the change log, per-source confidence.
        #expect(h.events.contains { $0.notification != nil && $0.commentUntil != nil })
        #expect(h.events.contains { $0.stage == .postponed && $0.postponedTo.map { to in h.events.contains { $0.date == to } } == true })
        #expect(!h.changes.isEmpty)
        #expect(h.standards.contains { $0.editions.count > 1 })
        #expect(r.contains { $0.sources.contains { $0.confidence != nil } })
    }

    @Test func leadTimesAreNeverGuessed() {
        // The reference has sourced lead times for very few markets; a figure must cite its source
        // in the notes. Every row with a lead time is low/medium confidence or explicitly sourced.
        for r in handbook.requirements where r.leadTimeWeeks != nil {
            #expect(!r.sources.isEmpty, "requirement \(r.id) has a lead time without a source")
        }
    }

    @Test func usesEveryFeatureEditorsShouldSee() throws {
        var kinds = Set<CrossReference.Kind>()
        var alerts = false, tables = false
        let guides = handbook.markets.map(\.guide) + handbook.products.map(\.guide) + handbook.pages.map(\.guide)
        for guide in guides {
            for body in guide.bodies.values {
                for link in body.document.links { if let ref = CrossReference(link.destination) { kinds.insert(ref.kind) } }
                alerts = alerts || body.document.hasAlerts
                tables = tables || body.document.hasTables
            }
        }
        #expect(kinds == Set(CrossReference.Kind.allCases))
        #expect(alerts)
        #expect(tables)
        let explicitIDs = try FileManager.default.subpathsOfDirectory(atPath: Self.content)
            .filter { $0.hasSuffix(".md") }
            .contains { (Files.read(Self.content + "/" + $0) ?? "").contains(" {#") }
        #expect(explicitIDs)
    }

    /// The writing rules of the content issue: the handbook's terms are declared in site.yml (so
    /// `check --strict`, run on the bundled content above, flags their variants), and confidence
    /// is shown by the marks, never written in the text.
    @Test func oneTermPerConceptAndConfidenceOnlyInTheMarks() throws {
        let terms = Dictionary(uniqueKeysWithValues: handbook.config.terms.map { ($0.preferred, Set($0.variants)) })
        for (preferred, variants) in [("光伏组件", ["光伏板", "太阳能电池板", "太阳能板"]), ("受控产品", ["管制产品"]),
                                      ("清单未列入", ["未被点名"]), ("国家差异", ["国别差异"])] {
            #expect(terms[preferred]?.isSuperset(of: variants) == true, "\(preferred) in site.yml terms")
        }
        #expect(!Self.loaded.1.contains { $0.code == .termVariant })
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.content).filter { $0.hasSuffix(".md") }
        var problems: [String] = []
        for file in files {
            let text = Files.read(Self.content + "/" + file) ?? ""
            guard let end = text.range(of: "\n---", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else { continue }
            let body = text[end.upperBound...]
            for tag in ["（可信度：", "，可信度：", "(confidence: ", ", confidence: "] where body.contains(tag) {
                problems.append("\(file): confidence written in the text ('\(tag)')")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func documentChecklistItemsAreWhole() {
        var broken: [String] = []
        for r in handbook.requirements {
            for l in handbook.config.languages {
                for item in r.documents.values[l] ?? [] {
                    let pairs: [(Character, Character)] = [("(", ")"), ("（", "）")]
                    if pairs.contains(where: { open, close in item.filter { $0 == open }.count != item.filter { $0 == close }.count }) {
                        broken.append("\(r.id) (\(l)): \(item)")
                    }
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.joined(separator: "\n"))")
    }

    @Test func correctionsAreInTheChangeLog() {
        // Each fact the content review corrected names its record in a change-log entry.
        let logged = Set(handbook.changes.flatMap { $0.records.map(\.id) })
        for record in Self.corrections { #expect(logged.contains(record), "no change-log entry for \(record)") }
    }

    /// The records the 2026-12 content review corrected (see the closing note of the content issue).
    static let corrections = [
        "scheme:eu-battery-regulation", "req:li-ion-stationary/eu", "scheme:eu-lvd", "req:li-ion-portable/vn", "body:vn-most",
        "scheme:sa-iecee-rc", "body:wera", "scheme:ae-ecas", "scheme:eg-goeic-registration", "req:pv-inverter/za",
        "scheme:za-metro-inverter-list", "scheme:pk-sro-604", "req:pv-module/tr", "req:li-ion-portable/th", "req:pv-inverter/th",
        "scheme:my-st-coa", "req:li-ion-portable/sg", "req:pv-module/id", "scheme:pe-ds-009-2019-em", "scheme:br-inmetro-140-2022",
        "scheme:ar-res-16-2025",
    ]
}
