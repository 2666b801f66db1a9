/// A template syntax error with its place in the template.
struct MustacheError: Error, Sendable {
    /// What is wrong, in English and Chinese.
    var text: Phrase
    /// How to fix it, in English and Chinese.
    var fix: Phrase
    var line: Int
    var column: Int

    init(_ text: Phrase, hint: Phrase, line: Int, column: Int) {
        self.text = text
        self.fix = hint
        self.line = line
        self.column = column
    }

    /// The message in English.
    var message: String { text.en }
    /// The hint in English.
    var hint: String { fix.en }
}
