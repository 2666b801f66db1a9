import Testing
@testable import HandbookKit

@Suite("TokenCounts")
struct TokenCountsTests {
    /// Counts the same as a dictionary, through growth and collisions, with Chinese pairs and
    /// long tokens, keeping first-seen order.
    @Test func countsLikeADictionary() {
        var tokens: [String] = []
        for i in 0..<5_000 { tokens.append("w\(i % 1_777)") }
        tokens += ["电池", "电池", "认证", "iec62133-2:2017", "iec62133-2:2017", "a", "", ""]
        var counts = TokenCounts(expected: 4)
        tokens.forEach { counts.add($0) }
        var expected: [String: Int] = [:]
        tokens.forEach { expected[$0, default: 0] += 1 }
        #expect(Dictionary(uniqueKeysWithValues: zip(counts.tokens, counts.counts)) == expected)
        #expect(counts.tokens.count == expected.count)
        #expect(Array(counts.tokens.prefix(3)) == ["w0", "w1", "w2"])
        #expect(counts.counts[counts.tokens.firstIndex(of: "电池")!] == 2)
    }
}
