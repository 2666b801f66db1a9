import Foundation
import Testing
@testable import HandbookKit

/// A build killed at any moment (SIGKILL) never leaves a half-written file: a build into a staging
/// folder (`--clean`) leaves the previous output complete or the new one; a build in place leaves
/// each file old or new, and the next build repairs the rest.
@Suite("Killed builds")
struct KilledBuildTests {
    @Test(.timeLimit(.minutes(3)), arguments: [true, false])
    func sigkillAtRandomMomentsNeverLeavesAPartialSite(clean: Bool) throws {
        let cli = HandbookCLITests()
        let tmp = TemporaryFolder()
        let bundled = TestPaths.packageRoot.appendingPathComponent("Content").path
        let content = tmp.sub("content")
        try Files.copy(bundled, to: content)
        let site = tmp.sub("site")
        // Two complete outputs to compare with: the old content, and the edited content.
        try #require(try cli.handbook(["build", "--content", content, "--templates", TestPaths.templates,
                                       "--output", tmp.sub("b"), "--quiet"]).status == 0)
        let before = Files.snapshot(tmp.sub("b"))
        try Files.write(content + "/pages/about.md", try #require(Files.read(content + "/pages/about.md")) + "\n多一句。\n")
        try #require(try cli.handbook(["build", "--content", content, "--templates", TestPaths.templates,
                                       "--output", tmp.sub("a"), "--quiet"]).status == 0)
        let after = Files.snapshot(tmp.sub("a"))
        try FileManager.default.copyItem(atPath: tmp.sub("b"), toPath: site)
        var kills = 0
        for round in 0..<10 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(HandbookCLITests.executable))
            process.arguments = ["build", "--content", content, "--templates", TestPaths.templates, "--output", site, "--quiet"]
                + (clean ? ["--clean"] : [])
            process.environment = HandbookCLITests.environment
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(50_000 + round * 60_000))   // 50 ms … 590 ms into the build
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let now = Files.snapshot(site).filter { !$0.key.hasPrefix(".") }
            let expectedBefore = before.filter { !$0.key.hasPrefix(".") }, expectedAfter = after.filter { !$0.key.hasPrefix(".") }
            if clean {
                #expect(now == expectedBefore || now == expectedAfter, "round \(round): the output is neither the old nor the new site")
            } else {
                let mixed = Set(now.keys).union(expectedBefore.keys).union(expectedAfter.keys)
                    .filter { now[$0] != expectedBefore[$0] && now[$0] != expectedAfter[$0] }
                #expect(mixed.isEmpty, "round \(round): files neither old nor new: \(mixed.sorted().prefix(5))")
            }
            if now == expectedAfter {   // put the old site back so the next round rebuilds for real
                try FileManager.default.removeItem(atPath: site)
                try FileManager.default.copyItem(atPath: tmp.sub("b"), toPath: site)
            }
        }
        #expect(kills > 3, "the builds finished too fast to be killed")
        // The next build cleans up what the killed ones left behind.
        #expect(try cli.handbook(["build", "--content", content, "--templates", TestPaths.templates,
                                  "--output", site, "--quiet"]).status == 0)
        #expect(Files.leftovers(in: tmp.path).isEmpty, "\(Files.leftovers(in: tmp.path))")
        #expect(Files.leftovers(in: site).filter { $0.contains("-tmp") || $0 == BuildState.writing }.isEmpty)
        #expect(Files.published(site) == Files.published(tmp.sub("a")))
    }
}
