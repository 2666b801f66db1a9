import Testing
@testable import HandbookKit

@Suite("Regulatory events")
struct RegulatoryEventTests {
    func event(until: String?, stage: EventStage? = nil) -> RegulatoryEvent {
        var e = RegulatoryEvent(date: Day("2027-01-01")!, market: Ref(id: "sa", location: SourceLocation(file: "x")),
                                products: [], title: LocalizedText(["*": "t"]), source: nil, confidence: nil,
                                location: SourceLocation(file: "x"))
        e.commentUntil = until.flatMap(Day.init)
        e.stage = stage
        return e
    }

    @Test func openForCommentUntilTheLastDayIncluded() {
        let today = Day("2026-12-03")!
        #expect(event(until: "2026-12-03").isOpenForComment(on: today))
        #expect(event(until: "2026-12-04", stage: .draft).isOpenForComment(on: today))
        #expect(!event(until: "2026-12-02").isOpenForComment(on: today))
        #expect(!event(until: nil, stage: .draft).isOpenForComment(on: today))
        // A withdrawn draft takes no more comments, whatever its deadline said.
        #expect(!event(until: "2027-01-01", stage: .withdrawn).isOpenForComment(on: today))
    }

    @Test func confidenceOrderAndWeakestSource() {
        #expect(Confidence.low < .medium && Confidence.medium < .high)
        let sources = [SourceRef(title: "a", url: "https://a", confidence: .high), SourceRef(title: "b", url: "https://b"),
                       SourceRef(title: "c", url: "https://c", confidence: .low), SourceRef(title: "d", url: "https://d", confidence: .low)]
        #expect(sources.weakest?.title == "c")
        #expect([SourceRef(title: "b", url: "https://b")].weakest == nil)
    }
}
