import Foundation

/// `handbook check --sources`: requests every web address the content cites (a few at a time),
/// and warns at each place that cites one that fails (dead-source) or moved permanently
/// (moved-source). Results are cached for a day; offline, only cached results are reported.
public enum SourceCheck {
    /// Checks the addresses `handbook` cites and adds a warning to `log` for each place citing
    /// one that failed or moved.
    /// - Parameter probe: what requests the addresses (a `URLProbe` with the settings' timeout
    ///   when nil); never used offline.
    public static func run(_ handbook: Handbook, settings: Settings, log: DiagnosticLog,
                           probe: (any URLProbing)? = nil) async -> Summary {
        let cited = SourceCitations.collect(handbook)
        let now = settings.now ?? Date()
        var cache = SourceCheckCache.read(settings.cachePath)
        var results: [String: ProbeOutcome] = [:]
        var missing: [String] = []
        for c in cited {
            if let outcome = cache.fresh(c.url, now: now) { results[c.url] = outcome } else { missing.append(c.url) }
        }
        var summary = Summary(urls: cited.count, cached: results.count)
        if settings.offline {
            summary.unchecked = missing.count
        } else if !missing.isEmpty {
            let prober = probe ?? URLProbe(timeout: settings.timeout)
            for (url, outcome) in await probeAll(missing, with: prober, limit: settings.concurrency) {
                results[url] = outcome
                if outcome.isLasting { cache.record(url, outcome, fetched: now) }
            }
            summary.fetched = missing.count
            cache.removeStale(now: now)
            do {
                try cache.write()
            } catch {
                summary.cacheProblem = Phrase(en: "cannot write the cache \(settings.cachePath): \(error)",
                                              zh: "无法写入缓存 \(settings.cachePath)：\(error)")
            }
        }
        for c in cited {
            guard let outcome = results[c.url] else { continue }
            switch outcome {
            case .live: continue
            case .moved: summary.moved += 1
            case .failed: summary.failed += 1
            }
            for location in c.locations {
                if let warning = outcome.warning(for: c.url, at: location) { log.add(warning) }
            }
        }
        return summary
    }

    /// `run` for a caller that is not async (the command line): waits for it on this thread.
    /// Never call it from a task (it would hold one of the threads the check needs).
    public static func runAndWait(_ handbook: Handbook, settings: Settings, log: DiagnosticLog,
                                  probe: (any URLProbing)? = nil) -> Summary {
        let box = SummaryBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.summary = await run(handbook, settings: settings, log: log, probe: probe)
            done.signal()
        }
        done.wait()
        return box.summary
    }

    /// Requests every address in `urls`, at most `limit` at a time.
    static func probeAll(_ urls: [String], with probe: any URLProbing, limit: Int) async -> [String: ProbeOutcome] {
        await withTaskGroup(of: (String, ProbeOutcome).self) { group in
            var pending = urls.makeIterator()
            for _ in 0..<max(1, limit) {
                guard let url = pending.next() else { break }
                group.addTask { (url, await probe.probe(url)) }
            }
            var out: [String: ProbeOutcome] = [:]
            while let (url, outcome) = await group.next() {
                out[url] = outcome
                if let next = pending.next() { group.addTask { (next, await probe.probe(next)) } }
            }
            return out
        }
    }

    /// Carries the summary from the task to the waiting thread (the semaphore orders the two).
    private final class SummaryBox: @unchecked Sendable {
        var summary = Summary(urls: 0, cached: 0)
    }
}
