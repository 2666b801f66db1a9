import Testing
@testable import HandbookKit

@Suite("Suggestions (did you mean)")
struct SuggestionsTests {
    @Test func closestWithinTheLimit() {
        #expect(Suggestions.closest(to: "sx", in: ["sa", "eu"]) == "sa")
        #expect(Suggestions.closest(to: "li-ion-portble", in: ["li-ion-portable", "pv-module"]) == "li-ion-portable")
        #expect(Suggestions.closest(to: "SA", in: ["sa", "eu"]) == "sa")
    }

    @Test func swappedNeighboursCountAsOneEdit() {
        #expect(Suggestions.closest(to: "as", in: ["sa", "eu"]) == "sa")
        #expect(Suggestions.closest(to: "iec-6213-32", in: ["iec-62133-2", "un-38-3"]) == "iec-62133-2")
    }

    @Test func nothingCloseEnough() {
        #expect(Suggestions.closest(to: "xyz", in: ["sa", "eu"]) == nil)
        #expect(Suggestions.closest(to: "sa", in: [String]()) == nil)
        #expect(Suggestions.closest(to: "batteries", in: ["pv-module"]) == nil)
    }

    @Test func tiesGoToTheAlphabeticallyFirst() {
        #expect(Suggestions.closest(to: "sb", in: ["sc", "sa"]) == "sa")
    }

    @Test func prefersTheNearest() {
        #expect(Suggestions.closest(to: "routess", in: ["route", "routes"]) == "routes")
    }

    @Test func didYouMeanText() {
        #expect(Suggestions.suggestion("sx", in: ["sa", "eu"]).en == " (did you mean 'sa'?)")
        #expect(Suggestions.suggestion("xyz", in: ["sa", "eu"]).en == "")
    }

    @Test func suggestionInChinese() {
        #expect(Suggestions.suggestion("sx", in: ["sa", "eu"]).zh == "（是不是“sa”？）")
        // Two equally close candidates, in alphabetical order.
        #expect(Suggestions.suggestion("sb", in: ["sc", "sa", "eu"]) == Phrase(en: " (did you mean 'sa' or 'sc'?)",
                                                                              zh: "（是不是“sa”或“sc”？）"))
        #expect(Suggestions.suggestion("xyz", in: ["sa", "eu"]) == .empty)
    }

    @Test(arguments: [("kitten", "sitting", 5, 3), ("", "abc", 5, 3), ("abc", "", 5, 3), ("abc", "abc", 1, 0),
                      ("ab", "ba", 2, 1), ("a", "abcdef", 2, 3), ("认证", "认可", 2, 1)])
    func distance(_ a: String, _ b: String, _ limit: Int, _ expected: Int) {
        #expect(Suggestions.distance(a, b, limit: limit) == expected)
    }
}
