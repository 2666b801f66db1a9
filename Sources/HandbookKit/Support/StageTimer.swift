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

    private var steps: [String: UInt64] = [:]
    private var stepOrder: [String] = []

    /// Adds `nanoseconds` of one thread's time to step `name` (steps run on all cores, inside
    /// stages: reading, parsing, compressing…).
    public func add(_ name: String, nanoseconds: UInt64) {
        lock.lock()
        if steps[name] == nil { stepOrder.append(name) }
        steps[name, default: 0] += nanoseconds
        lock.unlock()
    }

    /// One line per stage (`load 812 ms`), then the time of each step summed over all threads.
    public var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        let width = (stages.map(\.0.count) + stepOrder.map { $0.count + 2 }).max() ?? 0
        func line(_ name: String, _ ms: Int) -> String { "\(name.padding(toLength: width, withPad: " ", startingAt: 0)) \(ms) ms" }
        var out = stages.map { name, seconds in line(name, Int(seconds * 1000)) }
        if !stepOrder.isEmpty {
            out.append("time per step, all threads together:")
            out += stepOrder.map { line("  " + $0, Int(steps[$0]! / 1_000_000)) }
        }
        return out
    }
}

/// Runs `body`, adding its time to step `name` of `timer` (when there is one).
@inline(__always)
func timed<T>(_ timer: StageTimer?, _ name: String, _ body: () throws -> T) rethrows -> T {
    guard let timer else { return try body() }
    let start = DispatchTime.now().uptimeNanoseconds
    defer { timer.add(name, nanoseconds: DispatchTime.now().uptimeNanoseconds - start) }
    return try body()
}
