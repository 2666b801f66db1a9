import Testing
@testable import HandbookKit

@Suite("Search excerpts")
struct SearchExcerptTests {
    /// ASCII (one Character per byte) and other text are cut alike: at 160 characters, on one line.
    @Test func cutAtOneHundredSixtyCharactersOnOneLine() {
        let ascii = String(repeating: "abcd\n", count: 40)   // 200 characters
        let cut = SearchDocuments.excerpt("", ascii)
        #expect(cut == String(String(repeating: "abcd ", count: 40).prefix(157)) + "…")
        #expect(cut.count == 158)
        let chinese = String(repeating: "电池储能\n", count: 40)
        #expect(SearchDocuments.excerpt("", chinese) == String(String(repeating: "电池储能 ", count: 40).prefix(157)) + "…")
        let exactly = String(repeating: "x", count: 160)
        #expect(SearchDocuments.excerpt(exactly, "body") == exactly)
        #expect(SearchDocuments.excerpt(exactly + "y", "") == String(repeating: "x", count: 157) + "…")
    }

    /// A summary wins over the body; "\r\n" is one character (the slow path), an accent too.
    @Test func summaryFirstAndLineBreaksAsSpaces() {
        #expect(SearchDocuments.excerpt("Short summary", "Body text") == "Short summary")
        #expect(SearchDocuments.excerpt("", "Line one\nline two") == "Line one line two")
        #expect(SearchDocuments.excerpt("", "a\r\nb") == "a\r\nb")
        let accented = String(repeating: "é", count: 161)
        #expect(SearchDocuments.excerpt(accented, "") == String(repeating: "é", count: 157) + "…")
        #expect(SearchDocuments.excerpt("", "") == "")
    }
}
