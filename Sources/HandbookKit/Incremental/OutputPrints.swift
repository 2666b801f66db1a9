import Foundation

/// Gathers what each written file is and a hash of its bytes (from several threads), for the
/// state a build leaves in its output folder.
final class OutputPrints: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String: BuildState.Output] = [:]
    var timer: StageTimer?

    /// A writer that records each file as `category`, then hands it to `emit`.
    func recording(_ category: BuildState.Category, then emit: @escaping SiteOutput.Emit) -> SiteOutput.Emit {
        { [self] path, bytes in
            let output = BuildState.Output(category: category, hash: timed(timer, "hash outputs") { StableHash.of(bytes) })
            lock.lock()
            items[path] = output
            lock.unlock()
            try emit(path, bytes)
        }
    }

    /// Every file recorded so far.
    var outputs: [String: BuildState.Output] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
