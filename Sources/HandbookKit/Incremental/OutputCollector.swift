import Foundation

/// Gathers output files in memory (from several threads), to compare them with the served site.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(String, [UInt8])] = []

    /// The writer to hand to `SiteOutput`.
    var emit: SiteOutput.Emit {
        { [self] path, bytes in
            lock.lock()
            items.append((path, bytes))
            lock.unlock()
        }
    }

    /// Everything gathered so far.
    var files: [(String, [UInt8])] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
