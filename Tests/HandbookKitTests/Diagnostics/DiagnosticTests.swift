import Foundation
import Testing
@testable import HandbookKit

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test func gccStyleDescription() {
        let d = Diagnostic(.error, .unknownLinkTarget, "unknown market 'sx' in link (did you mean 'sa'?)",
                           at: SourceLocation(file: "Content/markets/sa.md", line: 12, column: 5),
                           hint: "link to one of: eu, sa")
        #expect(d.description == """
        Content/markets/sa.md:12:5: error: unknown market 'sx' in link (did you mean 'sa'?) [HB0203 unknown-link-target]
            fix: link to one of: eu, sa
        """)
        let w = Diagnostic(.warning, .unknownField, "unknown field 'nmae'", at: SourceLocation(file: "a.md", line: 2, column: 1))
        #expect(w.description == "a.md:2:1: warning: unknown field 'nmae' [HB0113 unknown-field]")
    }

    @Test func codesAreUniqueAndNamed() {
        let all = DiagnosticCode.allCases
        #expect(Set(all.map(\.rawValue)).count == all.count)
        #expect(Set(all.map(\.name)).count == all.count)
        for code in all {
            #expect(code.rawValue.wholeMatch(of: /HB0[1-6][0-9][0-9]/) != nil)
            #expect(code.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil)
        }
    }

    @Test func logSortsByLocationAndDropsDuplicates() {
        let log = DiagnosticLog()
        let b2 = Diagnostic(.error, .invalidDate, "x", at: SourceLocation(file: "b.md", line: 2, column: 1))
        let a10 = Diagnostic(.warning, .unknownField, "y", at: SourceLocation(file: "a.md", line: 10, column: 1))
        let a9 = Diagnostic(.error, .yamlSyntax, "z", at: SourceLocation(file: "a.md", line: 9, column: 7))
        log.add(b2)
        log.add(a10)
        log.add(a9)
        log.add(b2)
        #expect(log.all == [a9, a10, b2])
        #expect(log.errorCount == 3)  // counts every error added, duplicates included
    }

    @Test func logIsThreadSafe() {
        let log = DiagnosticLog()
        DispatchQueue.concurrentPerform(iterations: 1000) { i in
            log.error(.invalidValue, .verbatim("m\(i)"), at: SourceLocation(file: "f", line: i + 1))
        }
        #expect(log.all.count == 1000)
        #expect(log.all.map(\.location.line) == Array(1...1000))
    }
}
