import Foundation

/// How many threads the parallel stages use (set from `--jobs`; defaults to the number of cores).
public enum Concurrency {
    nonisolated(unsafe) public static var jobs = ProcessInfo.processInfo.activeProcessorCount
}

extension Array where Element: Sendable {
    /// Maps the elements on `Concurrency.jobs` threads, keeping the order.
    /// `transform` must be safe to call concurrently.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.max(1, Swift.min(Concurrency.jobs, count))
        if workers < 2 { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            // Found by the fuzzer (LeakSanitizer): without this every result leaked one reference.
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let output = results
        let input = self
        let lock = NSLock()
        nonisolated(unsafe) var next = 0
        let chunk = Swift.max(1, Swift.min(64, count / (workers * 8)))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                lock.lock()
                let start = next
                next += chunk
                lock.unlock()
                if start >= input.count { return }
                for i in start..<Swift.min(input.count, start + chunk) {
                    output[i] = transform(input[i])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Runs `side` on another thread while `main` runs on this one; returns when both are done and
/// rethrows the first error (`main`'s first). Both may use `parallelMap`: the serial parts of one
/// then overlap the other's work.
func inParallel(_ main: () throws -> Void, beside side: @escaping @Sendable () throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var sideError: (any Error)?
    Thread.detachNewThread {
        do { try side() } catch { sideError = error }
        done.signal()
    }
    var mainError: (any Error)?
    do { try main() } catch { mainError = error }
    done.wait()
    if let mainError { throw mainError }
    if let sideError { throw sideError }
}

/// Work started on its own thread; `wait()` gives its result (waiting for it if need be).
final class Background<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
        Thread.detachNewThread {
            let value = work()
            self.lock.lock()
            self.result = value
            self.lock.unlock()
            self.done.signal()
        }
    }

    /// The result, once the work is done (any number of calls).
    func wait() -> T {
        lock.lock()
        if let result {
            lock.unlock()
            return result
        }
        lock.unlock()
        done.wait()
        done.signal()   // let later calls through too
        lock.lock()
        defer { lock.unlock() }
        return result!
    }
}
