import Foundation

/// Wall-clock time per pipeline stage, printed by `handbook build --timings`.
public final class StageTimer: @unchecked Sendable {
    private var stages: [(String, Double)] = []
    private var last = Date()
    private let lock = NSLock()

    /// Creates a timer starting now.
    public init() {}

    /// Ends the current stage under `name` and starts the next.
    public func mark(_ name: String) {
        lock.lock()
        let now = Date()
        stages.append((name, now.timeIntervalSince(last)))
        last = now
        lock.unlock()
    }

    /// Records a stage that ran beside the others (its own wall time since `start`), without
    /// ending the current stage.
    public func record(_ name: String, since start: Date) {
        lock.lock()
        stages.append((name, Date().timeIntervalSince(start)))
        lock.unlock()
    }

    /// The lines so far, starting afresh (for a process that times one rebuild after another).
    public func drain() -> [String] {
        lock.lock()
        let out = stages
        stages = []
        last = Date()
        lock.unlock()
        return out.map { name, seconds in "\(name) \(String(format: "%.1f", seconds * 1000)) ms" }
    }

    /// One line per stage: `load 812 ms`.
    public var lines: [String] {
        let width = stages.map(\.0.count).max() ?? 0
        return stages.map { name, seconds in "\(name.padding(toLength: width, withPad: " ", startingAt: 0)) \(Int(seconds * 1000)) ms" }
    }
}
