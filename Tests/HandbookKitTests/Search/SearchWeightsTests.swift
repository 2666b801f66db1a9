import Testing
@testable import HandbookKit

@Suite("SearchIndex weights")
struct SearchWeightsTests {
    func weights(title: String = "T", headings: [String] = [], body: String) -> [String: Int] {
        let d = SearchDocument(kind: .page, route: Route("x/"), title: title, names: [], headings: headings,
                               body: body, excerpt: "")
        let list = SearchIndex.weights(of: d, synonyms: [:])
        #expect(Set(list.map(\.token)).count == list.count, "each token once")
        return Dictionary(uniqueKeysWithValues: list.map { ($0.token, $0.weight) })
    }

    /// Field hundreds plus capped heading (10 each, at most 30) and body (1 each, at most 5) counts.
    @Test func fieldsHeadingsAndBodyAddUp() {
        let w = weights(title: "Inverter", headings: ["inverter rules", "Inverter", "inverter", "inverter"],
                        body: "inverter inverter rules cell cell cell cell cell cell cell")
        #expect(w["inverter"] == 300 + 30 + 2)
        #expect(w["rule"] == 10 + 1)
        #expect(w["cell"] == 5)
    }

    /// Two spellings of one text are one token of the index: one entry, their weights added.
    /// Hangul as one syllable or as its three letters; a compatibility ideograph and the unified
    /// one it stands for.
    @Test func twoSpellingsOfAWordAreOneEntry() {
        let w = weights(body: "\u{D55C}\u{AD6D} \u{1112}\u{1161}\u{11AB}\u{AD6D} \u{F900} \u{8C48} \u{F900}")
        #expect(w.count == 3)   // the title's "t", 한국, 豈
        #expect(w["\u{D55C}\u{AD6D}"] == 2)
        #expect(w["\u{8C48}"] == 3)
    }

    /// Documents of ASCII and unified Han only take the short way; any other character does not.
    @Test func plainTokens() {
        #expect(SearchIndex.isPlain("电池"))
        #expect(SearchIndex.isPlain("iec62133-2"))
        #expect(SearchIndex.isPlain("\u{3400}a\u{4DBF}\u{9FFF}"))
        #expect(!SearchIndex.isPlain("\u{F900}"))       // a compatibility ideograph
        #expect(!SearchIndex.isPlain("\u{3000}"))       // E3 80 80, below U+3400
        #expect(!SearchIndex.isPlain("\u{4DC0}"))       // a hexagram, between the two ranges
        #expect(!SearchIndex.isPlain("\u{A000}"))       // Yi, above
        #expect(!SearchIndex.isPlain("caf\u{E9}"))
        #expect(!SearchIndex.isPlain("\u{20000}"))      // four bytes: extension B
        #expect(weights(body: "电池 电池 iec").count == 3)   // t, 电池, iec
    }
}
