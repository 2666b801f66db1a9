import Foundation

/// Counts finished pages across threads and reports every 1 % (for a progress line).
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let every: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
        every = max(1, total / 100)
    }

    /// One more page is done.
    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        if now % every == 0 || now == total { report(now, total) }
    }
}
