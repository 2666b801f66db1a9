import Foundation
import Testing
@testable import HandbookKit

/// A rebuild rewrites only what changed, so `rsync -a` sends only that.
@Suite("Incremental publishing")
struct IncrementalPublishingTests {
    /// Modification times (in nanoseconds) of every file under `folder`.
    func times(_ folder: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for path in Files.list(folder) {
            var info = stat()
            if stat(folder + "/" + path, &info) == 0 {
                out[path] = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
            }
        }
        return out
    }

    func build(_ content: String, _ output: String, dryRun: Bool = false) throws -> BuildSummary {
        var options = FixtureSite.options(content: content, output: output)
        options.dryRun = dryRun
        let log = DiagnosticLog()
        return try #require(try Pipeline.build(options, log: log), "\(log.all)")
    }

    @Test func aRebuildWithoutChangesRewritesNothing() throws {
        let tmp = TemporaryFolder()
        let first = try build(TestPaths.valid, tmp.sub("site"))
        #expect(first.unchanged == 0 && first.changed.isEmpty && first.deleted.isEmpty && !first.new.isEmpty)
        let before = times(tmp.sub("site"))
        usleep(20_000)
        let second = try build(TestPaths.valid, tmp.sub("site"))
        #expect(second.new.isEmpty && second.changed.isEmpty && second.deleted.isEmpty)
        #expect(second.unchanged == before.keys.filter { !$0.hasPrefix(".") }.count)   // every file but the build's own
        #expect(times(tmp.sub("site")) == before)
    }

    @Test func aOnePageEditChangesOnlyWhatDependsOnIt() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        _ = try build(content, tmp.sub("site"))
        let before = times(tmp.sub("site"))
        try Files.write(content + "/pages/about.md", try #require(Files.read(content + "/pages/about.md")) + "\n多一句话。\n")
        usleep(20_000)
        let summary = try build(content, tmp.sub("site"))
        #expect(summary.new.isEmpty && summary.deleted.isEmpty)
        // The page in both languages (English falls back to the Chinese body), their .gz, and search shards.
        #expect(summary.changed.contains("zh/about/index.html") && summary.changed.contains("en/about/index.html"))
        #expect(summary.changed.allSatisfy { $0.contains("/about/") || $0.contains("/search/index/") }, "\(summary.changed)")
        let after = times(tmp.sub("site"))
        let touched = after.keys.filter { after[$0] != before[$0] && !$0.hasPrefix(".") }.sorted()
        #expect(touched == summary.changed.sorted())
        #expect(after["zh/markets/sa/index.html"] == before["zh/markets/sa/index.html"])
    }

    @Test func removedPagesAreListedAsDeletedAndThePlanWritesNothing() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        _ = try build(content, tmp.sub("site"))
        let before = times(tmp.sub("site"))
        try FileManager.default.removeItem(atPath: content + "/pages/about.md")
        let plan = try build(content, tmp.sub("site"), dryRun: true)
        #expect(plan.deleted.contains("zh/about/index.html") && plan.deleted.contains("en/about/index.html.gz"))
        #expect(times(tmp.sub("site")) == before)            // the plan changed nothing
        #expect(Files.leftovers(in: tmp.path).isEmpty)
        let real = try build(content, tmp.sub("site"))
        #expect(real.deleted == plan.deleted)
        #expect(!FileManager.default.fileExists(atPath: tmp.sub("site") + "/zh/about/index.html"))
    }
}
