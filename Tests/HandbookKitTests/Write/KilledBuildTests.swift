import Foundation
import Testing
@testable import HandbookKit

/// A build killed at any moment (SIGKILL) never leaves a half-written file: a build into a staging
/// folder (`--clean`) leaves the previous output complete or the new one; a build in place leaves
/// each file old or new, and the next build repairs the rest. The builds are stopped at exact
/// points of their writing (`KillSwitch`: the n-th file write), not after a guessed delay.
@Suite("Killed builds", .serialized)   // each case runs the program 14 times: one at a time
struct KilledBuildTests {
    /// Where the builds are stopped: the n-th file write. A one-page edit writes about nine files
    /// whether built in place or, with `--clean`, in a staging folder (the others are kept or
    /// linked): the mark of a build in place, the page and search files with their `.gz`, the
    /// search indexes, the outlines, the state. Stopping at the first, the second and then every
    /// other write covers the mark, the files and the state.
    static let stops = [1, 2, 3, 5, 7, 9]

    @Test(.timeLimit(.minutes(3)), arguments: [true, false])
    func aBuildKilledWhileWritingNeverLeavesAPartialSite(clean: Bool) throws {
        let cli = HandbookCLITests()
        let tmp = TemporaryFolder()
        let bundled = TestPaths.packageRoot.appendingPathComponent("Content").path
        let content = tmp.sub("content")
        try Files.copy(bundled, to: content)
        let site = tmp.sub("site")
        func build(_ output: String, killAfter writes: Int? = nil) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(HandbookCLITests.executable))
            process.arguments = ["build", "--content", content, "--templates", TestPaths.templates, "--output", output, "--quiet"]
                + (clean ? ["--clean"] : [])
            var environment = HandbookCLITests.environment
            if let writes { environment["HANDBOOK_KILL_AFTER_WRITES"] = String(writes) }
            process.environment = environment
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        }
        // Two complete outputs to compare with: the old content, and the edited content.
        try #require(try build(tmp.sub("b")) == 0)
        let before = Files.published(tmp.sub("b")).filter { !$0.key.hasPrefix(".") }
        try Files.write(content + "/pages/about.md", try #require(Files.read(content + "/pages/about.md")) + "\n多一句。\n")
        try #require(try build(tmp.sub("a")) == 0)
        let after = Files.published(tmp.sub("a")).filter { !$0.key.hasPrefix(".") }
        var kills = 0
        for stop in Self.stops {
            try? FileManager.default.removeItem(atPath: site)
            try FileManager.default.copyItem(atPath: tmp.sub("b"), toPath: site)
            let status = try build(site, killAfter: stop)
            if status == -SIGKILL { kills += 1 } else { #expect(status == 0, "stopped at write \(stop): exit \(status)") }
            // A file being written in place is written beside it first (`.handbook-tmp-…`): not part of the site.
            let now = Files.snapshot(site).filter { !$0.key.hasPrefix(".") && !$0.key.contains("/.handbook-tmp-") }
            if clean {
                #expect(now == before || now == after, "stopped at write \(stop): the output is neither the old nor the new site")
            } else {
                let mixed = Set(now.keys).union(before.keys).union(after.keys).filter { now[$0] != before[$0] && now[$0] != after[$0] }
                #expect(mixed.isEmpty, "stopped at write \(stop): files neither old nor new: \(mixed.sorted().prefix(5))")
            }
            // The next build repairs what the stopped one left.
            #expect(try build(site) == 0)
            #expect(Files.snapshot(site).filter { !$0.key.hasPrefix(".") } == after, "stopped at write \(stop): not repaired")
            #expect(Files.leftovers(in: tmp.path).isEmpty, "\(Files.leftovers(in: tmp.path))")
            #expect(Files.leftovers(in: site).filter { $0.contains("-tmp") || $0 == BuildState.writing }.isEmpty)
        }
        // Most stops fall inside the build's writing; the last ones may be past its end.
        #expect(kills >= Self.stops.count - 2, "only \(kills) builds were stopped")
    }
}
