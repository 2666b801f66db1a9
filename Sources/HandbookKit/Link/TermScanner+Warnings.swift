/// The scanner's finds as `HB0408 term-variant` warnings.
extension TermScanner {
    /// Field keys whose values are not prose: ids, addresses, citations of other people's titles.
    static let skippedKeys: Set<String> = ["id", "url", "sources", "source", "translation_of", "iso"]

    /// Warns about the variants in a Markdown body whose first line is file line `lineOffset + 1`.
    func warn(markdown: String, file: String, lineOffset: Int, log: DiagnosticLog) {
        for hit in scan(markdown: markdown) {
            log.add(Self.warning(hit, at: SourceLocation(file: file, line: lineOffset + hit.line + 1, column: hit.column)))
        }
    }

    /// Warns about the variants in the text fields of `values` (front matter or table rows), each
    /// at the place in `source` (the file's text) where it is written.
    func warn(fields values: [RawValue], source: String, log: DiagnosticLog) {
        guard !isEmpty else { return }
        var lines: [Substring]?
        for value in values {
            walk(value) { hit, at, nth in
                if lines == nil { lines = source.split(separator: "\n", omittingEmptySubsequences: false) }
                log.add(Self.warning(hit, at: Self.locate(hit.found, nth: nth, from: at, in: lines!)))
            }
        }
    }

    /// Calls `found` with each variant in the prose of `value`, the value's location, and how many
    /// times the same variant came before it in the same value.
    private func walk(_ value: RawValue, _ found: (Hit, SourceLocation, Int) -> Void) {
        switch value {
        case .scalar(let text, let at):
            var seen: [String: Int] = [:]
            for hit in scan(field: text) {
                let key = String(decoding: Self.folded(Array(hit.found.utf8)), as: UTF8.self)
                found(hit, at, seen[key, default: 0])
                seen[key, default: 0] += 1
            }
        case .list(let items, _):
            items.forEach { walk($0, found) }
        case .map(let map, _):
            for entry in map.entries where !Self.skippedKeys.contains(entry.key) { walk(entry.value, found) }
        }
    }

    /// Where the `nth` (0-based) `variant` after `start` is written in `lines` (quotes, escapes and
    /// folded lines of the value before it are skipped that way); the start when it is not found.
    static func locate(_ variant: String, nth: Int, from start: SourceLocation, in lines: [Substring]) -> SourceLocation {
        let needle = folded(Array(variant.utf8))
        var remaining = nth
        var lineIndex = start.line - 1
        var skipCharacters = max(0, start.column - 1)
        while lineIndex >= 0, lineIndex < lines.count, lineIndex < start.line + 200 {
            let line = Array(lines[lineIndex].utf8)
            let offset = String(lines[lineIndex].prefix(skipCharacters)).utf8.count
            let haystack = folded(line)
            var i = offset
            while i + needle.count <= haystack.count {
                if haystack[i..<(i + needle.count)].elementsEqual(needle) {
                    if remaining == 0 {
                        let column = String(decoding: line[..<i], as: UTF8.self).count + 1
                        return SourceLocation(file: start.file, line: lineIndex + 1, column: column)
                    }
                    remaining -= 1
                    i += needle.count
                } else {
                    i += 1
                }
            }
            lineIndex += 1
            skipCharacters = 0
        }
        return start
    }

    static func warning(_ hit: Hit, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .termVariant,
                   Phrase(en: "'\(hit.found)' is not the handbook's term: write '\(hit.preferred)'",
                          zh: "“\(hit.found)”不是本手册的统一用语，应写作“\(hit.preferred)”"),
                   at: location,
                   hint: Phrase(en: "replace '\(hit.found)' with '\(hit.preferred)' (terms in site.yml)",
                                zh: "把“\(hit.found)”改为“\(hit.preferred)”（见 site.yml 中的 terms）"))
    }
}
