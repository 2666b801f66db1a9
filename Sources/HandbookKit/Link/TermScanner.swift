/// Finds the variants of the site's terms (`terms` in site.yml) in Markdown bodies and text fields,
/// outside code, link destinations and web addresses, and warns with the preferred form as the fix.
/// Latin variants match whole words regardless of case; Chinese ones match anywhere, except inside
/// a preferred form that contains them.
struct TermScanner {
    /// A variant found: where (0-based line of the text, 1-based column in characters) and what.
    struct Hit: Equatable {
        var line: Int
        var column: Int
        /// The variant as written in the text.
        var found: String
        var preferred: String
    }

    private struct Pattern {
        var bytes: [UInt8]
        var preferred: String
        /// Whole words only (the variant starts or ends with an ASCII letter or digit).
        var wordStart: Bool
        var wordEnd: Bool
    }

    private let patterns: [Pattern]
    private let preferredForms: [[UInt8]]

    /// A scanner for `terms`.
    init(_ terms: [Term]) {
        patterns = terms.flatMap { term in
            term.variants.map { variant in
                let bytes = Self.folded(Array(variant.utf8))
                return Pattern(bytes: bytes, preferred: term.preferred,
                               wordStart: Self.isWordByte(bytes.first ?? 0), wordEnd: Self.isWordByte(bytes.last ?? 0))
            }
        }.filter { !$0.bytes.isEmpty }
        preferredForms = terms.map { Self.folded(Array($0.preferred.utf8)) }
    }

    /// True when there is nothing to look for.
    var isEmpty: Bool { patterns.isEmpty }

    // MARK: Markdown

    /// The variants in a Markdown body, outside fenced code, code spans, link destinations,
    /// autolinks, web addresses, heading ids and HTML comments.
    func scan(markdown text: String) -> [Hit] {
        guard !isEmpty else { return [] }
        var hits: [Hit] = []
        var fence: (UInt8, Int)?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8)
            if let marker = Self.fenceMarker(bytes) {
                if let open = fence {
                    if marker.0 == open.0, marker.1 >= open.1 { fence = nil }
                } else {
                    fence = marker
                }
                continue
            }
            if fence != nil { continue }
            hits += scan(line: bytes, number: number, masked: Self.markdownMask(bytes))
        }
        return hits
    }

    /// The backtick or tilde fence a line opens or closes, and its length (at most three spaces in).
    static func fenceMarker(_ line: [UInt8]) -> (UInt8, Int)? {
        var i = 0
        while i < line.count, i < 3, line[i] == UInt8(ascii: " ") { i += 1 }
        guard i < line.count, line[i] == UInt8(ascii: "`") || line[i] == UInt8(ascii: "~") else { return nil }
        let c = line[i]
        var n = 0
        while i + n < line.count, line[i + n] == c { n += 1 }
        return n >= 3 ? (c, n) : nil
    }

    /// The bytes of a Markdown line that are not prose.
    static func markdownMask(_ line: [UInt8]) -> [Bool] {
        var mask = urlMask(line)
        func cover(_ from: Int, _ to: Int) { for k in from..<min(to, line.count) { mask[k] = true } }
        var i = 0
        while i < line.count {
            let c = line[i]
            if c == UInt8(ascii: "`") {
                var n = 0
                while i + n < line.count, line[i + n] == c { n += 1 }
                if let close = run(of: c, length: n, in: line, from: i + n) {
                    cover(i, close + n)
                    i = close + n
                    continue
                }
                i += n
                continue
            }
            if c == UInt8(ascii: "]"), i + 1 < line.count, line[i + 1] == UInt8(ascii: "(") {
                let end = line[(i + 2)...].firstIndex(of: UInt8(ascii: ")")) ?? line.count
                cover(i + 2, end)
                i = end
                continue
            }
            if c == UInt8(ascii: "<") {
                let isComment = line[i...].starts(with: Array("<!--".utf8))
                if let end = line[(i + 1)...].firstIndex(of: UInt8(ascii: ">")),
                   isComment || line[(i + 1)..<end].contains(UInt8(ascii: ":")) && !line[(i + 1)..<end].contains(UInt8(ascii: " ")) {
                    cover(i, end + 1)
                    i = end + 1
                    continue
                }
            }
            if c == UInt8(ascii: "{"), i + 1 < line.count, line[i + 1] == UInt8(ascii: "#"),
               let end = line[i...].firstIndex(of: UInt8(ascii: "}")) {
                cover(i, end + 1)
                i = end + 1
                continue
            }
            i += 1
        }
        return mask
    }

    /// Where a run of exactly `length` bytes `c` starts at or after `from`.
    private static func run(of c: UInt8, length: Int, in line: [UInt8], from: Int) -> Int? {
        var i = from
        while i < line.count {
            guard line[i] == c else { i += 1; continue }
            var n = 0
            while i + n < line.count, line[i + n] == c { n += 1 }
            if n == length { return i }
            i += n
        }
        return nil
    }

    // MARK: Fields

    /// The variants in a text field (web addresses in it are skipped).
    func scan(field text: String) -> [Hit] {
        guard !isEmpty else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { number, line in
            let bytes = Array(line.utf8)
            return scan(line: bytes, number: number, masked: Self.urlMask(bytes))
        }
    }

    /// The bytes of web addresses (`http://…`, `https://…` up to a space, a closing bracket or quote,
    /// or CJK punctuation such as `，` and `）`).
    static func urlMask(_ line: [UInt8]) -> [Bool] {
        var mask = [Bool](repeating: false, count: line.count)
        var i = 0
        let http = Array("http".utf8)
        while i < line.count {
            if line[i] == UInt8(ascii: "h"), line[i...].starts(with: http),
               line[(i + 4)...].starts(with: Array("://".utf8)) || line[(i + 4)...].starts(with: Array("s://".utf8)) {
                var end = i
                while end < line.count, line[end] > 0x20, !isCJKPunctuation(line, at: end),
                      ![UInt8(ascii: ")"), UInt8(ascii: ">"), UInt8(ascii: "]"), UInt8(ascii: "\"")].contains(line[end]) {
                    end += 1
                }
                for k in i..<end { mask[k] = true }
                i = end
            } else {
                i += 1
            }
        }
        return mask
    }

    /// True at the first byte of U+3000–303F (CJK punctuation) or U+FF00–FF65 (full-width forms).
    private static func isCJKPunctuation(_ line: [UInt8], at i: Int) -> Bool {
        guard i + 2 < line.count else { return false }
        return (line[i] == 0xE3 && line[i + 1] == 0x80) || (line[i] == 0xEF && (line[i + 1] == 0xBC || line[i + 1] == 0xBD))
    }

    // MARK: Matching

    private func scan(line: [UInt8], number: Int, masked: [Bool]) -> [Hit] {
        let folded = Self.folded(line)
        var inside = [Bool](repeating: false, count: line.count)   // inside a preferred form
        for form in preferredForms {
            for start in Self.occurrences(of: form, in: folded) { for k in start..<(start + form.count) { inside[k] = true } }
        }
        var hits: [(Int, Hit)] = []
        for p in patterns {
            for start in Self.occurrences(of: p.bytes, in: folded) {
                var end = start + p.bytes.count
                if (start..<end).contains(where: { masked[$0] }) || (start..<end).allSatisfy({ inside[$0] }) { continue }
                if p.wordStart, start > 0, Self.isWordByte(folded[start - 1]) { continue }
                // A Latin variant also matches its plural ("solar panels").
                if p.wordEnd, end < folded.count, folded[end] == UInt8(ascii: "s"),
                   end + 1 == folded.count || !Self.isWordByte(folded[end + 1]) { end += 1 }
                if p.wordEnd, end < folded.count, Self.isWordByte(folded[end]) { continue }
                let column = String(decoding: line[..<start], as: UTF8.self).count + 1
                hits.append((start, Hit(line: number, column: column, found: String(decoding: line[start..<end], as: UTF8.self),
                                        preferred: p.preferred)))
            }
        }
        return hits.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Every start of `needle` in `haystack`.
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var out: [Int] = []
        let first = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { out.append(i) }
            i += 1
        }
        return out
    }

    /// ASCII letters lower-cased (other bytes as they are), so Latin variants match in any case.
    static func folded(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }
}
