import Foundation
import Testing
@testable import HandbookKit

/// `LiveSite` (the preview's incremental rebuilds): after every kind of edit, the served output
/// must be byte for byte what a full `handbook build` of the same files writes, and a broken
/// edit must leave the served output as it was.
@Suite struct LiveSiteTests {
    /// One edit to the bundled handbook: the files it touches (relative to the copy's root) and
    /// how the preview should classify it.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var kind: LiveUpdate.Kind
        var apply: @Sendable (String) throws -> [String]
        var testDescription: String { name }
    }

    static func append(_ relative: String, _ text: String) -> @Sendable (String) throws -> [String] {
        { root in
            let path = root + "/" + relative
            try Files.write(path, (Files.read(path) ?? "") + text)
            return [relative]
        }
    }

    static func replace(_ relative: String, _ old: String, _ new: String) -> @Sendable (String) throws -> [String] {
        { root in
            let path = root + "/" + relative
            let text = try #require(Files.read(path))
            #expect(text.contains(old), "the edit's text is not in \(relative)")
            try Files.write(path, text.replacingOccurrences(of: old, with: new))
            return [relative]
        }
    }

    static let edits: [Edit] = [
        Edit(name: "market body", kind: .body, apply: append("Content/markets/sa.md", "\n新增一段文字。\n")),
        Edit(name: "translation body", kind: .body, apply: append("Content/markets/sa.en.md", "\nA new paragraph.\n")),
        Edit(name: "page body links a standard", kind: .body,
             apply: append("Content/pages/about.en.md", "\nSee [the battery standard](standard:un-38-3).\n")),
        Edit(name: "page heading renamed", kind: .body,
             apply: append("Content/pages/glossary.en.md", "\n## A new heading {#new-heading}\n\nText.\n")),
        Edit(name: "home intro body", kind: .body, apply: append("Content/pages/index.en.md", "\nWelcome.\n")),
        Edit(name: "market front matter", kind: .frontMatter,
             apply: replace("Content/markets/sa.md", "region: middle-east", "region: asean")),
        Edit(name: "page title", kind: .frontMatter,
             apply: replace("Content/pages/about.md", "en: About this handbook", "en: About the handbook")),
        Edit(name: "table cell", kind: .table,
             apply: replace("Content/data/requirements.yml",
                            "market: eu\n  schemes: [eu-battery-regulation]\n  standards: [iec-62133-2, un-38-3]\n  cb_reuse: partial",
                            "market: eu\n  schemes: [eu-battery-regulation]\n  standards: [iec-62133-2, un-38-3]\n  cb_reuse: full")),
        Edit(name: "table row added", kind: .table,
             // Every product × market pair already has a requirement, so the new row is an event.
             apply: append("Content/data/events.yml", """

                 - date: 2026-12-01
                   market: sa
                   products: [li-ion-portable]
                   title: {zh: 新增事件, en: A new event}
                   source: {title: SASO, url: "https://saso.gov.sa/en/", confidence: high}
                   confidence: high

                 """)),
        Edit(name: "body renamed", kind: .table,
             apply: replace("Content/data/bodies.yml", "zh: 中国质量认证中心（CQC）", "zh: 中国质量认证中心")),
        Edit(name: "change-log entry added", kind: .table,
             apply: append("Content/data/changes.yml",
                           "\n- date: 2026-12-04\n  records: [req:pv-module/sa, body:cqc]\n  summary: {zh: 新的更正, en: A new correction}\n")),
        Edit(name: "event postponed", kind: .table,
             apply: replace("Content/data/events.yml", "  notification: G/TBT/N/SAU/1078\n  stage: in-force",
                            "  notification: G/TBT/N/SAU/1078\n  stage: postponed\n  postponed_to: 2025-08-18")),
        Edit(name: "body link in a page", kind: .body,
             apply: append("Content/pages/about.en.md", "\nSee [CQC](body:cqc).\n")),
        Edit(name: "page template", kind: .template,
             apply: replace("Templates/market.mustache", "{{{body}}}", "<div class=\"x\">{{{body}}}</div>")),
        Edit(name: "UI strings", kind: .whole, apply: replace("Templates/i18n/en.yml", "nav_markets: Markets", "nav_markets: Market guides")),
        Edit(name: "stylesheet", kind: .whole, apply: append("Templates/assets/style.css", "\n.x { color: red; }\n")),
        Edit(name: "new page", kind: .whole,
             apply: { root in
                 try Files.write(root + "/Content/pages/new-page.md",
                                 "---\ntitle: {zh: 新页面, en: New page}\nreviewed: 2026-11-27\n---\n\n正文。\n")
                 return ["Content/pages/new-page.md"]
             }),
        Edit(name: "page removed", kind: .whole,
             apply: { root in
                 try FileManager.default.removeItem(atPath: root + "/Content/pages/contribute.en.md")
                 return ["Content/pages/contribute.en.md"]
             }),
        Edit(name: "site.yml", kind: .whole,
             apply: replace("Content/site.yml", "review_max_age_days: 365", "review_max_age_days: 30")),
        Edit(name: "editor's temporary file", kind: .none,
             apply: { root in
                 try Files.write(root + "/Content/markets/.sa.md.swp", "junk")
                 return ["Content/markets/.sa.md.swp", "Content/markets/sa.md~"]
             }),
    ]

    /// A copy of the bundled handbook and theme to edit.
    final class Workspace: @unchecked Sendable {
        let folder = TemporaryFolder("live")
        var root: String { folder.path }
        var options: BuildOptions {
            BuildOptions(content: root + "/Content", templates: root + "/Templates", output: root + "/Site",
                         today: Day("2026-11-27")!)
        }

        init() throws {
            try Files.copy(TestPaths.packageRoot.appendingPathComponent("Content").path, to: root + "/Content")
            try Files.copy(TestPaths.templates, to: root + "/Templates")
        }

        /// What a full build of the files as they are now writes; without `records`, leaving out
        /// what the build keeps for the next one (its state and search indexes), which the
        /// preview does not keep.
        func fullBuild(records: Bool = false) throws -> [String: Data] {
            var options = options
            options.output = root + "/Full"
            let log = DiagnosticLog()
            _ = try Pipeline.build(options, log: log)
            #expect(log.errorCount == 0, "\(log.all)")
            return records ? Files.snapshot(options.output) : Files.published(options.output)
        }
    }

    @Test(arguments: edits)
    func editMatchesFullBuild(_ edit: Edit) throws {
        let w = try Workspace()
        let site = LiveSite(options: w.options)
        let first = try site.build()
        #expect(!first.failed, "\(first.diagnostics)")
        let before = Files.snapshot(w.root + "/Site")
        let touched = try edit.apply(w.root)
        let update = try site.update(touched.map { w.root + "/" + $0 })
        #expect(update.kind == edit.kind)
        #expect(!update.failed, "\(update.diagnostics.filter { $0.severity == .error })")
        let after = Files.snapshot(w.root + "/Site")
        let expected = try w.fullBuild()
        #expect(Set(after.keys) == Set(expected.keys),
                "only live: \(Set(after.keys).subtracting(expected.keys).sorted().prefix(5)), only full: \(Set(expected.keys).subtracting(after.keys).sorted().prefix(5))")
        let differing = expected.keys.filter { after[$0] != nil && after[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "differ from a full build: \(differing.prefix(8))")
        // What changed on disk is what the update says it wrote (plus .gz files).
        let changedOnDisk = Set(Set(after.keys).union(before.keys).filter { after[$0] != before[$0] })
            .filter { !$0.hasSuffix(".gz") }
        #expect(changedOnDisk == Set(update.changedFiles))
        if edit.kind == .body { #expect(update.pagesRendered <= 6) }
    }

    @Test func brokenEditKeepsTheSiteAndShowsTheProblemUntilFixed() throws {
        let w = try Workspace()
        let site = LiveSite(options: w.options)
        _ = try site.build()
        let before = Files.snapshot(w.root + "/Site")
        let path = w.root + "/Content/markets/sa.en.md"
        let good = try #require(Files.read(path))
        try Files.write(path, good + "\nSee [x](market:nowhere).\n")
        let broken = try site.update([path])
        #expect(broken.failed)
        let error = try #require(broken.diagnostics.first { $0.severity == .error })
        #expect(error.code == .unknownLinkTarget)
        #expect(error.location.file == path.replacingOccurrences(of: w.root + "/", with: w.root + "/"))
        #expect(Files.snapshot(w.root + "/Site") == before)
        // Another edit elsewhere while broken: still failing, still nothing written.
        let other = w.root + "/Content/markets/eu.md"
        try Files.write(other, try #require(Files.read(other)) + "\n更多。\n")
        #expect(try site.update([other]).failed)
        #expect(Files.snapshot(w.root + "/Site") == before)
        // Fixed: the output is the full build of both edits.
        try Files.write(path, good)
        let fixed = try site.update([path])
        #expect(!fixed.failed)
        #expect(fixed.diagnostics.allSatisfy { $0.severity != .error })
        #expect(Files.snapshot(w.root + "/Site") == (try w.fullBuild()))
    }

    @Test func severalEditsInOneBatch() throws {
        let w = try Workspace()
        let site = LiveSite(options: w.options)
        _ = try site.build()
        var touched: [String] = []
        for edit in [Self.edits[0], Self.edits[2], Self.edits[7]] { touched += try edit.apply(w.root) }
        let update = try site.update(touched.map { w.root + "/" + $0 })
        #expect(update.kind == .table)
        #expect(Files.snapshot(w.root + "/Site") == (try w.fullBuild()))
    }
}

/// The first build of a preview: refusals and a start with errors.
@Suite struct LiveSiteFirstBuildTests {
    @Test func refusesAnOutputFolderThatBuildRefusesEvenWithErrorsInTheContent() throws {
        let w = try LiveSiteTests.Workspace()
        try Files.write(w.root + "/Content/markets/sa.md", "---\nname: [\n---\n")
        var options = w.options
        options.output = w.root + "/Content/out"
        #expect(throws: OutputDirectory.Failure.self) { try LiveSite(options: options).build() }
        options.output = w.root + "/Templates"
        #expect(throws: OutputDirectory.Failure.self) { try LiveSite(options: options).build() }
    }

    @Test func startsWithErrorsAndBuildsOnceFixed() throws {
        let w = try LiveSiteTests.Workspace()
        let path = w.root + "/Content/markets/sa.md"
        let good = try #require(Files.read(path))
        try Files.write(path, good.replacingOccurrences(of: "region: ", with: "region: atlantis-"))
        let site = LiveSite(options: w.options)
        let first = try site.build()
        #expect(first.failed)
        #expect(first.diagnostics.contains { $0.code == .unknownReference && $0.location.file.hasSuffix("markets/sa.md") })
        #expect(!FileManager.default.fileExists(atPath: w.root + "/Site"))
        try Files.write(path, good)
        let fixed = try site.update([path])
        #expect(!fixed.failed)
        #expect(Files.snapshot(w.root + "/Site") == (try w.fullBuild()))
    }
}
