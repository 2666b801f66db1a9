import Testing
@testable import HandbookKit

/// The answer box ("is a CB report enough?") on the valid fixture: battery → Saudi Arabia accepts a
/// CB report with national differences, battery → EU partly, PV → Saudi Arabia needs local testing.
@Suite("CB answer")
struct CBAnswerTests {
    static let handbook = GapCheckTests.handbook

    func answer(_ id: String, _ language: String = "en") -> CBAnswer {
        CBAnswer(Self.handbook.requirement(id)!, in: Self.handbook, language: language, fallbacks: [])
    }

    @Test func verdictNeedsAndWhereToApplyComeFromTheRow() {
        let sa = answer("battery/sa")
        #expect(sa.verdict == .yes)
        // UN 38.3 is a transport test, not in a CB report.
        #expect(sa.covers == ["iec-62133-2"])
        #expect(sa.needs == [.init(key: "differences"), .init(key: "representative"), .init(key: "labelling"),
                             .init(key: "documents", count: 2)])
        #expect(sa.apply == ["sa-iecee-rc"])
    }

    @Test func unknownFieldsAddNothing() {
        let eu = answer("battery/eu")
        #expect(eu.verdict == .partly)
        #expect(eu.needs == [.init(key: "documents", count: 1)])
        let pv = answer("pv/sa")
        #expect(pv.verdict == .no)
        #expect(pv.needs.map(\.key) == ["local_testing", "documents"])
    }

    @Test(arguments: [
        ("CB reuse is partial: the RC is issued from the CB report. Local tests follow.", "CB reuse is partial: the RC is issued from the CB report."),
        ("SAMR Announcement No. 10 of 2023 applies. Then more.", "SAMR Announcement No. 10 of 2023 applies."),
        ("Testing to e.g. IEC 62133 is needed. More.", "Testing to e.g. IEC 62133 is needed."),
        ("RC 以 CB 证书为依据，即“一次检测”。其余另述。", "RC 以 CB 证书为依据，即“一次检测”。"),
        ("No sentence end", "No sentence end"),
        ("Version 2.1 applies.", "Version 2.1 applies."),
    ])
    func firstSentenceIsTheReason(_ text: String, _ expected: String) {
        #expect(CBAnswer.firstSentence(text) == expected)
    }
}
