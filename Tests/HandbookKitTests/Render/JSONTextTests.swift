import Testing
@testable import HandbookKit

@Suite("JSONText")
struct JSONTextTests {
    /// The fast path (nothing to escape) never lets a special character through, and a
    /// character that only shares U+2028's first byte (— is E2 80 94) stays as it is.
    @Test func everySpecialCharacterIsEscapedInPlainText() {
        for c in ["\"", "\\", "\n", "\u{1}", "<", ">", "&", "\u{2028}", "\u{2029}"] {
            let plain = "IEC 62133 " + c + " battery"
            #expect(JSONText.string(plain) != "\"" + plain + "\"", "\(Array(c.unicodeScalars))")
        }
        #expect(JSONText.string("2017 — 2025 → 电池") == "\"2017 — 2025 → 电池\"")
        #expect(JSONText.string("") == "\"\"")
    }

    @Test func stringsAreSafeInsideScriptsAndJavaScript() {
        #expect(JSONText.string("</script><b>&\"\\\n\u{2028}\u{1}") == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u2028\\u0001\"")
        #expect(JSONText.string("沙特 IEC 62133") == "\"沙特 IEC 62133\"")
    }

    /// The escaping over bytes, where a character shares U+2028's first bytes (— is E2 80 94, ‡
    /// is E2 80 A1) or ends the text after them, and every control character.
    @Test func bytesAndSlowPathEscapeEachCharacterOnce() {
        #expect(JSONText.string("a\u{2029}b—c‡\u{2028}") == #""a\u2029b—c‡\u2028""#)
        #expect(JSONText.string("<\u{E2}") == #""\u003c\#u{E2}""#)
        #expect(JSONText.string("\t\r\u{1F}\u{7F}\u{B}") == #""\t\r\u001f\#u{7F}\u000b""#)
        var bytes: [UInt8] = Array("x".utf8)
        JSONText.append("<b> & 电池\n", to: &bytes)
        JSONText.append("plain", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"x"\u003cb\u003e \u0026 电池\n""plain""#)
    }
}

