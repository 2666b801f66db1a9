import Foundation
import Testing
@testable import HandbookKit

/// One test per diagnostic kind not covered elsewhere: exact location, code and message.
@Suite("Diagnostic kinds")
final class DiagnosticKindsTests {
    /// Kept until the test ends, so files can be read after `diagnostics`.
    var folders: [TemporaryFolder] = []

    /// The diagnostics of `check` on a copy of the valid fixture after `change`, and the content path.
    func diagnostics(_ change: (String) throws -> Void) throws -> ([Diagnostic], String) {
        let tmp = TemporaryFolder()
        folders.append(tmp)
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try change(content)
        let log = DiagnosticLog()
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        return (log.all.filter { ![.staleReview, .missingTranslation].contains($0.code) }, content)
    }

    func append(_ path: String, _ text: String) throws {
        try Files.write(path, try #require(Files.read(path)) + text)
    }

    @Test func brokenSymbolicLinkIsUnreadable() throws {
        let (d, content) = try diagnostics {
            try FileManager.default.createSymbolicLink(atPath: $0 + "/markets/zz.md", withDestinationPath: "/nonexistent/zz.md")
        }
        #expect(d.map(\.english) == [Diagnostic(.error, .unreadableFile, "cannot read the file: No such file or directory",
                                 at: SourceLocation(file: content + "/markets/zz.md"))])
    }

    @Test func fileOutsideTheFormatIsAWarning() throws {
        let (d, content) = try diagnostics { try Files.write($0 + "/markets/notes.txt", "x") }
        #expect(d.map(\.english) == [Diagnostic(.warning, .unexpectedFile, "this file is not part of the content format and is ignored",
                                 at: SourceLocation(file: content + "/markets/notes.txt"),
                                 hint: "guides go in markets/, products/ or pages/ as .md; tables in data/ as .yml or .csv")])
    }

    @Test func pageThatClashesWithASectionIsRefused() throws {
        let (d, content) = try diagnostics { try Files.write($0 + "/pages/search.md", "---\ntitle: S\n---\n\nx\n") }
        #expect(d.map(\.english) == [Diagnostic(.error, .reservedID, "page path 'search' clashes with the site's own 'search/' section",
                                 at: SourceLocation(file: content + "/pages/search.md"),
                                 hint: "rename the file or move it into a folder")])
    }

    @Test func fieldOfTheWrongShapeIsAnError() throws {
        let (d, content) = try diagnostics { c in
            let path = c + "/markets/sa.md"
            try Files.write(path, try #require(Files.read(path)).replacingOccurrences(of: "blocs: [GCC]\n", with: "blocs: {a: b}\n"))
        }
        #expect(d.map(\.english) == [Diagnostic(.error, .wrongType, "'blocs' should be a list, not a map",
                                 at: SourceLocation(file: content + "/markets/sa.md", line: 5, column: 8))])
    }

    @Test func relativeLinkToAMissingGuideIsAnError() throws {
        let (d, content) = try diagnostics { try append($0 + "/pages/about.md", "\nSee [the rules](../nothing/rules.md).\n") }
        let about = try #require(Files.read(content + "/pages/about.md"))
        let line = about.components(separatedBy: "\n").firstIndex { $0.hasPrefix("See [the rules]") }! + 1
        #expect(d.map(\.english) == [Diagnostic(.error, .brokenRelativeLink, "link to '../nothing/rules.md' does not lead to a guide",
                                 at: SourceLocation(file: content + "/pages/about.md", line: line, column: 5),
                                 hint: "link to a file in markets/, products/ or pages/, or use market:<id>, product:<id>, page:<path>")])
    }

    @Test func tableRowWithTooManyCellsIsAWarning() throws {
        let (d, content) = try diagnostics { try append($0 + "/pages/about.md", "\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n") }
        let about = try #require(Files.read(content + "/pages/about.md"))
        let line = about.components(separatedBy: "\n").firstIndex(of: "| 1 | 2 | 3 |")! + 1
        #expect(d.map(\.english) == [Diagnostic(.warning, .tableCellCount, "table row has 3 cells but the header has 2",
                                 at: SourceLocation(file: content + "/pages/about.md", line: line, column: 1),
                                 hint: "give every row as many cells as the header")])
    }

    @Test func badCustomHeadingIDIsAnError() throws {
        let (d, content) = try diagnostics { try append($0 + "/pages/about.md", "\n## Rules {#bad id!}\n") }
        let about = try #require(Files.read(content + "/pages/about.md"))
        let line = about.components(separatedBy: "\n").firstIndex(of: "## Rules {#bad id!}")! + 1
        #expect(d.map(\.english) == [Diagnostic(.error, .badHeadingID, "heading id 'bad id!' may only contain letters, digits, '-' and '_'",
                                 at: SourceLocation(file: content + "/pages/about.md", line: line, column: 1),
                                 hint: "write it like {#cb-scheme}")])
    }

    @Test func linkToAFileOutsideTheContentIsRefused() throws {
        let (d, content) = try diagnostics {
            try FileManager.default.createSymbolicLink(atPath: $0 + "/pages/secret.md", withDestinationPath: "/etc/hostname")
        }
        #expect(d.map(\.english) == [Diagnostic(.error, .unreadableFile, "this file is a link to /etc/hostname, outside the content folder",
                                 at: SourceLocation(file: content + "/pages/secret.md"),
                                 hint: "copy the file into the content folder instead of linking it")])
    }
}
