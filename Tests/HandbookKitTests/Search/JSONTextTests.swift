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
}
