import Testing
@testable import HandbookKit

@Suite("CrossReference")
struct CrossReferenceTests {
    @Test func parsesKindIDAndAnchor() throws {
        let r = try #require(CrossReference("market:sa#iecee"))
        #expect(r.kind == .market)
        #expect(r.id == "sa")
        #expect(r.anchor == "iecee")
    }

    @Test func requirementIDHasASlash() throws {
        let r = try #require(CrossReference("req:li-ion-portable/sa"))
        #expect(r.kind == .req)
        #expect(r.id == "li-ion-portable/sa")
        #expect(r.anchor == nil)
    }

    @Test func pageWithEmptyAnchor() throws {
        let r = try #require(CrossReference("page:guides/start#"))
        #expect(r.kind == .page)
        #expect(r.id == "guides/start")
        #expect(r.anchor == "")
    }

    @Test(arguments: ["https://e.org", "mailto:a@b", "../x.md", "#top", "markets:sa", "Market:sa", "sa"])
    func ordinaryDestinationsAreNotCrossReferences(_ destination: String) {
        #expect(CrossReference(destination) == nil)
    }

    @Test func everyKindParses() {
        for kind in CrossReference.Kind.allCases {
            #expect(CrossReference("\(kind.rawValue):x")?.kind == kind)
        }
    }
}
