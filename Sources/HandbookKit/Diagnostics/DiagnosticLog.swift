import Foundation

/// Collects diagnostics from all stages (thread-safe), to report them once at the end.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    /// Creates an empty log.
    public init() {}

    /// Adds one diagnostic.
    public func add(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    /// Adds an error.
    public func error(_ code: DiagnosticCode, _ message: Phrase, at location: SourceLocation, hint: Phrase? = nil) {
        add(Diagnostic(.error, code, message, at: location, hint: hint))
    }

    /// Adds a warning.
    public func warning(_ code: DiagnosticCode, _ message: Phrase, at location: SourceLocation, hint: Phrase? = nil) {
        add(Diagnostic(.warning, code, message, at: location, hint: hint))
    }

    /// All diagnostics, sorted by file, line and column, without duplicates.
    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        // Sorted first, so a duplicate sits in the run of diagnostics with its place, code and
        // message (hashing every one, both languages, took longer on large handbooks).
        let sorted = items.sorted {
            ($0.location, $0.code.rawValue, $0.text.en, $0.fix?.en ?? "") < ($1.location, $1.code.rawValue, $1.text.en, $1.fix?.en ?? "")
        }
        var out: [Diagnostic] = []
        out.reserveCapacity(sorted.count)
        var run = 0
        for d in sorted {
            if let last = out.last, last.location == d.location, last.code == d.code, last.text.en == d.text.en {
                if out[run...].contains(d) { continue }
            } else {
                run = out.count
            }
            out.append(d)
        }
        return out
    }

    /// The number of warnings so far.
    public var warningCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return items.filter { $0.severity == .warning }.count
    }

    /// The number of errors so far.
    public var errorCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return items.filter { $0.severity == .error }.count
    }
}
