import Foundation
import Testing
@testable import HandbookKit

/// `handbook check --sources` as a user runs it, against the local server.
@Suite("check --sources on the command line")
struct SourceCheckCLITests {
    /// Runs `handbook` on a thread of its own (the server answers on the test's task threads).
    func handbook(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let path = try #require(HandbookCLITests.executable, "the handbook executable was not found next to the test bundle")
        let r = try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try run(path, arguments, environment: HandbookCLITests.environment) }) }.start()
        }
        return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
    }

    @Test func warnsSummarisesAndCachesForTheNextRun() async throws {
        let tmp = TemporaryFolder()
        let cache = tmp.sub("cache/sources.json")
        try await LocalSourceServer.with { server in
            let site = try SourceCheckTests.Site(server, in: tmp)
            let common = ["check", "--content", site.content, "--templates", TestPaths.templates]
            // Without --sources nothing is asked and nothing more is said.
            let plain = try await handbook(common)
            #expect(plain.status == 0 && server.counts.count() == 0 && !plain.stdout.contains("sources"))

            let first = try await handbook(common + ["--sources", "--timeout", "5", "--cache", cache])
            #expect(first.status == 0)   // warnings fail only with --strict
            let urls = server.counts.count()
            #expect(urls > 0)
            let stdout = first.stdout.components(separatedBy: "\n")
            #expect(stdout.contains("sources: 14 URLs, 14 checked, 0 from cache; 5 failed, 2 moved"))
            let moved = server.url("/moved"), live = server.url("/live")
            let stderr = first.stderr.components(separatedBy: "\n")
            #expect(stderr.contains("\(site.schemes):25:7: warning: source \(moved) moved permanently to \(live) (HTTP 301) [HB0207 moved-source]"))
            #expect(stderr.contains("    fix: cite \(live) instead"))
            #expect(stderr.contains("\(site.about):12:1: warning: source \(server.url("/broken")) fails with a server error (HTTP 500) [HB0206 dead-source]"))

            // Within the day, even online, the cache answers but for the timeout, which is asked
            // again; --strict makes the warnings fail.
            let second = try await handbook(common + ["--sources", "--timeout", "5", "--strict", "--cache", cache, "--lang", "zh"])
            #expect(second.status == 1)
            #expect(server.counts.count() == urls + 1 && server.counts.count("/slow") == 2)
            #expect(second.stdout.components(separatedBy: "\n").contains("来源：共 14 个网址，检查 1 个，来自缓存 13 个；5 个失效，2 个已迁移"))
            #expect(second.stderr.contains("来源 \(moved) 已永久迁移到 \(live)（HTTP 301）"))

            // Offline with no cache: nothing asked, and the summary says so.
            let offline = try await handbook(common + ["--sources", "--offline", "--cache", tmp.sub("none.json")])
            #expect(offline.status == 0 && server.counts.count() == urls + 1)
            #expect(offline.stdout.components(separatedBy: "\n")
                .contains("sources: 14 URLs, 0 checked, 0 from cache, 14 not checked (offline); 0 failed, 0 moved"))
            #expect(!FileManager.default.fileExists(atPath: tmp.sub("none.json")))
        }
    }

    @Test(arguments: [["--timeout", "0"], ["--timeout", "-1"], ["--timeout", "soon"]])
    func aBadTimeoutIsAUsageError(_ option: [String]) async throws {
        let r = try await handbook(["check", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--sources"] + option)
        #expect(r.status == 64)
    }
}
