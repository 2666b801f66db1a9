import Testing
@testable import HandbookKit

@Suite("TokenTable")
struct TokenTableTests {
    func update(_ table: inout TokenTable<Int>, _ token: String, initial: Int, _ change: (inout Int) -> Void) {
        Array(token.utf8).withUnsafeBufferPointer { table.update($0, initial: initial, change) }
    }

    /// Counts the same as a dictionary, through growth and collisions, with Chinese pairs and
    /// long tokens, keeping first-seen order.
    @Test func countsLikeADictionary() {
        var tokens: [String] = []
        for i in 0..<5_000 { tokens.append("w\(i % 1_777)") }
        tokens += ["电池", "电池", "认证", "iec62133-2:2017", "iec62133-2:2017", "a", "", ""]
        var counts = TokenTable<Int>(expected: 4)
        tokens.forEach { update(&counts, $0, initial: 0) { $0 += 1 } }
        var expected: [String: Int] = [:]
        tokens.forEach { expected[$0, default: 0] += 1 }
        #expect(Dictionary(uniqueKeysWithValues: zip(counts.tokens, counts.values)) == expected)
        #expect(counts.tokens.count == expected.count)
        #expect(Array(counts.tokens.prefix(3)) == ["w0", "w1", "w2"])
        #expect(counts.values[counts.tokens.firstIndex(of: "电池")!] == 2)
    }

    /// Updates of one token reach the same entry; a new token starts at `initial`.
    @Test func updatesMeetInOneEntry() {
        var table = TokenTable<Int>()
        update(&table, "iec", initial: 100) { $0 = max($0, 200) }
        update(&table, "iec", initial: 0) { $0 += 1 }
        update(&table, "62133", initial: 7) { $0 += 1 }
        #expect(table.tokens == ["iec", "62133"])
        #expect(table.values == [201, 8])
    }
}
