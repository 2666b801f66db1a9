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
        // A combining accent after a character that is cut on its own: the accent stays with it.
        let combining = String(repeating: "电", count: 156) + "e\u{301}" + "xyz"
        #expect(SearchDocuments.excerpt(combining, "") == combining)
        #expect(SearchDocuments.excerpt(combining + "12", "") == String(repeating: "电", count: 156) + "e\u{301}…")
        let joined = String(repeating: "x", count: 157) + "\u{200D}" + String(repeating: "y", count: 10)
        #expect(SearchDocuments.excerpt(joined, "") == String(repeating: "x", count: 157) + "\u{200D}…")
    }

    /// The excerpt as it was made before the fast path: by Characters throughout.
    func byCharacters(_ summary: String, _ body: String) -> String {
        var flat = String((summary.isEmpty ? body : summary).prefix(161))
        if flat.utf8.contains(10) { flat = String(flat.map { $0 == "\n" ? " " : $0 }) }
        return flat.count > 160 ? String(flat.prefix(157)) + "…" : flat
    }

    /// Random text of ASCII, Chinese, accents, joiners, emoji and line breaks is cut exactly as by
    /// Characters.
    @Test func randomTextIsCutAsByCharacters() {
        let pieces = ["a", "Z", " ", "\n", "\r\n", "电", "池", "。", "，", "e\u{301}", "\u{301}", "\u{200D}", "👍", "👍🏽",
                      "🇨🇳", "—", "…", "\u{2028}", "\u{302A}", "ｶﾞ", "Ａ", "한"]
        var generator = SeededGenerator(seed: 160)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...200, using: &generator) { text += pieces.randomElement(using: &generator)! }
            #expect(SearchDocuments.excerpt("", text) == byCharacters("", text), "\(text.debugDescription)")
        }
        // Simple text with one piece that joins or breaks differently near the cut.
        let simple = pieces.filter { $0.unicodeScalars.allSatisfy(SearchDocuments.isSingle) }
        let tricky = pieces.filter { !$0.unicodeScalars.allSatisfy(SearchDocuments.isSingle) }
        #expect(simple.count >= 8 && tricky.count >= 8)
        for _ in 0..<2000 {
            var parts = (0..<Int.random(in: 150...170, using: &generator)).map { _ in simple.randomElement(using: &generator)! }
            if Bool.random(using: &generator) {
                parts.insert(tricky.randomElement(using: &generator)!, at: Int.random(in: 150...parts.count, using: &generator))
            }
            let text = parts.joined()
            #expect(SearchDocuments.excerpt("", text) == byCharacters("", text), "\(text.debugDescription)")
        }
    }
}
