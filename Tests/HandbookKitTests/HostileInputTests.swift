import Foundation
import Testing
@testable import HandbookKit

/// Hostile and absurd content: each gives a clear diagnostic at a location, in bounded time and
/// memory, and a failed build writes nothing.
@Suite(.timeLimit(.minutes(5))) struct HostileInputTests {
    /// A copy of the valid fixture, changed by `edit`, checked: the problems found.
    static func check(_ edit: (String) throws -> Void) throws -> (content: String, problems: [Diagnostic], folder: TemporaryFolder) {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try edit(content)
        let log = DiagnosticLog()
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        return (content, log.all.filter { $0.code != .staleReview && $0.code != .missingTranslation }, tmp)
    }

    static func write(_ path: String, _ text: String) throws { try Files.write(path, text) }

    @Test func hundredMegabyteMarkdownIsRefusedBeforeReading() throws {
        let r = try Self.check { content in
            let url = URL(fileURLWithPath: content + "/pages/big.md")
            try Data(repeating: UInt8(ascii: "a"), count: 100 * 1_048_576).write(to: url)
        }
        #expect(r.problems.map(\.english) == [Diagnostic(.error, .fileTooLarge, "file is 100 MB; the limit is 16 MB",
                                          at: SourceLocation(file: r.content + "/pages/big.md"), hint: "split it into smaller files")])
    }

    @Test func oneGigabyteFileIsRefusedWithoutReadingIt() throws {
        let r = try Self.check { content in
            let fd = open(content + "/pages/huge.md", O_CREAT | O_WRONLY, 0o644)
            #expect(ftruncate(fd, 1 << 30) == 0)   // sparse: no gigabyte is written or read
            close(fd)
        }
        #expect(r.problems.map(\.message) == ["file is 1024 MB; the limit is 16 MB"])
        // Showing the problem's source line does not read it either.
        var lines = SourceLines()
        #expect(lines.line(1, of: r.content + "/pages/huge.md") == nil)
    }

    @Test func yamlNestedHundredThousandDeep() throws {
        let r = try Self.check { content in
            try Self.write(content + "/pages/deep.md",
                           "---\ntitle: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n---\nx\n")
        }
        #expect(r.problems.count == 1)
        #expect(r.problems.first?.code == .tooDeep)
        #expect(r.problems.first?.location.file == r.content + "/pages/deep.md")
        #expect(r.problems.first?.location.line == 2)
        #expect(r.problems.first?.message == "YAML nested too deeply (lists or maps inside each other, hundreds of levels)")
    }

    @Test func markdownListsNestedHundredThousandDeep() throws {
        let r = try Self.check { content in
            try Self.write(content + "/pages/deep.md",
                           "---\ntitle: {zh: 深, en: Deep}\nreviewed: 2026-11-01\n---\n" + String(repeating: "- ", count: 100_000) + "x\n")
        }
        #expect(r.problems.map(\.code) == [.tooDeep])
        #expect(r.problems.first?.location.line == 5)
        #expect(r.problems.first?.message == "Markdown nested more than 128 levels deep")
    }

    @Test func symbolicLinkLoopsAndLinksToFoldersAreReported() throws {
        let r = try Self.check { content in
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: content + "/pages/loop-a.md", withDestinationPath: "loop-b.md")
            try fm.createSymbolicLink(atPath: content + "/pages/loop-b.md", withDestinationPath: "loop-a.md")
            try fm.createSymbolicLink(atPath: content + "/pages/again", withDestinationPath: ".")
        }
        #expect(r.problems.map { "\($0.location.file.replacingOccurrences(of: r.content + "/", with: "")): \($0.message)" } == [
            "pages/again: this symbolic link to a folder is not followed and is ignored",
            "pages/loop-a.md: this symbolic link leads in a loop and is ignored",
            "pages/loop-b.md: this symbolic link leads in a loop and is ignored",
        ])
        #expect(r.problems.allSatisfy { $0.severity == .warning && $0.code == .unexpectedFile })
    }

    @Test func fileNamesWithSpacesUnicodeAndCapitalsAreNotIDs() throws {
        let r = try Self.check { content in
            let page = try #require(Files.read(content + "/pages/about.md"))
            for name in ["saudi arabia", "指南", "About", "..x"] { try Self.write(content + "/pages/\(name).md", page) }
            try Self.write(content + "/markets/SA.md", try #require(Files.read(content + "/markets/sa.md")))
        }
        // `..x.md` starts with a dot: hidden, like an editor's swap file, and not read.
        #expect(r.problems.map { "\($0.location.file.replacingOccurrences(of: r.content + "/", with: "")): \($0.message)" } == [
            "markets/SA.md: file name 'SA' is not a valid id",
            "pages/About.md: file name 'About' is not a valid id",
            "pages/saudi arabia.md: file name 'saudi arabia' is not a valid id",
            "pages/指南.md: file name '指南' is not a valid id",
        ])
        #expect(r.problems.allSatisfy { $0.hint == "use lower-case letters, digits and '-' only, e.g. saudi-arabia.md" })
    }

    @Test func reservedNamesClashWithTheSitesOwnSections() throws {
        let r = try Self.check { content in
            let page = try #require(Files.read(content + "/pages/about.md"))
            try Self.write(content + "/pages/assets.md", page)
            try Self.write(content + "/pages/api/data.md", page)
            try Self.write(content + "/pages/search.md", page)
        }
        #expect(r.problems.map(\.message) == [
            "page path 'api/data' clashes with the site's own 'api/' section",
            "page path 'assets' clashes with the site's own 'assets/' section",
            "page path 'search' clashes with the site's own 'search/' section",
        ])
        #expect(r.problems.allSatisfy { $0.code == .reservedID })
    }

    @Test func millionRowCSVTableIsRefusedAtTheLimit() throws {
        let r = try Self.check { content in
            var text = "id,name.zh,name.en\nmiddle-east,中东,Middle East\neurope,欧洲,Europe\n"
            text.reserveCapacity(12_000_000)
            for i in 0..<1_000_000 { text += "r\(String(i, radix: 36)),a,b\n" }
            try FileManager.default.removeItem(atPath: content + "/data/regions.yml")
            try Self.write(content + "/data/regions.csv", text)
        }
        let first = try #require(r.problems.first)
        #expect(first.english == Diagnostic(.error, .fileTooLarge, "table 'regions' has more than 100000 rows",
                                    at: SourceLocation(file: r.content + "/data/regions.csv", line: 100_002, column: 1),
                                    hint: "a table this long was probably generated by mistake: check the file that produced it"))
        // References into the refused table are not reported again.
        #expect(r.problems.count == 1)
    }

    @Test func millionRowYAMLTableIsRefused() throws {
        let r = try Self.check { content in
            var text = ""
            text.reserveCapacity(16_000_000)
            for i in 0..<1_000_000 { text += "- {id: r\(i)}\n" }
            try Self.write(content + "/data/regions.yml", text)
        }
        #expect(r.problems.count == 1)
        #expect(r.problems.first?.code == .fileTooLarge)
        #expect(r.problems.first?.message == "YAML has more than 2000000 values (aliases count each time they are used)")
    }

    @Test func manyBadRowsAreListedUpToAHundredThenSummed() throws {
        let r = try Self.check { content in
            let path = content + "/data/requirements.csv"
            let text = try #require(Files.read(path))
            try Self.write(path, text + String(repeating: "battery,sa\n", count: 300))
        }
        let csv = r.problems.filter { $0.location.file.hasSuffix("requirements.csv") }
        #expect(csv.count == 101)
        #expect(csv.first?.message == "200 more rows of this table have problems (the first 100 are listed)")
        #expect(csv.dropFirst().allSatisfy { $0.code == .csvSyntax && $0.message.hasPrefix("row has 2 cells") })
    }

    @Test func scriptAddressesInDataFieldsAreRefused() throws {
        let r = try Self.check { content in
            let path = content + "/markets/sa.md"
            var text = try #require(Files.read(path))
            text = text.replacingOccurrences(of: "  - name: SASO\n    url: https://example.org/saso",
                                             with: "  - name: SASO\n    url: javascript:alert(1)")
            text = text.replacingOccurrences(of: "  - title: SASO\n    url: https://example.org/saso",
                                             with: "  - title: SASO\n    url: \" data:text/html,<script>alert(2)</script>\"")
            try Self.write(path, text)
        }
        #expect(r.problems.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "8:10 'javascript:alert(1)' is not a web address",
            "18:10 ' data:text/html,<script>alert(2)</script>' is not a web address",
        ])
        #expect(r.problems.allSatisfy { $0.severity == .error && $0.hint == "write a full address starting with https://" })
    }
}
