/// Recognises GitHub pipe tables in the raw lines of a paragraph (libcmark core has no tables).
enum PipeTable {
    /// A recognised table, with its cells as raw Markdown text.
    struct Table {
        var alignments: [TableAlignment]
        var header: [String]
        var rows: [[String]]
        /// Rows whose cell count differs from the header (0-based line offsets in the paragraph).
        var warnings: [(line: Int, message: String)]
    }

    /// The outcome of looking at a paragraph.
    enum Result {
        case notATable
        case table(Table)
        /// `line` is the 0-based offset of the offending line within the paragraph.
        case problem(line: Int, message: String, hint: String, severity: MarkdownIssue.Severity)
    }

    /// Looks at the lines of one paragraph.
    static func parse(_ lines: [String]) -> Result {
        guard lines.count >= 2, lines[0].contains("|") else { return .notATable }
        guard let alignments = delimiterRow(lines[1]) else {
            let piped = lines.filter { $0.trimmingSpaces().hasPrefix("|") }.count
            if piped == lines.count {
                return .problem(
                    line: 1, message: "this looks like a pipe table but its second line is not a delimiter row",
                    hint: "put a row like |---|---| under the header row", severity: .error)
            }
            return .notATable
        }
        let header = cells(lines[0])
        guard header.count == alignments.count else {
            return .problem(
                line: 1,
                message: "table header has \(header.count) cells but the delimiter row has \(alignments.count)",
                hint: "make the delimiter row (|---|) have one cell per header cell", severity: .error)
        }
        var rows: [[String]] = []
        var warnings: [(Int, String)] = []
        for (offset, line) in lines.enumerated().dropFirst(2) {
            var row = cells(line)
            if row.count != header.count {
                warnings.append((offset, "table row has \(row.count) cells but the header has \(header.count)"))
                if row.count > header.count { row.removeLast(row.count - header.count) }
                while row.count < header.count { row.append("") }
            }
            rows.append(row)
        }
        return .table(Table(alignments: alignments, header: header, rows: rows, warnings: warnings))
    }

    /// Parses `| :--- | :---: | ---: |`; nil when the line is not a delimiter row.
    static func delimiterRow(_ line: String) -> [TableAlignment]? {
        let parts = cells(line)
        guard !parts.isEmpty, line.contains("-") else { return nil }
        var out: [TableAlignment] = []
        for part in parts {
            let left = part.hasPrefix(":"), right = part.hasSuffix(":")
            let dashes = part.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            out.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        if parts.count == 1, !line.contains("|") { return nil }
        return out
    }

    /// Splits a row on unescaped `|`, dropping the optional outer pipes; `\|` becomes `|`.
    static func cells(_ line: String) -> [String] {
        var text = Substring(line.trimmingSpaces())
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
        var out: [String] = []
        var current = ""
        var escaped = false
        for ch in text {
            if escaped {
                if ch != "|" { current.append("\\") }
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                out.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        out.append(current.trimmingSpaces())
        return out
    }
}
