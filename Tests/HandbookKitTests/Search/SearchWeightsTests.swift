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
}
