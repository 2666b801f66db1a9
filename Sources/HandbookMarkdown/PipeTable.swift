/// Recognises GitHub pipe tables in the raw lines of a paragraph (libcmark core has no tables).
enum PipeTable {
    /// A recognised table, with its cells as raw Markdown text.
    struct Table {
        /// The 0-based line of the header row in the paragraph (lines before it are not part of the table).
        var headerLine: Int
        var alignments: [TableAlignment]
        var header: [String]
        var rows: [[String]]
        /// 0-based character offsets of each cell, by 0-based line of the paragraph.
        var offsets: [Int: [Int]]
        /// Rows whose cell count differs from the header (0-based line offsets in the paragraph).
        var warnings: [(line: Int, message: (en: String, zh: String))]
    }

    /// The outcome of looking at a paragraph.
    enum Result {
        case notATable
        case table(Table)
        /// `line` is the 0-based offset of the offending line within the paragraph.
        /// The message and hint are in English and Chinese.
        case problem(line: Int, message: (en: String, zh: String), hint: (en: String, zh: String), severity: MarkdownIssue.Severity)
    }

    /// Looks at the lines of one paragraph.
    /// The table starts at the first line that has a `|` and is followed by a delimiter row; lines
    /// before it stay a paragraph (GitHub does the same).
    static func parse(_ lines: [String]) -> Result {
        guard lines.count >= 2 else { return .notATable }
        let top = (0..<(lines.count - 1)).first { lines[$0].contains("|") && delimiterRow(lines[$0 + 1]) != nil } ?? 0
        guard lines[top].contains("|") else { return .notATable }
        guard let alignments = delimiterRow(lines[top + 1]) else {
            let piped = lines.filter { $0.trimmingSpaces().hasPrefix("|") }.count
            if piped == lines.count {
                return .problem(
                    line: 1,
                    message: ("this looks like a pipe table but its second line is not a delimiter row",
                              "这看起来是管道表格，但第二行不是分隔行"),
                    hint: ("put a row like |---|---| under the header row", "在表头行下面加一行 |---|---|"), severity: .error)
            }
            return .notATable
        }
        let headerCells = cellsWithColumns(lines[top])
        let header = headerCells.map(\.text)
        var offsets: [Int: [Int]] = [top: headerCells.map(\.offset)]
        guard header.count == alignments.count else {
            return .problem(
                line: top + 1,
                message: ("table header has \(header.count) cells but the delimiter row has \(alignments.count)",
                          "表头有 \(header.count) 个单元格，分隔行却有 \(alignments.count) 个"),
                hint: ("make the delimiter row (|---|) have one cell per header cell", "分隔行（|---|）的单元格数要与表头相同"),
                severity: .error)
        }
        var rows: [[String]] = []
        var warnings: [(Int, (en: String, zh: String))] = []
        for (offset, line) in lines.enumerated().dropFirst(top + 2) {
            let rowCells = cellsWithColumns(line)
            offsets[offset] = rowCells.map(\.offset)
            var row = rowCells.map(\.text)
            if row.count != header.count {
                warnings.append((offset, ("table row has \(row.count) cells but the header has \(header.count)",
                                          "表格行有 \(row.count) 个单元格，表头却有 \(header.count) 个")))
                if row.count > header.count { row.removeLast(row.count - header.count) }
                while row.count < header.count { row.append("") }
            }
            rows.append(row)
        }
        return .table(Table(headerLine: top, alignments: alignments, header: header, rows: rows, offsets: offsets,
                            warnings: warnings))
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
        cellsWithColumns(line).map(\.text)
    }

    /// Like `cells(_:)`, with the 0-based character offset in `line` where each cell's text starts.
    static func cellsWithColumns(_ line: String) -> [(text: String, offset: Int)] {
        var out: [(text: String, offset: Int)] = []
        var current = ""
        var start: Int?
        var escaped = false
        let chars = Array(line)
        var first = 0, last = chars.count
        while first < last, chars[first] == " " || chars[first] == "\t" { first += 1 }
        while last > first, chars[last - 1] == " " || chars[last - 1] == "\t" { last -= 1 }
        if first < last, chars[first] == "|" { first += 1 }
        if last > first, chars[last - 1] == "|", !(last - 2 >= first && chars[last - 2] == "\\") { last -= 1 }
        func finish(_ end: Int) {
            out.append((current.trimmingSpaces(), start ?? end))
            current = ""
            start = nil
        }
        var i = first
        while i < last {
            let ch = chars[i]
            if escaped {
                if ch != "|" { current.append("\\") }
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                if start == nil { start = i }
                escaped = true
            } else if ch == "|" {
                finish(i)
            } else {
                if start == nil, ch != " ", ch != "\t" { start = i }
                current.append(ch)
            }
            i += 1
        }
        if escaped { current.append("\\") }
        finish(last)
        return out
    }
}
