import Testing
@testable import HandbookKit

/// The ranking's rules on small indexes: every word before some, Chinese runs covered by their
/// pairs, titles and names before summaries before body text.
@Suite("SearchIndex ranking by coverage and fields")
struct SearchRankingTests {
    func doc(_ kind: SearchDocument.Kind, _ title: String, names: [String] = [], descriptions: [String] = [],
             summary: String = "", body: String = "") -> SearchDocument {
        var d = SearchDocument(kind: kind, route: Route("x/\(title)/"), title: title, names: names, headings: [],
                               body: summary.isEmpty ? body : summary + "\n" + body, excerpt: "")
        d.descriptions = descriptions
        d.summary = summary
        return d
    }

    func titles(_ index: SearchIndex, _ query: String) -> [String] {
        index.search(query).map { index.documents[$0].title }
    }

    @Test func theQuerysUnits() {
        #expect(SearchQuery("沙特电池 UN").units == [["un"], ["沙特"], ["沙特", "特电"], ["特电", "电池"], ["电池"]])
        #expect(SearchQuery("电池 电池").units == [["电池"], ["电池"]])
        #expect(SearchQuery("沙").units == [["沙"]])
        #expect(SearchQuery("power bank").units == [["power"], ["bank"]])
        #expect(SearchQuery("the of").units.isEmpty)
        #expect(SearchQuery("IEC 62133-2").units == [["iec"], ["62133"], ["2"]])
        #expect(SearchQuery("bat").prefix == "bat" && SearchQuery("bat ").prefix == nil)
    }

    /// A page with both words in its body comes before a market with one of them in its title.
    @Test func everyWordBeforeSome() {
        let index = SearchIndex([doc(.market, "Power"), doc(.page, "Guide", body: "power bank"),
                                 doc(.product, "Bank notes")])
        #expect(titles(index, "power bank ") == ["Guide", "Power", "Bank notes"])
        #expect(index.results("power bank ").complete == 1)
    }

    /// `沙特电池` is covered by 沙特 and 电池; a page holding only the pair across them (特电) is not.
    @Test func aChineseRunIsCoveredByTheWordsInIt() {
        let index = SearchIndex([doc(.page, "独特电路"), doc(.page, "报告", body: "沙特 的 电池")])
        #expect(titles(index, "沙特电池") == ["报告", "独特电路"])
        #expect(index.results("沙特电池").complete == 1)
    }

    /// All words in a title, name or descriptive title; then in the summary; then in the body.
    @Test func titlesAndNamesBeforeSummaryBeforeBody() {
        let index = SearchIndex([
            doc(.market, "Body", body: "power bank"),
            doc(.product, "Summary", summary: "Cells and power banks."),
            doc(.scheme, "Power banks"),
            doc(.standard, "SNI 8785", descriptions: ["Power banks"]),
        ])
        #expect(titles(index, "power bank ") == ["SNI 8785", "Power banks", "Summary", "Body"])
    }

    /// A requirement naming both words in its title comes before the product and the market that
    /// name one each; among documents with every word in a field, markets and products come first.
    @Test func requirementsNamingBothBeforeGuidesNamingOne() {
        let index = SearchIndex([
            doc(.market, "沙特阿拉伯", body: "电池"),
            doc(.product, "锂电池", summary: "沙特 认可"),
            doc(.requirement, "锂电池 → 沙特阿拉伯"),
        ])
        #expect(titles(index, "沙特 电池") == ["锂电池 → 沙特阿拉伯", "锂电池", "沙特阿拉伯"])
        #expect(titles(index, "沙特") == ["沙特阿拉伯", "锂电池 → 沙特阿拉伯", "锂电池"])
    }

    /// A product's summary opens with what it covers: that sentence is a descriptive title.
    @Test func aProductsFirstSentenceSaysWhatItCovers() {
        #expect(SearchDocuments.firstSentence("Portable cells and power banks (HS 8507.60). The core is IEC 62133-2.")
                == "Portable cells and power banks (HS 8507.60).")
        #expect(SearchDocuments.firstSentence("便携式锂电芯、电池组和移动电源（HS 8507.60）。核心是安全标准。")
                == "便携式锂电芯、电池组和移动电源（HS 8507.60）。")
        #expect(SearchDocuments.firstSentence("No sentence end") == "No sentence end")
    }

    /// A synonym weighs as the field holding its phrase.
    @Test func aSynonymWeighsAsTheFieldOfItsPhrase() {
        let index = SearchIndex([doc(.page, "Guide", summary: "移动电源"), doc(.page, "Power station")],
                                synonyms: ["power bank": ["移动电源"]])
        #expect(titles(index, "power bank ") == ["Guide", "Power station"])
        let weights = Dictionary(uniqueKeysWithValues: SearchIndex.weights(of: doc(.scheme, "移动电源安全"),
                                                                             synonyms: ["power bank": ["移动电源"]]).map { ($0.token, $0.weight) })
        #expect(weights["power"] == SearchIndex.titleWeight)
    }
}
