// The only file in the project that talks to libcmark. cmark types stay fileprivate;
// only Swift values (`Document`) leave this file.
import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// Walks libcmark's syntax tree once and writes the document's HTML (with holes for what depends
/// on the page) and plain text as it goes, plus the project's extensions: pipe tables, alerts,
/// heading ids.
private struct Converter {
    let source: [UInt8]
    let lineStarts: [Int]
    var headingIDs = HeadingIDs()
    var headings: [Heading] = []
    var links: [Link] = []
    var issues: [MarkdownIssue] = []
    var out: DocumentBuilder
    /// False while a heading's text is read for its id (before it is written): links and problems
    /// are then not recorded.
    var recording = true
    /// While converting a fragment (a table cell, or lines before a table), where each of its
    /// lines starts in the file; links are placed relative to these.
    var fragmentOrigins: [TextPosition]?
    /// The UTF-8 text of the fragment being converted.
    var fragmentBytes: [UInt8] = []
    /// How deep the conversion is; deeper content is refused rather than overflowing the stack.
    var depth = 0
    static let maxDepth = 128
    var reportedDepth = false

    /// Refuses content nested deeper than `maxDepth` (reported once per document), returning false.
    mutating func enter(_ node: OpaquePointer) -> Bool {
        guard depth < Self.maxDepth else {
            if recording, !reportedDepth {
                reportedDepth = true
                issues.append(MarkdownIssue(
                    severity: .error, code: "too-deep", message: "Markdown nested more than \(Self.maxDepth) levels deep",
                    messageZH: "Markdown 嵌套超过 \(Self.maxDepth) 层",
                    hint: "use fewer nested block quotes, lists or emphasis", hintZH: "减少引用块、列表或强调的嵌套层数",
                    position: position(of: node)))
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
        out = DocumentBuilder(capacity: source.count)
    }

    mutating func run() -> Document {
        let root = source.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else {
            return Document(DocumentBuilder(capacity: 0), headings: [], links: [], issues: [])
        }
        defer { cmark_node_free(root) }
        if enter(root) {
            blockChildren(root, tight: false)
            depth -= 1
        }
        return Document(out, headings: headings, links: links, issues: issues)
    }

    // MARK: Blocks

    /// The blocks of a container the caller has entered. `alert`: the container is an alert,
    /// whose first paragraph starts with the marker.
    mutating func blockChildren(_ parent: OpaquePointer, tight: Bool, alert: Bool = false) {
        var child = cmark_node_first_child(parent)
        var first = true
        while let node = child {
            block(node, tight: tight, stripMarker: alert && first)
            first = false
            child = cmark_node_next(node)
        }
    }

    mutating func block(_ node: OpaquePointer, tight: Bool, stripMarker: Bool) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            if !pipeTable(node, tight: tight, stripMarker: stripMarker) {
                paragraph(node, tight: tight, stripMarker: stripMarker)
            }
        case CMARK_NODE_HEADING:
            heading(node)
        case CMARK_NODE_BLOCK_QUOTE:
            blockQuote(node)
        case CMARK_NODE_LIST:
            list(node)
        case CMARK_NODE_CODE_BLOCK:
            codeBlock(node)
        case CMARK_NODE_HTML_BLOCK:
            out.raw(string(cmark_node_get_literal(node)), block: true)
        case CMARK_NODE_THEMATIC_BREAK:
            out.markup("<hr>\n")
        default:
            break
        }
    }

    /// A paragraph of the inline nodes of `parent` (in a tight list item, without `<p>`). With
    /// `stripMarker`, without the alert marker it starts with, and nothing at all when the
    /// marker is all it holds.
    mutating func paragraph(_ parent: OpaquePointer, tight: Bool, stripMarker: Bool) {
        guard enter(parent) else {
            out.markup(tight ? "\n" : "<p></p>\n")
            out.text(byte: 10)
            return
        }
        defer { depth -= 1 }
        var first = cmark_node_first_child(parent)
        if stripMarker, let marker = alertMarker(first) {
            guard let rest = marker.rest else { return }
            first = rest
        }
        if !tight { out.markup("<p>") }
        inlines(from: first, until: nil, html: true)
        out.markup(tight ? "\n" : "</p>\n")
        out.text(byte: 10)
    }

    mutating func heading(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let position = position(of: node)
        var custom: String?
        var rest: String?          // the text before `{#id}`, in place of the trailing text
        var stop: OpaquePointer?   // the first node of the trailing text that held the id
        var problem: MarkdownIssue?
        let entered = enter(node)
        if entered {
            var run: OpaquePointer?
            var last = cmark_node_last_child(node)
            while let n = last, cmark_node_get_type(n) == CMARK_NODE_TEXT {
                run = n
                last = cmark_node_previous(n)
            }
            if let run {
                var text = ""
                var n: OpaquePointer? = run
                while let t = n {
                    text += string(cmark_node_get_literal(t))
                    n = cmark_node_next(t)
                }
                if let (before, id) = HeadingIDs.splitCustomID(text) {
                    rest = before
                    stop = run
                    if HeadingIDs.isValidCustomID(id) {
                        custom = id
                    } else {
                        problem = MarkdownIssue(
                            severity: .error, code: "bad-heading-id",
                            message: "heading id '\(id)' may only contain letters, digits, '-' and '_'",
                            messageZH: "标题 id“\(id)”只能包含字母、数字、“-”和“_”",
                            hint: "write it like {#cb-scheme}", hintZH: "写法如 {#cb-scheme}", position: position)
                    }
                }
            }
        }
        let first = entered ? cmark_node_first_child(node) : nil
        // The heading's text, for its id and the table of contents; it is not part of the body text.
        let sink = out.sink
        let mark = out.scratch.count
        out.sink = .scratch
        recording = false
        inlines(from: first, until: stop, html: false)
        if let rest { out.text(rest) }
        recording = true
        let text = String(decoding: out.scratch[mark...], as: UTF8.self).trimmingSpaces()
        out.scratch.removeSubrange(mark...)
        let id = headingIDs.assign(custom: custom, text: text)
        headings.append(Heading(level: level, text: text, id: id, position: position))
        out.markup("<h")
        out.number(level)
        out.markup(" id=\"")
        out.escaped(id)
        out.markup("\">")
        out.sink = .none
        inlines(from: first, until: stop, html: true)
        if let rest { out.escaped(rest) }
        out.sink = sink
        out.markup("</h")
        out.number(level)
        out.markup(">\n")
        if entered { depth -= 1 }
        if let problem { issues.append(problem) }
    }

    mutating func blockQuote(_ node: OpaquePointer) {
        guard enter(node) else {
            out.markup("<blockquote>\n</blockquote>\n")
            return
        }
        defer { depth -= 1 }
        if let kind = alertKind(node) {
            out.hasAlerts = true
            out.markup("<div class=\"alert alert-")
            out.markup(string: kind.rawValue.lowercased())
            out.markup("\" role=\"note\">\n<p class=\"alert-title\">")
            out.hole(.alertTitle(kind))
            out.markup("</p>\n")
            blockChildren(node, tight: false, alert: true)
            out.markup("</div>\n")
        } else {
            out.markup("<blockquote>\n")
            blockChildren(node, tight: false)
            out.markup("</blockquote>\n")
        }
    }

    /// The kind of alert when the first paragraph of `quote` (entered) starts with a marker.
    mutating func alertKind(_ quote: OpaquePointer) -> AlertKind? {
        guard depth < Self.maxDepth, let first = cmark_node_first_child(quote),
              cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH else { return nil }
        if let (_, lines) = tableLines(first), case .table(let table) = PipeTable.parse(lines.map(\.text)) {
            // The paragraph is the lines before the table, if any.
            guard table.headerLine > 0 else { return nil }
            let before = lines[..<table.headerLine].map(\.text).joined(separator: "\n")
            return withFragment(before, origins: []) { this, paragraph in
                paragraph.flatMap { this.alertMarker(cmark_node_first_child($0))?.kind }
            }
        }
        return alertMarker(cmark_node_first_child(first))?.kind
    }

    /// The alert marker that inline nodes from `first` start with, and the node after it (and after
    /// the line break that follows it).
    func alertMarker(_ first: OpaquePointer?) -> (kind: AlertKind, rest: OpaquePointer?)? {
        var text = ""
        var node = first
        while let n = node, cmark_node_get_type(n) == CMARK_NODE_TEXT {
            text += string(cmark_node_get_literal(n))
            node = cmark_node_next(n)
        }
        guard let kind = Alerts.kind(ofMarker: text) else { return nil }
        if let n = node, cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(n) == CMARK_NODE_LINEBREAK {
            node = cmark_node_next(n)
        }
        return (kind, node)
    }

    mutating func list(_ node: OpaquePointer) {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        let start = Int(cmark_node_get_list_start(node))
        let tight = cmark_node_get_list_tight(node) != 0
        if !ordered {
            out.markup("<ul>\n")
        } else if start == 1 {
            out.markup("<ol>\n")
        } else {
            out.markup("<ol start=\"")
            out.number(start)
            out.markup("\">\n")
        }
        var item = cmark_node_first_child(node)
        while let it = item {
            out.markup(tight ? "<li>" : "<li>\n")
            if enter(it) {
                blockChildren(it, tight: tight)
                depth -= 1
            }
            if tight { out.dropTrailingNewline() }
            out.markup("</li>\n")
            item = cmark_node_next(it)
        }
        out.markup(ordered ? "</ol>\n" : "</ul>\n")
    }

    mutating func codeBlock(_ node: OpaquePointer) {
        let info = string(cmark_node_get_fence_info(node))
        let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        if language.isEmpty {
            out.markup("<pre><code>")
        } else {
            out.markup("<pre><code class=\"language-")
            out.escaped(language)
            out.markup("\">")
        }
        out.escaped(bytes(cmark_node_get_literal(node)))
        out.markup("</code></pre>\n")
    }

    // MARK: Inlines

    /// The inline nodes from `first` up to `stop` (not included). `html`: false when only their
    /// text is wanted.
    mutating func inlines(from first: OpaquePointer?, until stop: OpaquePointer?, html: Bool) {
        var child = first
        while let node = child, node != stop {
            inline(node, html: html)
            child = cmark_node_next(node)
        }
    }

    /// The inline children of `parent`; nothing when they are nested too deep.
    mutating func inlineChildren(_ parent: OpaquePointer, html: Bool) {
        guard enter(parent) else { return }
        defer { depth -= 1 }
        inlines(from: cmark_node_first_child(parent), until: nil, html: html)
    }

    mutating func inline(_ node: OpaquePointer, html: Bool) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            let text = bytes(cmark_node_get_literal(node))
            if html { out.escaped(text) }
            out.text(text)
        case CMARK_NODE_CODE:
            let code = bytes(cmark_node_get_literal(node))
            if html {
                out.markup("<code>")
                out.escaped(code)
                out.markup("</code>")
            }
            out.text(code)
        case CMARK_NODE_SOFTBREAK:
            if html { out.markup("\n") }
            out.text(byte: 32)
        case CMARK_NODE_LINEBREAK:
            if html { out.markup("<br>\n") }
            out.text(byte: 32)
        case CMARK_NODE_HTML_INLINE:
            if html { out.raw(string(cmark_node_get_literal(node)), block: false) }
        case CMARK_NODE_EMPH:
            if html { out.markup("<em>") }
            inlineChildren(node, html: html)
            if html { out.markup("</em>") }
        case CMARK_NODE_STRONG:
            if html { out.markup("<strong>") }
            inlineChildren(node, html: html)
            if html { out.markup("</strong>") }
        case CMARK_NODE_LINK:
            link(node, html: html)
        case CMARK_NODE_IMAGE:
            image(node, html: html)
        default:
            break
        }
    }

    mutating func link(_ node: OpaquePointer, html: Bool) {
        let isEmpty = cmark_node_first_child(node) == nil
        let index = links.count
        if recording {
            links.append(Link(
                destination: string(cmark_node_get_url(node)),
                position: fragmentOrigins.map { fragmentLinkPosition(node, origins: $0) } ?? position(of: node),
                isEmpty: isEmpty))
        }
        if html {
            out.markup("<a href=\"")
            out.hole(.href(index))
            out.markup("\"")
            title(node)
            out.markup(">")
            if isEmpty { out.hole(.label(index)) }
        }
        inlineChildren(node, html: html)
        if html { out.markup("</a>") }
    }

    mutating func image(_ node: OpaquePointer, html: Bool) {
        guard html else {
            inlineChildren(node, html: false)   // its alt text is part of the text around it
            return
        }
        let sink = out.sink
        let mark = out.scratch.count
        out.sink = .scratch
        inlineChildren(node, html: false)
        out.sink = sink
        let alt = Array(out.scratch[mark...])
        out.scratch.removeSubrange(mark...)
        let source = string(cmark_node_get_url(node))
        out.markup("<img src=\"")
        if !HTMLEscape.isDangerousURL(source) { out.markup(string: HTMLEscape.href(source)) }
        out.markup("\" alt=\"")
        alt.withUnsafeBufferPointer {
            out.escaped($0)
            out.text($0)
        }
        out.markup("\"")
        title(node)
        out.markup(" loading=\"lazy\">")
    }

    /// ` title="…"` when the link or image has a title.
    mutating func title(_ node: OpaquePointer) {
        let title = bytes(cmark_node_get_title(node))
        guard !title.isEmpty else { return }
        out.markup(" title=\"")
        out.escaped(title)
        out.markup("\"")
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
    /// and calls `body` with its paragraph (nil when it is not a paragraph); `origins` gives the
    /// file position where each of its lines starts.
    mutating func withFragment<R>(_ text: String, origins: [TextPosition],
                                  _ body: (inout Converter, OpaquePointer?) -> R) -> R {
        let bytes = Array(text.utf8)
        let root = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return body(&self, nil) }
        defer { cmark_node_free(root) }
        guard let paragraph = cmark_node_first_child(root), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else {
            return body(&self, nil)
        }
        let saved = (fragmentBytes, fragmentOrigins)
        (fragmentBytes, fragmentOrigins) = (bytes, origins)
        defer { (fragmentBytes, fragmentOrigins) = saved }
        return body(&self, paragraph)
    }

    // MARK: Tables

    /// The lines of a paragraph of more than one line, without their container prefixes, with
    /// the first line's number.
    func tableLines(_ node: OpaquePointer) -> (first: Int, lines: [(text: String, column: Int)])? {
        let first = Int(cmark_node_get_start_line(node))
        let last = Int(cmark_node_get_end_line(node))
        guard last > first else { return nil }
        let indent = max(0, Int(cmark_node_get_start_column(node)) - 1)
        // The first line starts where cmark says the paragraph does, after every container marker
        // (`> `, `- `, `12. `); the others after the containers' indentation and `>`s.
        return (first, (first...last).map { sourceLine($0, strippingContainerPrefix: indent, exactly: $0 == first) })
    }

    /// Writes a paragraph that holds a pipe table (with any lines before the table as a paragraph
    /// of their own, as GitHub does); false when it holds none.
    mutating func pipeTable(_ node: OpaquePointer, tight: Bool, stripMarker: Bool) -> Bool {
        guard let (first, lines) = tableLines(node) else { return false }
        switch PipeTable.parse(lines.map(\.text)) {
        case .notATable:
            return false
        case .problem(let lineOffset, let message, let hint, let severity):
            let line = lines[lineOffset]
            issues.append(MarkdownIssue(
                severity: severity, code: "malformed-table", message: message.en, messageZH: message.zh,
                hint: hint.en, hintZH: hint.zh, position: TextPosition(line: first + lineOffset, column: line.column)))
            return false
        case .table(let table):
            for warning in table.warnings {
                issues.append(MarkdownIssue(
                    severity: .warning, code: "table-cell-count", message: warning.message.en, messageZH: warning.message.zh,
                    hint: "give every row as many cells as the header", hintZH: "每一行的单元格数要与表头相同",
                    position: TextPosition(line: first + warning.line, column: lines[warning.line].column)))
            }
            func at(_ lineOffset: Int, _ cell: Int) -> TextPosition {
                let offset = table.offsets[lineOffset].flatMap { cell < $0.count ? $0[cell] : nil } ?? 0
                return TextPosition(line: first + lineOffset, column: lines[lineOffset].column + offset)
            }
            out.hasTables = true
            let top = table.headerLine
            if top > 0 {
                let before = lines[..<top]
                let origins = before.indices.map { TextPosition(line: first + $0, column: lines[$0].column) }
                let text = before.map(\.text).joined(separator: "\n")
                withFragment(text, origins: origins) { this, paragraph in
                    if let paragraph {
                        this.paragraph(paragraph, tight: tight, stripMarker: stripMarker)
                    } else {
                        if !tight { this.out.markup("<p>") }
                        this.out.escaped(text)
                        this.out.text(text)
                        this.out.markup(tight ? "\n" : "</p>\n")
                        this.out.text(byte: 10)
                    }
                }
            }
            out.markup("<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n")
            for (c, cell) in table.header.enumerated() { tableCell("th", cell, at(top, c), table.alignments[c]) }
            out.markup("</tr>\n</thead>\n")
            out.text(byte: 10)
            if !table.rows.isEmpty {
                out.markup("<tbody>\n")
                for (r, row) in table.rows.enumerated() {
                    out.markup("<tr>\n")
                    for (c, cell) in row.enumerated() { tableCell("td", cell, at(top + 2 + r, c), table.alignments[c]) }
                    out.markup("</tr>\n")
                    out.text(byte: 10)
                }
                out.markup("</tbody>\n")
            }
            out.markup("</table></div>\n")
            return true
        }
    }

    mutating func tableCell(_ tag: StaticString, _ text: String, _ origin: TextPosition, _ alignment: TableAlignment) {
        out.markup("<")
        out.markup(tag)
        switch alignment {
        case .none: out.markup(">")
        case .left: out.markup(" style=\"text-align:left\">")
        case .center: out.markup(" style=\"text-align:center\">")
        case .right: out.markup(" style=\"text-align:right\">")
        }
        withFragment(text, origins: [origin]) { this, paragraph in
            if let paragraph {
                this.inlineChildren(paragraph, html: true)
            } else if !text.isEmpty {
                this.out.escaped(text)
                this.out.text(text)
            }
        }
        out.markup("</")
        out.markup(tag)
        out.markup(">\n")
        out.text(byte: 32)
    }

    /// The text of source line `line` (1-based) without up to `indent` bytes of container prefix
    /// (spaces, tabs and `>` of enclosing block quotes and list items); `exactly`: without the
    /// first `indent` bytes, whatever they are.
    func sourceLine(_ line: Int, strippingContainerPrefix indent: Int, exactly: Bool = false) -> (text: String, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return ("", 1) }
        var start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : source.count
        var stripped = 0
        while stripped < indent, start < end,
              exactly || source[start] == UInt8(ascii: " ") || source[start] == UInt8(ascii: ">") || source[start] == 9 {
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

    /// The bytes of a C string owned by cmark (valid while its node lives).
    func bytes(_ pointer: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    }
}
