/// One problem found in the content or templates, with where it is and how to fix it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// Error or warning.
    public var severity: Severity
    /// The stable code.
    public var code: DiagnosticCode
    /// What is wrong, in one sentence.
    public var message: String
    /// Where.
    public var location: SourceLocation
    /// How to fix it, in one line (optional).
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// GCC style: `path:line:col: error: message [HB0203 unknown-link-target]`, then the hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(code.rawValue) \(code.name)]"
        if let hint { text += "\n    fix: \(hint)" }
        return text
    }
}
