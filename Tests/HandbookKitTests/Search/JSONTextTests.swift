import Testing
@testable import HandbookKit

@Suite("JSONText")
struct JSONTextTests {
    @Test func stringsAreSafeInsideScriptsAndJavaScript() {
        #expect(JSONText.string("</script><b>&\"\\\n\u{2028}\u{1}") == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u2028\\u0001\"")
        #expect(JSONText.string("沙特 IEC 62133") == "\"沙特 IEC 62133\"")
    }
}
