import Foundation
import Testing
@testable import HandbookKit

/// `handbook build` over its previous output (`InPlaceBuild`): after every kind of edit the
/// output is byte for byte a clean build's, the edit is classified as the preview classifies it
/// (one change plan), and a build that fails leaves the output as it was.
@Suite struct IncrementalBuildTests {
    typealias Workspace = LiveSiteTests.Workspace

    /// One first build of the bundled handbook, copied into the workspaces (a copy takes less
    /// time than a build).
    static let built: Workspace = {
        let w = try! Workspace()
        let summary = try! build(w).0
        precondition(summary?.plan == .first)
        return w
    }()

    /// A copy of the bundled handbook and its first build.
    static func workspace() throws -> Workspace {
        let w = try Workspace()
        try FileManager.default.copyItem(atPath: built.root + "/Site", toPath: w.root + "/Site")
        return w
    }

    static func build(_ w: Workspace, output: String? = nil, strict: Bool = false, dryRun: Bool = false,
                      clean: Bool = false) throws -> (BuildSummary?, DiagnosticLog) {
        var options = w.options
        if let output { options.output = output }
        options.strict = strict
        options.dryRun = dryRun
        options.clean = clean
        let log = DiagnosticLog()
        return (try Pipeline.build(options, log: log), log)
    }

    @Test(arguments: LiveSiteTests.edits)
    func editMatchesACleanBuild(_ edit: LiveSiteTests.Edit) throws {
        let w = try Self.workspace()
        let before = Files.snapshot(w.root + "/Site")
        _ = try edit.apply(w.root)
        let (summary, log) = try Self.build(w)
        let update = try #require(summary, "\(log.all.filter { $0.severity == .error })")
        #expect(update.plan == edit.kind)
        let after = Files.snapshot(w.root + "/Site")
        let expected = try w.fullBuild(records: true)
        #expect(Set(after.keys) == Set(expected.keys),
                "only in place: \(Set(after.keys).subtracting(expected.keys).sorted().prefix(5)), only clean: \(Set(expected.keys).subtracting(after.keys).sorted().prefix(5))")
        let differing = expected.keys.filter { after[$0] != nil && after[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "differ from a clean build: \(differing.prefix(8))")
        // What changed on disk is what the summary says (the state aside).
        let changedOnDisk = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] && !$0.hasPrefix(".") }
        #expect(changedOnDisk == Set(update.new + update.changed + update.deleted))
        if edit.kind == .body { #expect(update.pagesRendered <= 6) }
        // No file half-made, no mark of a build still writing.
        #expect(Files.leftovers(in: w.root + "/Site").filter { $0.contains("-tmp") || $0 == BuildState.writing }.isEmpty)
    }

    @Test func aBuildWithoutChangesRendersNothingAndWritesNothing() throws {
        let w = try Self.workspace()
        let before = Files.snapshot(w.root + "/Site")
        let summary = try #require(try Self.build(w).0)
        #expect(summary.plan == LiveUpdate.Kind.none && summary.pagesRendered == 0)
        #expect(summary.new.isEmpty && summary.changed.isEmpty && summary.deleted.isEmpty)
        #expect(Files.snapshot(w.root + "/Site") == before)
    }

    @Test func aFailedBuildLeavesTheOutputAsItWas() throws {
        let w = try Self.workspace()
        let before = Files.snapshot(w.root + "/Site")
        let path = w.root + "/Content/markets/sa.en.md"
        let good = try #require(Files.read(path))
        // A broken link in a body: an error found only by resolving links.
        try Files.write(path, good + "\nSee [x](market:nowhere).\n")
        let (broken, log) = try Self.build(w)
        #expect(broken == nil)
        #expect(log.all.contains { $0.code == .unknownLinkTarget && $0.location.file == path })
        #expect(Files.snapshot(w.root + "/Site") == before)
        // A warning under --strict: a field the format does not know.
        let market = w.root + "/Content/markets/sa.md"
        let front = try #require(Files.read(market))
        try Files.write(path, good)
        try Files.write(market, front.replacingOccurrences(of: "iso: SA\n", with: "iso: SA\ncolour: green\n"))
        let (strict, strictLog) = try Self.build(w, strict: true)
        #expect(strict == nil && strictLog.warningCount > 0)
        #expect(Files.snapshot(w.root + "/Site") == before)
        try Files.write(market, front)
        try Files.write(path, good)
        #expect(try Self.build(w).0 != nil)
        #expect(Files.snapshot(w.root + "/Site") == before)
    }

    @Test func thePlanOfAnEditWritesNothing() throws {
        let w = try Self.workspace()
        let before = Files.snapshot(w.root + "/Site")
        _ = try LiveSiteTests.edits[0].apply(w.root)
        let summary = try #require(try Self.build(w, dryRun: true).0)
        #expect(summary.plan == .body)
        #expect(summary.changed.contains("zh/markets/sa/index.html") && summary.changed.contains("zh/markets/sa/index.html.gz"))
        #expect(Files.snapshot(w.root + "/Site") == before)
    }

    @Test func cleanMakesEveryFileAgain() throws {
        let w = try Self.workspace()
        _ = try LiveSiteTests.edits[0].apply(w.root)
        let summary = try #require(try Self.build(w, clean: true).0)
        #expect(summary.plan == .whole)
        #expect(Files.snapshot(w.root + "/Site") == (try w.fullBuild(records: true)))
    }

    /// A build in place stopped half-way: the folder is marked as being written, has no state, and
    /// holds a page of the new build beside the `.gz` of the old one. The next build trusts
    /// nothing it finds and makes every file again.
    @Test func aBuildStoppedWhileWritingInPlaceIsRepaired() throws {
        let w = try Self.workspace()
        let site = w.root + "/Site"
        _ = try LiveSiteTests.edits[0].apply(w.root)
        let expected = try w.fullBuild(records: true)
        let page = "zh/markets/sa/index.html"
        try #require(expected[page] != Files.snapshot(site)[page])
        try FileIO.write(site + "/" + BuildState.writing, [])
        BuildState.remove(site)
        try expected[page]!.write(to: URL(fileURLWithPath: site + "/" + page))
        // The edit is taken back: the page as now written is no longer what the site needs.
        try Files.write(w.root + "/Content/markets/sa.md",
                        try #require(Files.read(w.root + "/Content/markets/sa.md")).replacingOccurrences(of: "\n新增一段文字。\n", with: ""))
        let summary = try #require(try Self.build(w).0)
        #expect(summary.plan == .first)
        #expect(Files.snapshot(site) == (try w.fullBuild(records: true)))
        #expect(!FileManager.default.fileExists(atPath: site + "/" + BuildState.writing))
    }

    @Test func theStateReadsBackAndRefusesWhatItDoesNotKnow() throws {
        let w = try Self.workspace()
        let text = try #require(Files.read(w.root + "/Site/" + BuildState.file))
        let state = try #require(BuildState.parse(text))
        #expect(state.text() == text)
        #expect(state.outputs["zh/index.html"]?.category == .page)
        #expect(state.outputs["sitemap.xml"]?.category == .data)
        #expect(!state.inputs.guides.isEmpty && !state.inputs.tables.isEmpty && !state.backlinks.isEmpty)
        #expect(BuildState.parse(text.replacingOccurrences(of: BuildState.header, with: "handbook-state 0")) == nil)
        #expect(BuildState.parse(text + "output x 12 y\n") == nil)
        #expect(BuildState.parse(String(text.dropLast())) == nil)   // cut short
        // A state that cannot be read means a whole build, not a failure.
        try Files.write(w.root + "/Site/" + BuildState.file, "junk")
        #expect(try Self.build(w).0?.plan == .first)
    }
}

/// What a build in place reports: every problem a clean build reports, at the same place, also for
/// the bodies it did not parse again (their outlines were kept).
@Suite struct IncrementalBuildDiagnosticsTests {
    @Test func aBuildInPlaceReportsWhatACleanBuildReports() throws {
        let w = try IncrementalBuildTests.workspace()
        // A warning in a body the edit does not touch: a table row with one cell too many.
        let about = w.root + "/Content/pages/about.en.md"
        try Files.write(about, try #require(Files.read(about)) + "\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n")
        _ = try IncrementalBuildTests.build(w)
        _ = try LiveSiteTests.edits[0].apply(w.root)
        let (summary, inPlace) = try IncrementalBuildTests.build(w)
        #expect(summary?.plan == .body)
        let (_, clean) = try IncrementalBuildTests.build(w, output: w.root + "/Clean")
        let shown = { (log: DiagnosticLog) in log.all.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code) \($0.message)" }.sorted() }
        #expect(shown(inPlace).contains { $0.contains("about.en.md") && $0.contains("table-cell-count") || $0.contains("about.en.md") && $0.contains("cell") })
        #expect(shown(inPlace) == shown(clean))
    }

    @Test func outlinesReadBackAndRefuseAnotherProgramOrOptions() throws {
        let w = try IncrementalBuildTests.workspace()
        let bytes = try #require(FileManager.default.contents(atPath: w.root + "/Site/" + OutlineStore.file))
        let key = InputPrints.optionsKey(w.options)
        let store = try #require(OutlineStore.decode(Array(bytes), key: key))
        #expect(store.encoded(key: key) == Array(bytes))
        let sa = try #require(store.entries["markets/sa.md"])
        #expect(!sa.outline.headings.isEmpty && !sa.outline.links.isEmpty)
        #expect(OutlineStore.decode(Array(bytes), key: key + "x") == nil)
        #expect(OutlineStore.decode(Array(bytes.dropLast()), key: key) == nil)
    }
}
