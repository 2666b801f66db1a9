// The only file in the project that talks to libcmark. cmark types stay fileprivate;
// only Swift values (`Document`, `Block`, `Inline`) leave this file.
import Ccmark

/// Options for parsing Markdown.
public struct MarkdownOptions: Sendable {
    /// Keep raw HTML from the source (off by default: it is dropped).
    public var allowRawHTML: Bool

    /// Creates options.
    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }
}

/// Parses CommonMark (through libcmark) plus the project's extensions: pipe tables, alerts, heading ids.
public enum MarkdownParser {
    /// Parses `text` into a `Document`. Never fails: problems become `Document.issues`.
    public static func parse(_ text: String) -> Document {
        var converter = Converter(source: text)
        return converter.run()
    }
}

private struct Converter {
    let source: [UInt8]
    let lineStarts: [Int]
    var headingIDs = HeadingIDs()
    var headings: [Heading] = []
    var links: [Link] = []
    var issues: [MarkdownIssue] = []
    /// While converting a fragment (a table cell, or lines before a table), where each of its
    /// lines starts in the file; links are placed relative to these.
    var fragmentOrigins: [TextPosition]?
    /// The UTF-8 text of the fragment being converted.
    var fragmentBytes: [UInt8] = []
    /// How deep the conversion is; deeper content is refused rather than overflowing the stack.
    var depth = 0
    static let maxDepth = 128
    var reportedDepth = false

    /// Refuses content nested deeper than `maxDepth` (once per document), returning false.
    mutating func enter(_ node: OpaquePointer) -> Bool {
        guard depth < Self.maxDepth else {
            if !reportedDepth {
                reportedDepth = true
                issues.append(MarkdownIssue(
                    severity: .error, code: "too-deep", message: "Markdown nested more than \(Self.maxDepth) levels deep",
                    hint: "use fewer nested block quotes, lists or emphasis", position: position(of: node)))
            }
            return false
        }
        depth += 1
        return true
    }

    init(source text: String) {
        source = Array(text.utf8)
        var starts = [0]
        for (i, byte) in source.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(i + 1)
        }
        lineStarts = starts
    }

    mutating func run() -> Document {
        let root = source.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else {
            return Document(blocks: [], headings: [], links: [], issues: [])
        }
        defer { cmark_node_free(root) }
        let blocks = convertBlocks(root)
        return Document(blocks: blocks, headings: headings, links: links, issues: issues)
    }

    // MARK: Blocks

    mutating func convertBlocks(_ parent: OpaquePointer) -> [Block] {
        guard enter(parent) else { return [] }
        defer { depth -= 1 }
        var out: [Block] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let table = pipeTable(node) {
                out += table
            } else if let block = convertBlock(node) {
                out.append(block)
            }
            child = cmark_node_next(node)
        }
        return out
    }

    mutating func convertBlock(_ node: OpaquePointer) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(convertInlines(node))
        case CMARK_NODE_HEADING:
            return heading(node)
        case CMARK_NODE_BLOCK_QUOTE:
            let children = convertBlocks(node)
            if let (kind, rest) = Alerts.split(children) { return .alert(kind, rest) }
            return .blockQuote(children)
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            var item = cmark_node_first_child(node)
            while let it = item {
                items.append(convertBlocks(it))
                item = cmark_node_next(it)
            }
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: items)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK:
            return .html(string(cmark_node_get_literal(node)))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            return nil
        }
    }

    mutating func heading(_ node: OpaquePointer) -> Block {
        let level = Int(cmark_node_get_heading_level(node))
        var content = convertInlines(node)
        let position = position(of: node)
        var custom: String?
        if case .text(let last)? = content.last, let (rest, id) = HeadingIDs.splitCustomID(last) {
            content[content.count - 1] = .text(rest)
            if rest.isEmpty { content.removeLast() }
            if HeadingIDs.isValidCustomID(id) {
                custom = id
            } else {
                issues.append(MarkdownIssue(
                    severity: .error, code: "bad-heading-id",
                    message: "heading id '\(id)' may only contain letters, digits, '-' and '_'",
                    hint: "write it like {#cb-scheme}", position: position))
            }
        }
        let text = PlainText.of(content).trimmingSpaces()
        let id = headingIDs.assign(custom: custom, text: text)
        headings.append(Heading(level: level, text: text, id: id, position: position))
        return .heading(level: level, content: content, id: id)
    }

    // MARK: Inlines

    mutating func convertInlines(_ parent: OpaquePointer) -> [Inline] {
        guard enter(parent) else { return [] }
        defer { depth -= 1 }
        var out: [Inline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            let inline: Inline?
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: inline = .text(string(cmark_node_get_literal(node)))
            case CMARK_NODE_CODE: inline = .code(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK: inline = .softBreak
            case CMARK_NODE_LINEBREAK: inline = .lineBreak
            case CMARK_NODE_HTML_INLINE: inline = .html(string(cmark_node_get_literal(node)))
            case CMARK_NODE_EMPH: inline = .emphasis(convertInlines(node))
            case CMARK_NODE_STRONG: inline = .strong(convertInlines(node))
            case CMARK_NODE_LINK:
                let index = links.count
                links.append(Link(
                    destination: string(cmark_node_get_url(node)),
                    position: fragmentOrigins.map { fragmentLinkPosition(node, origins: $0) } ?? position(of: node),
                    isEmpty: cmark_node_first_child(node) == nil))
                inline = .link(index: index, title: string(cmark_node_get_title(node)), content: convertInlines(node))
            case CMARK_NODE_IMAGE:
                inline = .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                                alt: convertInlines(node))
            default: inline = nil
            }
            if let inline {
                if case .text(let new) = inline, case .text(let old)? = out.last {
                    out[out.count - 1] = .text(old + new)
                } else {
                    out.append(inline)
                }
            }
            child = cmark_node_next(node)
        }
        return out
    }

    /// Where a link inside a fragment (a table cell, or lines split off a paragraph) is in the
    /// file: the fragment line's origin plus the link's character offset in that line.
    func fragmentLinkPosition(_ node: OpaquePointer, origins: [TextPosition]) -> TextPosition {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        guard line >= 1, line <= origins.count else { return origins.first ?? TextPosition(line: 1, column: 1) }
        var start = 0
        var seen = 1
        while seen < line, let newline = fragmentBytes[start...].firstIndex(of: 10) {
            start = newline + 1
            seen += 1
        }
        let prefix = fragmentBytes[start..<min(fragmentBytes.count, start + max(0, byteColumn - 1))]
        let characters = prefix.filter { $0 & 0xC0 != 0x80 }.count
        return TextPosition(line: origins[line - 1].line, column: origins[line - 1].column + characters)
    }

    /// Parses a fragment of source text (a table cell, or the lines of a paragraph before a table)
    /// as inline Markdown; `origins` gives the file position where each of its lines starts.
    mutating func convertFragment(_ text: String, origins: [TextPosition]) -> [Inline] {
        let bytes = Array(text.utf8)
        let root = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }
        guard let paragraph = cmark_node_first_child(root),
              cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else {
            return text.isEmpty ? [] : [.text(text)]
        }
        fragmentBytes = bytes
        fragmentOrigins = origins
        defer { fragmentOrigins = nil }
        return convertInlines(paragraph)
    }

    // MARK: Tables

    /// The blocks for a paragraph that holds a pipe table (with any lines before the table as a
    /// paragraph of their own, as GitHub does); nil when it holds none.
    mutating func pipeTable(_ node: OpaquePointer) -> [Block]? {
        let first = Int(cmark_node_get_start_line(node))
        let last = Int(cmark_node_get_end_line(node))
        guard last > first else { return nil }
        let indent = max(0, Int(cmark_node_get_start_column(node)) - 1)
        let lines = (first...last).map { sourceLine($0, strippingContainerPrefix: indent) }
        switch PipeTable.parse(lines.map(\.text)) {
        case .notATable:
            return nil
        case .problem(let lineOffset, let message, let hint, let severity):
            let line = lines[lineOffset]
            issues.append(MarkdownIssue(
                severity: severity, code: "malformed-table", message: message, hint: hint,
                position: TextPosition(line: first + lineOffset, column: line.column)))
            return nil
        case .table(let table):
            for warning in table.warnings {
                issues.append(MarkdownIssue(
                    severity: .warning, code: "table-cell-count", message: warning.message,
                    hint: "give every row as many cells as the header",
                    position: TextPosition(line: first + warning.line, column: lines[warning.line].column)))
            }
            func at(_ lineOffset: Int, _ cell: Int) -> TextPosition {
                let offset = table.offsets[lineOffset].flatMap { cell < $0.count ? $0[cell] : nil } ?? 0
                return TextPosition(line: first + lineOffset, column: lines[lineOffset].column + offset)
            }
            var blocks: [Block] = []
            let top = table.headerLine
            if top > 0 {
                let before = lines[..<top]
                let origins = before.indices.map { TextPosition(line: first + $0, column: lines[$0].column) }
                blocks.append(.paragraph(convertFragment(before.map(\.text).joined(separator: "\n"), origins: origins)))
            }
            var header: [[Inline]] = []
            for (c, cell) in table.header.enumerated() {
                header.append(convertFragment(cell, origins: [at(top, c)]))
            }
            var rows: [[[Inline]]] = []
            for (r, row) in table.rows.enumerated() {
                var cells: [[Inline]] = []
                for (c, cell) in row.enumerated() { cells.append(convertFragment(cell, origins: [at(top + 2 + r, c)])) }
                rows.append(cells)
            }
            blocks.append(.table(alignments: table.alignments, header: header, rows: rows))
            return blocks
        }
    }

    /// The text of source line `line` (1-based) without up to `indent` bytes of container prefix
    /// (spaces, tabs and `>` of enclosing block quotes and list items).
    func sourceLine(_ line: Int, strippingContainerPrefix indent: Int) -> (text: String, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return ("", 1) }
        var start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : source.count
        var stripped = 0
        while stripped < indent, start < end,
              source[start] == UInt8(ascii: " ") || source[start] == UInt8(ascii: ">") || source[start] == 9 {
            start += 1
            stripped += 1
        }
        var stop = end
        if stop > start, source[stop - 1] == 13 { stop -= 1 }
        let text = String(decoding: source[start..<stop], as: UTF8.self)
        return (text, characterColumn(line: line, byteColumn: stripped + 1))
    }

    // MARK: Positions and strings

    func position(of node: OpaquePointer) -> TextPosition {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        return TextPosition(line: line, column: characterColumn(line: line, byteColumn: byteColumn))
    }

    /// Converts cmark's 1-based UTF-8 byte column into a 1-based character column.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(1, byteColumn) }
        let start = lineStarts[line - 1]
        let end = min(source.count, start + byteColumn - 1)
        var column = 1
        var i = start
        while i < end {
            if source[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
