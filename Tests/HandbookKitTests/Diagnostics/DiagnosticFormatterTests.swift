import Foundation
import Testing
@testable import HandbookKit

@Suite("DiagnosticFormatter")
struct DiagnosticFormatterTests {
    let d = Diagnostic(.error, .unknownReference, "unknown region 'midle-east' (did you mean 'middle-east'?)",
                       at: SourceLocation(file: "Content/markets/sa.md", line: 3, column: 9),
                       hint: "regions are defined in data/regions: europe, middle-east")

    @Test func textShowsTheLineAndACaretUnderTheColumn() {
        #expect(DiagnosticFormatter.text(d, sourceLine: "region: midle-east", color: false) == """
            Content/markets/sa.md:3:9: error: unknown region 'midle-east' (did you mean 'middle-east'?) [HB0201 unknown-reference]
                region: midle-east
                        ^
                fix: regions are defined in data/regions: europe, middle-east
            """)
    }

    @Test func wideCharactersTakeTwoColumnsBeforeTheCaret() {
        var link = d
        link.location.column = 4   // the link after "见见 " (3 characters, 5 display columns)
        let text = DiagnosticFormatter.text(link, sourceLine: "见见 [](market:ue)", color: false)
        #expect(text.contains("\n    见见 [](market:ue)\n         ^\n"))
    }

    @Test func longLinesAreCutAroundTheColumn() {
        let line = String(repeating: "a,", count: 200) + "in-forse" + String(repeating: ",b", count: 200)
        var cell = d
        cell.location.column = 401
        let (shown, caret) = DiagnosticFormatter.window(line, column: 401)
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        #expect(Array(shown)[caret...].starts(with: "in-forse"))
        #expect(DiagnosticFormatter.text(cell, sourceLine: line, color: false).split(separator: "\n").count == 4)
    }

    @Test func withoutASourceLineOnlyMessageAndFix() {
        #expect(DiagnosticFormatter.text(d, sourceLine: nil, color: false).split(separator: "\n").count == 2)
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!DiagnosticFormatter.text(d, sourceLine: "x", color: false).contains("\u{1B}["))
        #expect(DiagnosticFormatter.text(d, sourceLine: "x", color: true).contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let warning = Diagnostic(.warning, .staleReview, "old", at: SourceLocation(file: "a \"b\".md", line: 1, column: 2))
        let text = DiagnosticFormatter.json([d, warning])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["file"] as? String == "Content/markets/sa.md")
        #expect(items[0]["line"] as? Int == 3 && items[0]["column"] as? Int == 9)
        #expect(items[0]["severity"] as? String == "error")
        #expect(items[0]["code"] as? String == "HB0201" && items[0]["name"] as? String == "unknown-reference")
        #expect(items[0]["hint"] as? String == "regions are defined in data/regions: europe, middle-east")
        #expect(items[1]["file"] as? String == "a \"b\".md")
        #expect(items[1]["hint"] == nil)
    }
}
