import Foundation
import Testing
@testable import HandbookKit

/// `handbook check --sources` against a local server: what each kind of address gives, the
/// warnings at every place citing one, the cache and `--offline`. Nothing reaches the internet.
@Suite("check --sources")
struct SourceCheckTests {
    /// The time the tests' runs happen at (the cache's ages are measured against it).
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    /// Long enough for a loopback answer on a loaded two-core machine (1.5 s was not, once), short
    /// enough that /slow (which waits 7 s) times out.
    static let timeout = 5.0

    /// A copy of the valid fixture whose addresses all lead to `server` (/live/…), with a scheme
    /// citing /moved and /missing and a page linking to every kind of address.
    struct Site {
        let content: String
        let schemes: String
        let about: String
        let refusedPort: Int

        init(_ server: LocalSourceServer, in tmp: TemporaryFolder) throws {
            content = tmp.sub("content")
            try Files.copy(TestPaths.valid, to: content)
            for file in Files.list(content) where file != "site.yml" {
                let path = content + "/" + file
                let text = try #require(Files.read(path))
                try Files.write(path, text.replacingOccurrences(of: "https://example.org", with: server.url("/live")))
            }
            schemes = content + "/data/schemes.yml"
            let table = try #require(Files.read(schemes))
            #expect(table.components(separatedBy: "  mark: CE\n").count == 2)
            try Files.write(schemes, table.replacingOccurrences(of: "  mark: CE\n", with: """
                  mark: CE
                  sources:
                    - title: LVD
                      url: \(server.url("/moved"))
                    - \(server.url("/missing"))

                """))
            refusedPort = LocalSourceServer.unusedPort()
            about = content + "/pages/about.md"
            let page = try #require(Files.read(about))
            try Files.write(about, page + """

                来源：[旧地址](\(server.url("/moved")))、[缺失](\(server.url("/missing")))、<\(server.url("/perm308"))>、[临时](\(server.url("/temp")))。
                [出错](\(server.url("/broken"))) [很慢](\(server.url("/slow"))) [拒绝](http://127.0.0.1:\(refusedPort)/x) [域名](http://nonexistent.invalid/)

                """)
        }

        /// Where `text` starts on line `line` of `file`.
        func location(_ file: String, line: Int, of text: String) throws -> HandbookKit.SourceLocation {
            let lines = try #require(Files.read(file)).components(separatedBy: "\n")
            let source = lines[line - 1]
            let range = try #require(source.range(of: text), "\(text) is not on line \(line) of \(file)")
            return SourceLocation(file: file, line: line, column: source.distance(from: source.startIndex, to: range.lowerBound) + 1)
        }

        func handbook() throws -> Handbook {
            let log = DiagnosticLog()
            let h = try #require(ContentLoader(root: content).load(log: log))
            #expect(log.errorCount == 0, "\(log.all)")
            return h
        }
    }

    /// Runs the source check of `site` at `now`; returns the source warnings and the summary.
    func check(_ site: Site, cache: String, now: Date = t0, offline: Bool = false) async throws
        -> ([Diagnostic], SourceCheck.Summary) {
        let log = DiagnosticLog()
        let settings = SourceCheck.Settings(offline: offline, timeout: Self.timeout, cachePath: cache, now: now)
        let summary = await SourceCheck.run(try site.handbook(), settings: settings, log: log,
                                            probe: LoopbackOnly(timeout: Self.timeout))
        #expect(log.all.allSatisfy { $0.code == .deadSource || $0.code == .movedSource })
        return (log.all, summary)
    }

    @Test func probeTellsEachKindOfAddressApart() async throws {
        try await LocalSourceServer.with { server in
            let probe = LoopbackOnly(timeout: Self.timeout)
            let live = server.url("/live")
            let cases: [(String, ProbeOutcome)] = [
                (server.url("/live"), .live(status: 200)),
                (server.url("/temp"), .live(status: 200)),
                (server.url("/moved"), .moved(to: live, status: 301)),
                (server.url("/perm308"), .moved(to: live, status: 308)),
                (server.url("/chain"), .moved(to: server.url("/temp"), status: 301)),
                (server.url("/moved-gone"), .failed(.http(status: 404))),
                (server.url("/missing"), .failed(.http(status: 404))),
                (server.url("/broken"), .failed(.http(status: 500))),
                (server.url("/loop"), .failed(.tooManyRedirects)),
                (server.url("/slow"), .failed(.timeout(seconds: Self.timeout))),
                ("http://127.0.0.1:\(LocalSourceServer.unusedPort())/", .failed(.refused)),
                ("http://nonexistent.invalid/", .failed(.hostNotFound(host: "nonexistent.invalid"))),
            ]
            for (url, expected) in cases {
                let start = Date()
                #expect(await probe.probe(url) == expected, "\(url)")
                // /slow gets the whole time allowed (no upper bound is checked: the machine may be loaded).
                if url.hasSuffix("/slow") { #expect(Date().timeIntervalSince(start) > Self.timeout - 0.1) }
            }
        }
    }

    @Test func warnsAtEveryPlaceCitingAFailedOrMovedAddress() async throws {
        let tmp = TemporaryFolder()
        try await LocalSourceServer.with { server in
            let site = try Site(server, in: tmp)
            let (warnings, summary) = try await check(site, cache: tmp.sub("cache/sources.json"))
            let moved = server.url("/moved"), missing = server.url("/missing"), live = server.url("/live")
            let perm308 = server.url("/perm308"), broken = server.url("/broken"), slow = server.url("/slow")
            let refused = "http://127.0.0.1:\(site.refusedPort)/x", dns = "http://nonexistent.invalid/"
            let check = Phrase(en: "check the address, or cite where the document is now", zh: "检查地址，或改为引用文档现在的地址")
            let citeLive = Phrase(en: "cite \(live) instead", zh: "改为引用 \(live)")
            func movedWarning(_ url: String, _ status: Int, at location: HandbookKit.SourceLocation) -> Diagnostic {
                Diagnostic(.warning, .movedSource, Phrase(en: "source \(url) moved permanently to \(live) (HTTP \(status))",
                                                          zh: "来源 \(url) 已永久迁移到 \(live)（HTTP \(status)）"),
                           at: location, hint: citeLive)
            }
            let missingMessage = Phrase(en: "source \(missing) is not found (HTTP 404)", zh: "来源 \(missing) 无法访问（HTTP 404）")
            let expected = [
                movedWarning(moved, 301, at: try site.location(site.schemes, line: 25, of: "title")),
                Diagnostic(.warning, .deadSource, missingMessage, at: try site.location(site.schemes, line: 27, of: "http"), hint: check),
                movedWarning(moved, 301, at: try site.location(site.about, line: 11, of: "[旧地址]")),
                Diagnostic(.warning, .deadSource, missingMessage, at: try site.location(site.about, line: 11, of: "[缺失]"), hint: check),
                movedWarning(perm308, 308, at: try site.location(site.about, line: 11, of: "<")),
                Diagnostic(.warning, .deadSource,
                           Phrase(en: "source \(broken) fails with a server error (HTTP 500)", zh: "来源 \(broken) 服务器出错（HTTP 500）"),
                           at: try site.location(site.about, line: 12, of: "[出错]"),
                           hint: Phrase(en: "try again later; if it keeps failing, cite another copy of the document",
                                        zh: "稍后再试；如果一直出错，改为引用该文档的其他来源")),
                Diagnostic(.warning, .deadSource,
                           Phrase(en: "source \(slow) did not answer within 5 s", zh: "来源 \(slow) 在 5 秒内没有响应"),
                           at: try site.location(site.about, line: 12, of: "[很慢]"),
                           hint: Phrase(en: "try again later, or with a longer --timeout", zh: "稍后再试，或用更长的 --timeout")),
                Diagnostic(.warning, .deadSource,
                           Phrase(en: "source \(refused) cannot be reached: connection refused", zh: "来源 \(refused) 无法访问：连接被拒绝"),
                           at: try site.location(site.about, line: 12, of: "[拒绝]"), hint: check),
                Diagnostic(.warning, .deadSource,
                           Phrase(en: "source \(dns) cannot be reached: host nonexistent.invalid not found",
                                  zh: "来源 \(dns) 无法访问：找不到主机 nonexistent.invalid"),
                           at: try site.location(site.about, line: 12, of: "[域名]"), hint: check),
            ].sorted { $0.location < $1.location }
            #expect(warnings.count == expected.count)
            for (w, e) in zip(warnings, expected) {
                #expect(w == e)
                #expect(w.text.zh == e.text.zh)
            }
            #expect(warnings.map(\.description).first == """
                \(site.schemes):25:7: warning: source \(moved) moved permanently to \(live) (HTTP 301) [HB0207 moved-source]
                    fix: cite \(live) instead
                """)
            // The fixture's own sources (now /live/…) answer, and /temp is followed silently.
            let urls = SourceCitations.collect(try site.handbook()).map(\.url)
            #expect(summary.urls == urls.count && summary.fetched == urls.count && summary.cached == 0)
            #expect(summary.failed == 5 && summary.moved == 2 && summary.unchecked == 0)
            #expect(urls.contains(server.url("/live/saso")) && urls.contains(server.url("/temp")))
            #expect(server.counts.count("/temp") == 1 && server.counts.count("/moved") == 1)   // each address once
        }
    }

    /// Within a day only what may have been this machine's network (here /slow, a timeout) is
    /// asked again; the answers come from the cache.
    @Test func aSecondRunWithinADayAsksOnlyWhatTimedOut() async throws {
        let tmp = TemporaryFolder()
        let cache = tmp.sub("cache/sources.json")
        try await LocalSourceServer.with { server in
            let site = try Site(server, in: tmp)
            let (first, summary) = try await check(site, cache: cache)
            let requests = server.counts.count()
            #expect(requests > 0)
            let (second, again) = try await check(site, cache: cache, now: Self.t0.addingTimeInterval(23 * 3600))
            #expect(server.counts.count() == requests + 1 && server.counts.count("/slow") == 2)
            #expect(second == first)
            #expect(again.cached == summary.urls - 1 && again.fetched == 1)
            #expect(again.text.en == "sources: \(summary.urls) URLs, 1 checked, \(summary.urls - 1) from cache; 5 failed, 2 moved")
            #expect(again.text.zh == "来源：共 \(summary.urls) 个网址，检查 1 个，来自缓存 \(summary.urls - 1) 个；5 个失效，2 个已迁移")
            // A result fetched more than a day ago is asked again; the others still come from the cache.
            var stored = SourceCheckCache.read(cache)
            #expect(stored.entries.count == summary.urls - 1)
            #expect(stored.fresh(server.url("/slow"), now: Self.t0) == nil)
            let missing = server.url("/missing")
            stored.record(missing, .failed(.http(status: 404)), fetched: Self.t0.addingTimeInterval(-2 * 3600))
            try stored.write()
            let (third, last) = try await check(site, cache: cache, now: Self.t0.addingTimeInterval(23 * 3600))
            #expect(third == first)
            #expect(last.fetched == 2 && last.cached == summary.urls - 2)
            #expect(server.counts.count() == requests + 3 && server.counts.count("/missing") == 2)
            #expect(SourceCheckCache.read(cache).fresh(missing, now: Self.t0.addingTimeInterval(23 * 3600 + 1)) != nil)
        }
    }

    @Test func offlineAsksNothingAndReportsWhatTheCacheKnows() async throws {
        let tmp = TemporaryFolder()
        let cache = tmp.sub("sources.json")
        try await LocalSourceServer.with { server in
            let site = try Site(server, in: tmp)
            let (none, unchecked) = try await check(site, cache: cache, offline: true)
            #expect(none.isEmpty && server.counts.count() == 0)
            #expect(unchecked.unchecked == unchecked.urls && unchecked.cached == 0 && unchecked.fetched == 0)
            #expect(unchecked.text.en == "sources: \(unchecked.urls) URLs, 0 checked, 0 from cache, \(unchecked.urls) not checked (offline); 0 failed, 0 moved")
            #expect(unchecked.text.zh == "来源：共 \(unchecked.urls) 个网址，检查 0 个，来自缓存 0 个，\(unchecked.urls) 个未检查（离线）；0 个失效，0 个已迁移")
            #expect(!FileManager.default.fileExists(atPath: cache))
            let (online, _) = try await check(site, cache: cache)
            let requests = server.counts.count()
            // Offline with results older than a day: nothing is reported, nothing asked.
            let (stale, old) = try await check(site, cache: cache, now: Self.t0.addingTimeInterval(25 * 3600), offline: true)
            #expect(stale.isEmpty && old.unchecked == old.urls)
            let (cached, summary) = try await check(site, cache: cache, now: Self.t0.addingTimeInterval(3600), offline: true)
            // All but the timeout, which was not kept.
            #expect(cached == online.filter { !$0.message.contains("/slow") } && cached.count < online.count)
            #expect(summary.unchecked == 1 && summary.cached == summary.urls - 1)
            #expect(server.counts.count() == requests)
        }
    }

    @Test(arguments: ["{ not json", "", "{\"version\":99,\"entries\":[]}", "[1,2,3]", "\u{FF}\u{FE}garbage"])
    func aCorruptOrUnknownCacheIsIgnored(_ text: String) async throws {
        let tmp = TemporaryFolder()
        let cache = tmp.sub("sources.json")
        try Files.write(cache, text)
        #expect(SourceCheckCache.read(cache).entries.isEmpty)
        try await LocalSourceServer.with { server in
            let site = try Site(server, in: tmp)
            let (warnings, summary) = try await check(site, cache: cache)
            #expect(warnings.count == 9 && summary.fetched == summary.urls)
            #expect(SourceCheckCache.read(cache).entries.count == summary.urls - 1)   // written anew, but for the timeout
        }
    }

    @Test func theCacheKeepsEveryKindOfOutcomeAndDropsWhatItDoesNotKnow() throws {
        let tmp = TemporaryFolder()
        let path = tmp.sub("deep/folder/sources.json")
        let outcomes: [String: ProbeOutcome] = [
            "https://a/": .live(status: 200), "https://b/": .moved(to: "https://b2/", status: 308),
            "https://c/": .failed(.hostNotFound(host: "c")), "https://d/": .failed(.refused),
            "https://e/": .failed(.timeout(seconds: 2.5)), "https://f/": .failed(.http(status: 410)),
            "https://g/": .failed(.tls(detail: "bad certificate")), "https://h/": .failed(.tooManyRedirects),
            "https://i/": .failed(.other(detail: "weird")),
        ]
        var cache = SourceCheckCache(path: path)
        for (url, outcome) in outcomes { cache.record(url, outcome, fetched: Self.t0) }
        try cache.write()
        #expect(Files.list(tmp.sub("deep/folder")) == ["sources.json"])   // no temporary file left
        let read = SourceCheckCache.read(path)
        for (url, outcome) in outcomes { #expect(read.fresh(url, now: Self.t0) == outcome) }
        // Fresh for a day from when it was fetched, not before (a clock set back) nor after.
        #expect(read.fresh("https://a/", now: Self.t0.addingTimeInterval(86_399)) != nil)
        #expect(read.fresh("https://a/", now: Self.t0.addingTimeInterval(86_400)) == nil)
        #expect(read.fresh("https://a/", now: Self.t0.addingTimeInterval(-60)) == nil)
        // An entry of a kind this version does not know, or missing what its kind needs, is dropped.
        let text = try #require(Files.read(path))
        try Files.write(path, text.replacingOccurrences(of: "\"result\" : \"refused\"", with: "\"result\" : \"haunted\"")
            .replacingOccurrences(of: "\"result\" : \"live\",\n      \"status\" : 200,", with: "\"result\" : \"live\","))
        let partial = SourceCheckCache.read(path)
        #expect(partial.entries.count == outcomes.count - 2)
        #expect(partial.fresh("https://d/", now: Self.t0) == nil && partial.fresh("https://a/", now: Self.t0) == nil)
    }

    @Test func anUnwritableCacheIsReportedAndTheCheckGoesOn() async throws {
        let tmp = TemporaryFolder()
        try Files.write(tmp.sub("file"), "not a folder")
        let h = try #require(ContentLoader(root: TestPaths.valid).load(log: DiagnosticLog()))
        let log = DiagnosticLog()
        // A stand-in answers for the fixture's example.org addresses: nothing leaves the machine.
        let settings = SourceCheck.Settings(cachePath: tmp.sub("file/sources.json"), now: Self.t0)
        let summary = await SourceCheck.run(h, settings: settings, log: log, probe: Answering(.failed(.http(status: 410))))
        #expect(summary.fetched == summary.urls && summary.failed == summary.urls && summary.urls > 0)
        #expect(summary.cacheProblem?.en.hasPrefix("cannot write the cache \(tmp.sub("file/sources.json")): ") == true)
        #expect(summary.cacheProblem?.zh.hasPrefix("无法写入缓存 \(tmp.sub("file/sources.json"))：") == true)
        let warnings = log.all
        #expect(warnings.count >= summary.urls && warnings.allSatisfy { $0.code == .deadSource })
        #expect(warnings.contains { $0.text.en == "source https://example.org/battery is not found (HTTP 410)"
            && $0.location == SourceLocation(file: TestPaths.valid + "/products/battery.md", line: 9, column: 5) })
    }

    @Test func atMostTheGivenNumberOfRequestsAreInFlight() async {
        let probe = GaugedProbe()
        let urls = (0..<20).map { "https://example.test/\($0)" }
        let results = await SourceCheck.probeAll(urls, with: probe, limit: 3)
        #expect(results.count == 20 && results.values.allSatisfy { $0 == .live(status: 200) })
        #expect(probe.peak == 3)
    }
}

/// A probe that gives the same answer for every address, without a network.
private struct Answering: URLProbing {
    let outcome: ProbeOutcome
    init(_ outcome: ProbeOutcome) { self.outcome = outcome }
    func probe(_ url: String) async -> ProbeOutcome { outcome }
}

/// A probe that answers after a moment, recording how many requests were in flight at most.
private final class GaugedProbe: URLProbing, @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight = 0
    private(set) var peak = 0

    func probe(_ url: String) async -> ProbeOutcome {
        lock.withLock {
            inFlight += 1
            peak = max(peak, inFlight)
        }
        try? await Task.sleep(for: .milliseconds(20))
        lock.withLock { inFlight -= 1 }
        return .live(status: 200)
    }
}
