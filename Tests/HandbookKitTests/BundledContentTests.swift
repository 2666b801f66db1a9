import Foundation
import HandbookMarkdown
import Testing
@testable import HandbookKit

/// The bundled handbook in Content/: complete, sourced, bilingual, and clean under --strict.
@Suite("Bundled content")
struct BundledContentTests {
    static let content = TestPaths.packageRoot.appendingPathComponent("Content").path
    /// The day the content was last reviewed as a whole; staleness is checked by `handbook check`.
    static let today = Day("2026-11-27")!

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
