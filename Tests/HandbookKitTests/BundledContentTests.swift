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
        #expect(handbook.markets.count >= 14)
        let regions = Set(handbook.markets.map(\.region.id))
        #expect(regions.isSuperset(of: ["europe", "middle-east", "asean", "central-asia", "south-america", "africa"]))
        #expect(handbook.requirements.count >= 40)
        #expect(Set(handbook.pages.map(\.path)).isSuperset(of: ["", "about", "how-to", "cb-scheme", "glossary", "disclaimer", "contribute"]))
        #expect(!handbook.events.isEmpty)
        #expect(!handbook.centres.isEmpty)
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
}
