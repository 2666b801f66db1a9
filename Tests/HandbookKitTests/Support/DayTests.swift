import Testing
@testable import HandbookKit

@Suite("Day")
struct DayTests {
    @Test func parsesAndPrints() throws {
        let d = try #require(Day("2025-05-22"))
        #expect((d.year, d.month, d.day) == (2025, 5, 22))
        #expect(d.description == "2025-05-22")
        #expect(Day("0099-01-02")?.description == "0099-01-02")
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2025-12-31", "2025-04-30", "1970-01-01"])
    func validDays(_ text: String) {
        #expect(Day(text)?.description == text)
    }

    @Test(arguments: ["2025-02-30", "2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                      "2025-1-01", "2025-01-1", "25-01-01", "20250101", "2025/01/01", "2025-01-01T00:00", "", "yes",
                      "2025-01-01-01", "abcd-ef-gh"])
    func invalidDays(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test(arguments: ["2025-+1-01", "2025-01-+5", "+999-01-01"])
    func signedNumbersAreNotDates(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test(arguments: [("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11017), ("2024-02-29", 19782),
                      ("2026-11-27", 20784), ("1600-03-01", -135080), ("9999-12-31", 2932896), ("0001-01-01", -719162)])
    func daysSinceEpoch(_ text: String, _ days: Int) throws {
        let d = try #require(Day(text))
        #expect(d.daysSinceEpoch == days)
        #expect(Day(daysSinceEpoch: days) == d)
    }

    @Test func roundTripOverFourCenturies() {
        var previous: Day?
        for n in stride(from: -146_097, through: 146_097 * 2, by: 1) {
            let d = Day(daysSinceEpoch: n)
            if d.daysSinceEpoch != n || Day(d.description) != d {
                Issue.record("round trip failed for \(n): \(d)")
                return
            }
            if let previous, !(previous < d) {
                Issue.record("not increasing at \(n): \(previous) then \(d)")
                return
            }
            previous = d
        }
    }

    @Test func ordering() throws {
        let a = try #require(Day("2025-01-31")), b = try #require(Day("2025-02-01")), c = try #require(Day("2026-01-01"))
        #expect(a < b && b < c && !(c < a))
        #expect([c, a, b].sorted() == [a, b, c])
    }
}
