import Testing
@testable import HandbookKit

@Suite("SearchIndex ranking")
struct SearchIndexTests {
    func doc(_ kind: SearchDocument.Kind, _ title: String, names: [String] = [], headings: [String] = [],
             body: String = "") -> SearchDocument {
        SearchDocument(kind: kind, route: Route("x/\(title)/"), title: title, names: names, headings: headings,
                       body: body, excerpt: "")
    }

    @Test func titleBeatsHeadingBeatsBody() {
        let index = SearchIndex([
            doc(.page, "Body", body: "inverter inverter"),
            doc(.page, "Heading", headings: ["Inverter rules"]),
            doc(.page, "Inverter"),
        ])
        #expect(index.search("inverter ").map { index.documents[$0].title } == ["Inverter", "Heading", "Body"])
    }

    @Test func matchingMoreWordsBeatsWeight() {
        let index = SearchIndex([
            doc(.page, "Saudi Saudi", body: "saudi saudi saudi"),
            doc(.page, "Other", body: "saudi inverter"),
        ])
        #expect(index.search("saudi inverter ").map { index.documents[$0].title } == ["Other", "Saudi Saudi"])
    }

    @Test func theLastWordMatchesAsAPrefixAtHalfWeight() {
        let index = SearchIndex([doc(.page, "Batteries"), doc(.page, "Bat")])
        #expect(index.search("bat").map { index.documents[$0].title } == ["Bat", "Batteries"])
        // With a trailing space the word is whole: no prefix match.
        #expect(index.search("bat ").map { index.documents[$0].title } == ["Bat"])
        // One Han character finds the bigrams that start with it.
        let han = SearchIndex([doc(.market, "沙特阿拉伯"), doc(.market, "巴西")])
        #expect(han.search("沙").map { han.documents[$0].title } == ["沙特阿拉伯"])
    }

    @Test func tiesGoToMarketsAndProductsThenShorterTitles() {
        let index = SearchIndex([
            doc(.standard, "电池安全要求"), doc(.page, "电池"), doc(.product, "锂电池和电池组"), doc(.product, "锂电池"),
        ])
        #expect(index.search("电池").map { index.documents[$0].title } == ["锂电池", "锂电池和电池组", "电池安全要求", "电池"])
        // Without a title match, weight decides before kind.
        let body = SearchIndex([doc(.page, "A", body: "电池 电池"), doc(.market, "B", body: "电池")])
        #expect(body.search("电池").map { body.documents[$0].title } == ["A", "B"])
    }

    @Test func codesAreFoundHoweverTheyAreTyped() {
        let index = SearchIndex([doc(.standard, "IEC 62133-2:2017"), doc(.standard, "IEC 62619:2022"),
                                 doc(.product, "Cells", names: ["8507.60"])])
        for query in ["62133", "62133-2", "iec62133", "IEC 62133-2", "iec 62133"] {
            #expect(index.search(query).first.map { index.documents[$0].title } == "IEC 62133-2:2017", "\(query)")
        }
        for query in ["8507.60", "850760", "8507"] {
            #expect(index.search(query).first.map { index.documents[$0].title } == "Cells", "\(query)")
        }
    }

    @Test func synonymsFindThePhrase() {
        let index = SearchIndex([doc(.product, "Battery energy storage systems"), doc(.page, "Other", body: "储能系统")],
                                synonyms: ["ESS": ["energy storage", "储能"]])
        #expect(index.search("ess").map { index.documents[$0].title } == ["Battery energy storage systems", "Other"])
    }

    @Test func emptyAndStopWordQueriesFindNothing() {
        let index = SearchIndex([doc(.page, "The page")])
        #expect(index.search("").isEmpty)
        #expect(index.search("the and of").isEmpty)
    }
}
