import Foundation

/// Counts files written from several threads.
final class FileCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// One more file.
    func add() {
        lock.lock()
        value += 1
        lock.unlock()
    }

    /// Files so far.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
