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
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.code.rawValue, $0.text.en) < ($1.location, $1.code.rawValue, $1.text.en)
        }
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
