/// Turns diagnostics into what people and tools read: compiler-style text with the source line and
/// a caret under the column, or JSON.
public enum DiagnosticFormatter {
    /// One diagnostic as text: the GCC-style first line, the offending source line with a caret
    /// under the column (when `sourceLine` is given), and the fix.
    /// - Parameters:
    ///   - sourceLine: the text of the line the diagnostic points at.
    ///   - color: ANSI colours (only for a terminal).
    ///   - language: the language of the words around the location and code.
    public static func text(_ d: Diagnostic, sourceLine: String?, color: Bool, language: MessageLanguage = .en) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let word = d.severity.word(language)
        let severity = d.severity == .error ? paint(word, "1;31") : paint(word, "1;33")
        // Chinese tools (GCC's zh_CN messages among them) put a full-width colon after the word.
        let colon = language == .zh ? "：" : ": "
        var out = "\(paint(d.location.description, "1")): \(severity)\(colon)\(d.text[language]) [\(d.code.rawValue) \(d.code.name)]"
        if let sourceLine, d.location.line > 0 {
            let (shown, caretColumn) = window(sourceLine, column: d.location.column)
            out += "\n    " + shown + "\n    " + String(repeating: " ", count: caretColumn) + paint("^", "1;32")
        }
        if let fix = d.fix {
            out += "\n    " + (language == .zh ? paint("修改：", "36") + fix.zh : paint("fix:", "36") + " " + fix.en)
        }
        return out
    }

    /// The part of `line` to show (at most about 100 display columns around `column`) and the
    /// display column of the caret in it; wide (CJK) characters take two columns, tabs become spaces.
    static func window(_ line: String, column: Int) -> (String, Int) {
        var chars = Array(line.replacingTabs())
        var target = max(0, min(column - 1, chars.count))
        var prefix = "", suffix = ""
        if chars.count > 100 {
            let start = max(0, min(target - 40, chars.count - 100))
            let end = min(chars.count, start + 100)
            if start > 0 { prefix = "…" }
            if end < chars.count { suffix = "…" }
            chars = Array(chars[start..<end])
            target -= start
        }
        let caret = (prefix.isEmpty ? 0 : 1) + chars[..<min(target, chars.count)].reduce(0) { $0 + width(of: $1) }
        return (prefix + String(chars) + suffix, caret)
    }

    /// Display width of a character: 2 for East Asian wide and full-width forms, else 1.
    static func width(of c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value else { return 1 }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }

    /// All diagnostics as one JSON document (see docs/editors.md, "Diagnostics as JSON").
    /// - Parameter language: the language of `message` and `hint` (keys and codes never change).
    public static func json(_ diagnostics: [Diagnostic], language: MessageLanguage = .en) -> String {
        let items = diagnostics.map { d -> String in
            var fields = [
                "\"file\":" + JSONText.string(d.location.file), "\"line\":\(d.location.line)",
                "\"column\":\(d.location.column)", "\"severity\":" + JSONText.string(d.severity.rawValue),
                "\"code\":" + JSONText.string(d.code.rawValue), "\"name\":" + JSONText.string(d.code.name),
                "\"message\":" + JSONText.string(d.text[language]),
            ]
            if let fix = d.fix { fields.append("\"hint\":" + JSONText.string(fix[language])) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return "{\"version\":1,\"errors\":\(errors),\"warnings\":\(diagnostics.count - errors),\"diagnostics\":[\n"
            + items.joined(separator: ",\n") + "\n]}\n"
    }
}

extension String {
    func replacingTabs() -> String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}
