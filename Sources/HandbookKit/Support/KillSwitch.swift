import Foundation

/// A seam for the killed-build tests: with `HANDBOOK_KILL_AFTER_WRITES=n` in its environment, the
/// process kills itself (SIGKILL, as a power cut or `kill -9` would) as it starts its n-th file
/// write, so a test stops a build at an exact point of its writing instead of after a guessed
/// delay. Without the variable it does nothing.
enum KillSwitch {
    private static let limit = ProcessInfo.processInfo.environment["HANDBOOK_KILL_AFTER_WRITES"].flatMap(Int.init)
    private static let lock = NSLock()
    nonisolated(unsafe) private static var writes = 0

    /// Called before each file write.
    static func write() {
        guard let limit else { return }
        lock.lock()
        writes += 1
        let reached = writes >= limit
        lock.unlock()
        if reached { kill(getpid(), SIGKILL) }
    }
}
