import Testing
@testable import HandbookKit

@Suite("CSVReader")
struct CSVReaderTests {
    let file = "data/t.csv"

    func rows(_ text: String) throws -> [RawMap] {
        let values = try CSVReader.read(text, file: file).get()
        return values.map { value in
            guard case .map(let m, _) = value else { Issue.record("row is not a map: \(value)"); return RawMap() }
            return m
        }
    }

    /// The failure, in English only (to compare with English-only diagnostics).
    func failure(_ text: String) -> Diagnostic? {
        if case .failure(let d) = CSVReader.read(text, file: file) { return d.english }
        return nil
    }

    @Test func quotedCellsWithCommasNewlinesAndDoubledQuotes() throws {
        let text = "id,name,notes\na,\"x, y\",\"line1\nline2\"\nb,\"say \"\"hi\"\"\",plain\n"
        let r = try rows(text)
        #expect(r.count == 2)
        #expect(r.map { $0["id"]?.scalar } == ["a", "b"])
        #expect(r.map { $0["name"]?.scalar } == ["x, y", "say \"hi\""])
        #expect(r.map { $0["notes"]?.scalar } == ["line1\nline2", "plain"])
        // Locations: cells of row a, and row b starts on line 4 because row a's quoted cell spans two lines.
        #expect(r[0]["id"]?.location == SourceLocation(file: file, line: 2, column: 1))
        #expect(r[0]["name"]?.location == SourceLocation(file: file, line: 2, column: 3))
        #expect(r[0]["notes"]?.location == SourceLocation(file: file, line: 2, column: 10))
        #expect(r[1]["name"]?.location == SourceLocation(file: file, line: 4, column: 3))
        let values = try CSVReader.read(text, file: file).get()
        #expect(values.map(\.location) == [SourceLocation(file: file, line: 2, column: 1),
                                           SourceLocation(file: file, line: 4, column: 1)])
    }

    @Test func cellsAreTrimmedAndKeysKeepHeaderOrder() throws {
        let r = try rows(" id , name \n  x ,  Y  \n")
        #expect(r.first?.entries.map(\.key) == ["id", "name"])
        #expect(r.first?["id"]?.scalar == "x")
        #expect(r.first?["name"]?.scalar == "Y")
    }

    @Test func languageColumnsBecomeAMap() throws {
        let r = try rows("id,notes.en,notes.zh,title\nx,Hello,你好,T\n")
        #expect(r.first?.entries.map(\.key) == ["id", "notes", "title"])
        guard case .map(let notes, _)? = r.first?["notes"] else {
            Issue.record("notes is not a map")
            return
        }
        #expect(notes.entries.map(\.key) == ["en", "zh"])
        #expect(notes["en"]?.scalar == "Hello")
        #expect(notes["zh"]?.scalar == "你好")
        #expect(notes["zh"]?.location == SourceLocation(file: file, line: 2, column: 9))
    }

    @Test func blankLinesAreSkipped() throws {
        let values = try CSVReader.read("a\n1\n\n2\n", file: file).get()
        #expect(values.count == 2)
        #expect(values.map(\.location.line) == [2, 4])
    }

    @Test func lastLineWithoutNewlineAndEmptyQuotedCell() throws {
        let r = try rows("a,b\n1,\"\"")
        #expect(r.count == 1)
        #expect(r.first?["b"]?.scalar == "")
    }

    @Test func emptyFileHasNoRows() throws {
        #expect(try CSVReader.read("", file: file).get().isEmpty)
        #expect(try CSVReader.read("a,b\n", file: file).get().isEmpty)
    }

    @Test func tooFewCellsPointsAtTheLastCell() {
        #expect(failure("a,b,c\n1,2,3\n1,2\n") == Diagnostic(
            .error, .csvSyntax, "row has 2 cells but the header has 3", at: SourceLocation(file: file, line: 3, column: 3),
            hint: "quote cells that contain commas (\"a, b\") or add the missing cells"))
    }

    @Test func tooManyCellsPointsAtTheFirstExtraCell() {
        #expect(failure("a,b\n1,2\n十,二,三\n")?.location == SourceLocation(file: file, line: 3, column: 5))
        #expect(failure("a,b\n1,2\n十,二,三\n")?.message == "row has 3 cells but the header has 2")
    }

    @Test func unclosedQuotePointsAtTheOpeningQuote() {
        #expect(failure("a,b\n1,\"oops\n2,3\n") == Diagnostic(
            .error, .csvSyntax, "quoted cell is never closed", at: SourceLocation(file: file, line: 2, column: 3),
            hint: "add the closing '\"'"))
    }

    @Test func textAfterClosingQuote() {
        let d = failure("a\n\"x\"y\n")
        #expect(d?.message == "text after a closing quote in a cell")
        #expect(d?.location == SourceLocation(file: file, line: 2, column: 4))
    }

    @Test func headerWithoutNameOrDuplicateName() {
        #expect(failure("a,,c\n")?.message == "column 2 of the header row has no name")
        #expect(failure("a,,c\n")?.location == SourceLocation(file: file, line: 1, column: 3))
        #expect(failure("a,b,a\n")?.message == "column 'a' appears twice (first at column 1)")
        #expect(failure("a,b,a\n")?.location == SourceLocation(file: file, line: 1, column: 5))
    }

    @Test func aStrayCommaInTextIsPointedAt() throws {
        // "partial, with notes" was meant as one cell: the comma is at column 9 of line 2.
        #expect(failure("a,status,c\nx,partial, with notes,z\n") == Diagnostic(
            .error, .csvSyntax, "row has 4 cells but the header has 3: is this comma inside the 'status' text?",
            at: SourceLocation(file: file, line: 2, column: 10), hint: "put the whole cell in double quotes (\"a, b\")"))
        // The other rows are kept when reading for the build.
        let (rows, problems) = try CSVReader.read("a,b\n1,2\n3, 4,5\n6,7\n", file: file, skippingBadRows: ()).get()
        #expect(rows.count == 2)
        #expect(problems.count == 1)
    }
}
