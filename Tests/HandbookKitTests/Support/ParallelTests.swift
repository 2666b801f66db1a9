import Foundation
import Testing
@testable import HandbookKit

/// `parallelMap`: order kept, and nothing kept alive after the results are gone (a leak of every
/// result was found by the `site` fuzz target's LeakSanitizer).
@Suite struct ParallelTests {
    final class Counted: Sendable {
        static let lock = NSLock()
        nonisolated(unsafe) static var alive = 0
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.lock.lock(); Self.alive += 1; Self.lock.unlock()
        }
        deinit { Self.lock.lock(); Self.alive -= 1; Self.lock.unlock() }
    }

    @Test func keepsOrderAndReleasesEveryResult() {
        let saved = Concurrency.jobs
        Concurrency.jobs = 4
        defer { Concurrency.jobs = saved }
        do {
            let out = Array(0..<10_000).parallelMap { Counted($0 * 2) }
            #expect(out.map(\.value) == Array(0..<10_000).map { $0 * 2 })
            #expect(Counted.alive == 10_000)
        }
        #expect(Counted.alive == 0)
    }
}
