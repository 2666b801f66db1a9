import Testing
@testable import HandbookKit

/// The front matter read without Yams gives exactly what Yams gives, or leaves the text to Yams.
@Suite("YAML flat maps")
struct YAMLFlatMapTests {
    /// The value tree with every location, to compare two readings.
    func dump(_ value: RawValue?) -> String {
        guard let value else { return "nil" }
        func at(_ l: HandbookKit.SourceLocation) -> String { "@\(l.line):\(l.column)" }
        switch value {
        case .scalar(let s, let l): return "\(s.debugDescription)\(at(l))"
        case .list(let items, let l): return "[" + items.map(dump).joined(separator: ", ") + "]\(at(l))"
        case .map(let m, let l):
            return "{" + m.entries.map { "\($0.key)\(at($0.keyLocation)): \(dump($0.value))" }.joined(separator: ", ") + "}\(at(l))"
        }
    }

    func yams(_ text: String, firstLine: Int = 2) -> String {
        switch YAMLReader.composed(text, file: "f.md", firstLine: firstLine) {
        case .success(let v): dump(v)
        case .failure(let d): "error \(d.location.line):\(d.location.column) \(d.message)"
        }
    }

    @Test func typicalFrontMatterIsReadAsYamsReadsIt() throws {
        let text = "title: \"Guide 0 national\"\nreviewed: 2025-05-01\nsummary: CB reports, IEC 62133-2 (2017) & more\n"
        let flat = try #require(YAMLReader.flatMap(text, file: "f.md", firstLine: 2))
        #expect(dump(flat) == yams(text))
        #expect(dump(flat) == #"{title@2:1: "Guide 0 national"@2:8, reviewed@3:1: "2025-05-01"@3:11, summary@4:1: "CB reports, IEC 62133-2 (2017) & more"@4:10}@2:1"#)
    }

    @Test func quotedTextNullsAndBlankLines() throws {
        let text = "a: \"电池 — 储能\"\n\nb: ~\nc: \"\"\nd: null\ne-f_2: it's C# [x] {y}, 50%\n"
        let flat = try #require(YAMLReader.flatMap(text, file: "f.md", firstLine: 2))
        #expect(dump(flat) == yams(text))
    }

    /// Everything else goes to Yams: nesting, lists, flow maps, comments, escapes, odd spacing,
    /// indicators, tabs, duplicate keys, empty values and empty text.
    @Test func anythingElseIsLeftToYams() {
        for text in ["name: {en: A, zh: B}\n", "blocs: [GCC]\n", "a:\n  b: c\n", "- a\n", "a: b # note\n",
                     "a: \"x\\ny\"\n", "a:  b\n", "a: b \n", "a: -b\n", "a: *x\n", "a: b: c\n", "a: b:\n", "a:\tb\n",
                     "a: x\ta\n", "a: b\na: c\n", "a:\n", "a: \"x\" y\n", "a: \"x\"y\"\n", " a: b\n", "# c\na: b\n",
                     "---\na: b\n", "a: b\r\n", "", "\n", "a: é\n", "1a: b\n", "a: \"\u{FEFF}\"\n", "a: \"\u{2028}\"\n", "a: |\n  x\n"] {
            #expect(YAMLReader.flatMap(text, file: "f.md", firstLine: 2) == nil, "\(text.debugDescription)")
        }
    }

    /// Lines made of random pieces: whenever the fast path answers, Yams answers the same.
    @Test func randomLinesAgreeWithYams() {
        let pieces = ["a", "Key", "x_1", "y-2", ":", ": ", " ", "\"", "'", "#", " #", "~", "null", "-", "[", "]", "{", "}",
                      ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "电池", "é", "\\", "\t", "2025-05-01", "62133-2"]
        var generator = SeededGenerator(seed: 8)
        var answered = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let key = ["title", "a", "k-1", "_x"].randomElement(using: &generator)!
                var value = ""
                for _ in 0..<Int.random(in: 1...4, using: &generator) { value += pieces.randomElement(using: &generator)! }
                if Bool.random(using: &generator) { value = "\"" + value + "\"" }
                text += key + ": " + value + "\n"
            }
            guard let flat = YAMLReader.flatMap(text, file: "f.md", firstLine: 2) else { continue }
            answered += 1
            #expect(dump(flat) == yams(text), "\(text.debugDescription)")
        }
        #expect(answered > 300)
    }
}

/// A small deterministic random number generator (SplitMix64) for repeatable random tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
