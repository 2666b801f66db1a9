import Foundation
import Testing
@testable import HandbookKit

@Suite("handbook new (Scaffold)")
struct ScaffoldTests {
    let today = Day("2026-11-27")!

    func content(_ tmp: TemporaryFolder) throws -> String {
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        return content
    }

    @Test(arguments: Scaffold.Kind.allCases)
    func scaffoldBuildsInBothLanguages(_ kind: Scaffold.Kind) throws {
        let tmp = TemporaryFolder()
        let content = try content(tmp)
        let id = kind == .page ? "guides/new-one" : "new-one"
        let paths = try Scaffold.create(kind, id: id, nameZH: "新的：\"引号\"", nameEN: "New: one", region: kind == .market ? "europe" : nil,
                                        content: content, templates: TestPaths.templates, today: today)
        #expect(paths == [content + "/\(kind.folder)/\(id).md", content + "/\(kind.folder)/\(id).en.md"])
        // The translation starts as following the original as scaffolded.
        let original = try FrontMatter.split(try #require(Files.read(paths[0])), file: paths[0]).get().body
        #expect(try #require(Files.read(paths[1])).hasPrefix("---\ntranslation_of: \(TranslationStamp.version(of: original))\n"))
        let built = FixtureSite.build(content: content, into: tmp.sub("site"))
        #expect(built.summary != nil, "\(built.diagnostics)")
        // A new page in a folder is an orphan until something links to it; nothing else is reported.
        #expect(built.diagnostics.filter { $0.location.file.contains("new-one") }.map(\.code)
                == (kind == .page ? [.orphanPage] : []), "\(built.diagnostics)")
        let folder = kind == .page ? id : "\(kind.folder)/\(id)"
        #expect(built.text("zh/\(folder)/index.html").contains("新的：&quot;引号&quot;"))
        #expect(built.text("en/\(folder)/index.html").contains("New: one"))
    }

    @Test func neverOverwrites() throws {
        let tmp = TemporaryFolder()
        let content = try content(tmp)
        let before = Files.read(content + "/markets/sa.md")
        #expect(throws: Scaffold.Failure.self) {
            try Scaffold.create(.market, id: "sa", nameZH: nil, nameEN: nil, region: "europe", content: content,
                                templates: TestPaths.templates, today: today)
        }
        #expect(Files.read(content + "/markets/sa.md") == before)
    }

    @Test func refusesBadIdsAndUnknownRegions() throws {
        let tmp = TemporaryFolder()
        let content = try content(tmp)
        func failure(_ kind: Scaffold.Kind, _ id: String, region: String? = nil) -> String? {
            do {
                _ = try Scaffold.create(kind, id: id, nameZH: nil, nameEN: nil, region: region, content: content,
                                        templates: TestPaths.templates, today: today)
                return nil
            } catch let f as Scaffold.Failure {
                return f.description
            } catch {
                return "\(error)"
            }
        }
        #expect(failure(.market, "Saudi Arabia", region: "europe")?.hasPrefix("'Saudi Arabia' is not a valid id") == true)
        #expect(failure(.market, "kr", region: "eurpe") == "unknown region 'eurpe' (did you mean 'europe'?); regions are: middle-east, europe")
        #expect(failure(.market, "kr")?.hasPrefix("a market needs --region") == true)
        #expect(failure(.page, "markets")?.contains("clashes with the site's own 'markets/' section") == true)
        #expect(Files.list(content + "/markets").sorted() == ["eu.en.md", "eu.md", "sa.en.md", "sa.md"])
    }
}
