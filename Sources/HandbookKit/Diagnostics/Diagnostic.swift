/// One problem found in the content or templates, with where it is and how to fix it, in English
/// and Chinese.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }

        /// The word printed before the message: `error`, `warning` / `错误`, `警告`.
        public func word(_ language: MessageLanguage) -> String {
            switch (self, language) {
            case (.error, .en): "error"
            case (.warning, .en): "warning"
            case (.error, .zh): "错误"
            case (.warning, .zh): "警告"
            }
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// The stable code.
    public var code: DiagnosticCode
    /// What is wrong, in one sentence.
    public var text: Phrase
    /// Where.
    public var location: SourceLocation
    /// How to fix it, in one line (optional).
    public var fix: Phrase?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: DiagnosticCode, _ text: Phrase, at location: SourceLocation,
                hint: Phrase? = nil) {
        self.severity = severity
        self.code = code
        self.text = text
        self.location = location
        self.fix = hint
    }

    /// The message in English (what tests and the default output compare).
    public var message: String { text.en }
    /// The fix in English.
    public var hint: String? { fix?.en }

    /// GCC style in English: `path:line:col: error: message [HB0203 unknown-link-target]`, then the hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(code.rawValue) \(code.name)]"
        if let hint { text += "\n    fix: \(hint)" }
        return text
    }
}
