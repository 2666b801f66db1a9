// TRANSITIONAL: English-only entry points while the messages are being given their Chinese
// form. Deleted when every call site passes a Phrase.
extension Phrase {
    init(untranslated text: String) { self.init(en: text, zh: text) }
}

extension Diagnostic {
    init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil) {
        self.init(severity, code, Phrase(untranslated: message), at: location, hint: hint.map { Phrase(untranslated: $0) })
    }
}

extension DiagnosticLog {
    func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil) {
        error(code, Phrase(untranslated: message), at: location, hint: hint.map { Phrase(untranslated: $0) })
    }

    func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil) {
        warning(code, Phrase(untranslated: message), at: location, hint: hint.map { Phrase(untranslated: $0) })
    }
}
