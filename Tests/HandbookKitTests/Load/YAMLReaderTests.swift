import Foundation
import Testing
@testable import HandbookKit

@Suite("YAMLReader")
struct YAMLReaderTests {
    let file = "markets/x.md"

    func map(_ text: String, firstLine: Int = 1) throws -> RawMap {
        guard case .map(let m, _)? = try YAMLReader.read(text, file: file, firstLine: firstLine).get() else {
            Issue.record("not a map")
            return RawMap()
        }
        return m
    }

    /// The failure, in English only (to compare with English-only diagnostics).
    func failure(_ text: String, firstLine: Int = 1) -> Diagnostic? {
        if case .failure(let d) = YAMLReader.read(text, file: file, firstLine: firstLine) { return d.english }
        return nil
    }

    @Test func scalarsStayWords() throws {
        let m = try map("a: yes\nb: no\nc: on\nd: 1.0\ne: 2025-01-01\nf: ~\ng: null\nh: 'null'\ni: \"yes\"\nj:\n")
        #expect(m.entries.map(\.key) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        #expect(m.entries.map { $0.value.scalar } == ["yes", "no", "on", "1.0", "2025-01-01", "", "", "null", "yes", ""])
    }

    @Test func locationsAreOffsetByTheFirstLine() throws {
        let m = try map("a: 1\nb:\n  - x\n  - 认证: y\n", firstLine: 2)
        #expect(m.entry("a")?.keyLocation == SourceLocation(file: file, line: 2, column: 1))
        #expect(m["a"]?.location == SourceLocation(file: file, line: 2, column: 4))
        #expect(m.entry("b")?.keyLocation == SourceLocation(file: file, line: 3, column: 1))
        guard case .list(let items, let l)? = m["b"] else {
            Issue.record("b is not a list")
            return
        }
        #expect(l == SourceLocation(file: file, line: 4, column: 3))
        #expect(items.map(\.location) == [SourceLocation(file: file, line: 4, column: 5),
                                          SourceLocation(file: file, line: 5, column: 5)])
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLReader.read("", file: file).get() == nil)
        #expect(try YAMLReader.read("# only a comment\n", file: file).get() == nil)
    }

    @Test func syntaxErrorIsOffsetByTheFrontMattersFirstLine() {
        // Line 2 of the YAML ("  bad: indent") is line 3 of the file when the front matter starts at line 2.
        let d = failure("name: ok\n  bad: indent\n", firstLine: 2)
        #expect(d?.severity == .error)
        #expect(d?.code == .yamlSyntax)
        #expect(d?.location == SourceLocation(file: file, line: 3, column: 6))
        #expect(d?.message == "YAML: ': ' is not allowed here (is this line indented differently from the one above, or does a value contain ': '?)")
        #expect(d?.hint == "line up the keys, and put text that contains ': ' in quotes")
        // Same text at the top of a file: one line earlier.
        #expect(failure("name: ok\n  bad: indent\n")?.location == SourceLocation(file: file, line: 2, column: 6))
    }

    @Test func unclosedFlowSequenceIsASyntaxError() {
        #expect(failure("a: 1\nb: [x, y\nc: 2\n", firstLine: 2) == Diagnostic(
            .error, .yamlSyntax, "YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3)",
            at: SourceLocation(file: file, line: 4, column: 2), hint: "check indentation, colons and quotes around this point"))
    }

    @Test func duplicateKeyIsAnError() {
        let d = failure("a: 1\nb: 2\na: 3\n", firstLine: 2)
        #expect(d?.severity == .error)
        #expect(d?.code == .duplicateID)
        #expect(d?.message.hasPrefix("YAML: duplicate key 'a'") == true)
    }

    @Test
    func duplicateKeyPointsAtTheDuplicate() {
        // The second 'a' is on YAML line 3, file line 4; the first one (file line 2) is fine.
        #expect(failure("a: 1\nb: 2\na: 3\n", firstLine: 2)?.location == SourceLocation(file: file, line: 4, column: 1))
    }

    /// The limit catches an expansion that never ends (10^9 values would take hours); it is
    /// generous because the debug build shares two cores with the other suites.
    @Test(.timeLimit(.minutes(5)))
    func aliasBombIsRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        // 10^9 values once expanded: refused after the node budget, not expanded.
        let d = failure(yaml)
        #expect(d?.severity == .error)
        #expect(d?.code == .fileTooLarge)
        #expect(d?.message == "YAML has more than 2000000 values (aliases count each time they are used)")
        #expect(d?.hint == "write values out instead of using aliases, and keep tables under 100000 rows")
        #expect(d?.location.line == 1)
    }

    @Test func singleAliasIsExpanded() throws {
        let m = try map("a: &x 1\nb: *x\n", firstLine: 2)
        #expect(m["b"]?.scalar == "1")
    }

    @Test func aKeyIndentedDifferentlyIsExplained() {
        // Front matter YAML starts on file line 2; the stray space is on YAML line 2 → file line 3.
        #expect(failure("name: x   # a comment\n iso: KR\nregion: y\n", firstLine: 2) == Diagnostic(
            .error, .yamlSyntax, "YAML: this line is indented differently from the lines above it",
            at: SourceLocation(file: file, line: 3, column: 2),
            hint: "line up the keys of a block (front matter keys start in column 1)"))
        #expect(failure("name: x\n iso: KR\n", firstLine: 2)?.message
                == "YAML: ': ' is not allowed here (is this line indented differently from the one above, or does a value contain ': '?)")
    }
}
