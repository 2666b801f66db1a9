/// Reads a CSV table (header row, RFC 4180 quoting) into one `RawValue.map` per row.
/// A column named `field.lang` (e.g. `notes.en`) becomes `field: {lang: …}`.
enum CSVReader {
    /// The rows, or the first syntax problem (wrong cell count, unclosed quote).
    static func read(_ text: String, file: String) -> Result<[RawValue], Diagnostic> {
        read(text, file: file, skippingBadRows: ()).flatMap { rows, problems in
            problems.first.map { .failure($0) } ?? .success(rows)
        }
    }

    /// The good rows and a problem for each row with the wrong number of cells (so one bad row
    /// does not hide the others); a failure when the file as a whole cannot be read.
    /// Reading stops after `maxRows` rows (the caller refuses a table that long).
    static func read(_ text: String, file: String, skippingBadRows: Void, maxRows: Int = .max)
        -> Result<(rows: [RawValue], problems: [Diagnostic]), Diagnostic> {
        let records: [[Cell]]
        switch split(text, file: file, maxRecords: maxRows == .max ? .max : maxRows + 1) {
        case .success(let r): records = r
        case .failure(let d): return .failure(d)
        }
        guard let header = records.first else { return .success(([], [])) }
        let names = header.map { $0.text.trimmed() }
        var seen: [String: Cell] = [:]
        for (i, name) in names.enumerated() {
            if name.isEmpty {
                return .failure(Diagnostic(.error, .csvSyntax,
                                           Phrase(en: "column \(i + 1) of the header row has no name", zh: "表头第 \(i + 1) 列没有列名"),
                                           at: header[i].location,
                                           hint: Phrase(en: "name every column in the first row", zh: "在第一行给每一列写上列名")))
            }
            if let first = seen[name] {
                return .failure(Diagnostic(.error, .csvSyntax,
                                           Phrase(en: "column '\(name)' appears twice (first at column \(first.location.column))",
                                                  zh: "列“\(name)”出现了两次（第一次在第 \(first.location.column) 列）"),
                                           at: header[i].location,
                                           hint: Phrase(en: "rename or remove one of the columns", zh: "给其中一列改名，或删除其中一列")))
            }
            seen[name] = header[i]
        }
        var rows: [RawValue] = []
        var problems: [Diagnostic] = []
        for record in records.dropFirst() {
            if record.count == 1, record[0].text.trimmed().isEmpty { continue }
            guard record.count == names.count else {
                // A stray comma in text usually leaves the next cell starting with a space: point there.
                if record.count > names.count,
                   let i = record.indices.dropFirst().first(where: { record[$0].text.hasPrefix(" ") && !record[$0].wasQuoted }),
                   i <= names.count {
                    var at = record[i].location
                    at.column = max(1, at.column - 1)
                    problems.append(Diagnostic(
                        .error, .csvSyntax,
                        Phrase(en: "row has \(record.count) cells but the header has \(names.count): is this comma inside the '\(names[i - 1])' text?",
                               zh: "这一行有 \(record.count) 个单元格，表头却有 \(names.count) 列：这个逗号是不是“\(names[i - 1])”文本中的？"),
                        at: at, hint: Phrase(en: "put the whole cell in double quotes (\"a, b\")", zh: "把整个单元格放在双引号中（\"a, b\"）")))
                } else {
                    let at = record.count > names.count ? record[names.count].location : record.last!.location
                    problems.append(Diagnostic(
                        .error, .csvSyntax,
                        Phrase(en: "row has \(record.count) cells but the header has \(names.count)",
                               zh: "这一行有 \(record.count) 个单元格，表头却有 \(names.count) 列"),
                        at: at, hint: Phrase(en: "quote cells that contain commas (\"a, b\") or add the missing cells",
                                             zh: "含逗号的单元格要加双引号（\"a, b\"），或补上缺少的单元格")))
                }
                continue
            }
            var map = RawMap()
            for (name, cell) in zip(names, record) {
                let value = RawValue.scalar(cell.text.trimmed(), cell.location)
                let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
                if parts.count == 2 {
                    if let i = map.entries.firstIndex(where: { $0.key == parts[0] }),
                       case .map(var inner, let l) = map.entries[i].value {
                        inner.entries.append(.init(key: parts[1], keyLocation: cell.location, value: value))
                        map.entries[i].value = .map(inner, l)
                    } else {
                        var inner = RawMap()
                        inner.entries.append(.init(key: parts[1], keyLocation: cell.location, value: value))
                        map.entries.append(.init(key: parts[0], keyLocation: cell.location, value: .map(inner, cell.location)))
                    }
                } else {
                    map.entries.append(.init(key: name, keyLocation: cell.location, value: value))
                }
            }
            rows.append(.map(map, record[0].location))
        }
        return .success((rows, problems))
    }

    struct Cell {
        var text: String
        var location: SourceLocation
        var wasQuoted = false
    }

    /// Splits text into records of cells, honouring quotes (which may hold commas and newlines).
    static func split(_ text: String, file: String, maxRecords: Int = .max) -> Result<[[Cell]], Diagnostic> {
        // Works on UTF-8 bytes (the syntax characters are ASCII); columns count characters.
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var records: [[Cell]] = []
        var record: [Cell] = []
        var cell: [UInt8] = []
        var line = 1, column = 1
        var cellStart = SourceLocation(file: file, line: 1, column: 1)
        var inQuotes = false, wasQuoted = false
        var quoteStart = cellStart
        func endCell() {
            record.append(Cell(text: String(decoding: cell, as: UTF8.self), location: cellStart, wasQuoted: wasQuoted))
            cell.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            let startsCharacter = b & 0xC0 != 0x80
            if inQuotes {
                if b == quote {
                    if i < bytes.count, bytes[i] == quote {
                        cell.append(quote)
                        column += 2
                        i += 1
                    } else {
                        inQuotes = false
                        column += 1
                    }
                    continue
                }
                cell.append(b)
                if b == newline { line += 1; column = 1 } else if startsCharacter { column += 1 }
                continue
            }
            switch b {
            case comma:
                endCell()
                column += 1
                cellStart = SourceLocation(file: file, line: line, column: column)
            case newline:
                endCell()
                records.append(record)
                if records.count >= maxRecords { return .success(records) }
                record = []
                line += 1
                column = 1
                cellStart = SourceLocation(file: file, line: line, column: column)
            case quote where cell.allSatisfy({ $0 == space }) && !wasQuoted:
                cell.removeAll()
                inQuotes = true
                wasQuoted = true
                quoteStart = SourceLocation(file: file, line: line, column: column)
                column += 1
            default:
                if wasQuoted, b != space {
                    return .failure(Diagnostic(.error, .csvSyntax,
                                               Phrase(en: "text after a closing quote in a cell", zh: "单元格的结束引号后面还有文字"),
                                               at: SourceLocation(file: file, line: line, column: column),
                                               hint: Phrase(en: "write a quote inside a quoted cell as two quotes (\"\")",
                                                            zh: "带引号的单元格中，引号要写成两个（\"\"）")))
                }
                cell.append(b)
                if startsCharacter { column += 1 }
            }
        }
        if inQuotes {
            return .failure(Diagnostic(.error, .csvSyntax, Phrase(en: "quoted cell is never closed", zh: "单元格的引号没有闭合"),
                                       at: quoteStart, hint: Phrase(en: "add the closing '\"'", zh: "补上结束的“\"”")))
        }
        if !cell.isEmpty || !record.isEmpty || wasQuoted {
            endCell()
            records.append(record)
        }
        return .success(records)
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace.
    func trimmed() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
