import Testing
@testable import HandbookMarkdown

@Suite("HTML escaping and URL safety")
struct HTMLEscapeTests {
    @Test func escapesTheFourSpecialCharacters() {
        #expect(HTMLEscape.escape("a & b < c > d \"e\" 'f' 中") == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f' 中")
        #expect(HTMLEscape.escape("plain") == "plain")
        #expect(HTMLEscape.escape("") == "")
    }

    @Test func appendKeepsWhatIsAlreadyThere() {
        var out = "<p>"
        HTMLEscape.append("x<y", to: &out)
        #expect(out == "<p>x&lt;y")
    }

    @Test(arguments: ["javascript:x", " JAVASCRIPT:x", "\tjavascript:x", "vbscript:x", "file:/x", "data:text/html,x",
                      "data:image/svg+xml,<svg>"])
    func dangerous(_ url: String) {
        #expect(HTMLEscape.isDangerousURL(url))
    }

    @Test(arguments: ["https://e.org", "http://e.org", "mailto:a@b.org", "../x/", "#top", "data:image/png;base64,AA",
                      "data:image/jpeg;base64,AA", "market:sa", "javascript-guide.html"])
    func safe(_ url: String) {
        #expect(!HTMLEscape.isDangerousURL(url))
    }

    @Test func hrefPercentEncodesAndEscapes() {
        #expect(HTMLEscape.href("a b\"c<d>|e&f") == "a%20b%22c%3Cd%3E%7Ce&amp;f")
        #expect(HTMLEscape.href("https://e.org/认证?q=1#x") == "https://e.org/认证?q=1#x")
        #expect(HTMLEscape.href("a\tb\u{7F}") == "a%09b%7F")
    }
}
