/// The plain text of inline content (for heading ids, titles and link labels).
enum PlainText {
    /// Concatenates the text of `inlines`, with breaks as spaces.
    static func of(_ inlines: [Inline]) -> String {
        var out = ""
        append(inlines, to: &out)
        return out
    }

    /// The text of `blocks` (paragraphs, lists, tables, quotes; not headings or code), one
    /// block per line.
    static func of(blocks: [Block]) -> String {
        var out = ""
        append(blocks, to: &out)
        return out
    }

    private static func append(_ blocks: [Block], to out: inout String) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines):
                append(inlines, to: &out)
                out += "\n"
            case .heading, .codeBlock, .html, .thematicBreak:
                break
            case .blockQuote(let children), .alert(_, let children):
                append(children, to: &out)
            case .list(_, _, _, let items):
                for item in items { append(item, to: &out) }
            case .table(_, let header, let rows):
                for cells in [header] + rows {
                    for cell in cells {
                        append(cell, to: &out)
                        out += " "
                    }
                    out += "\n"
                }
            }
        }
    }

    private static func append(_ inlines: [Inline], to out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let c), .strong(let c), .link(_, _, let c): append(c, to: &out)
            case .image(_, _, let alt): append(alt, to: &out)
            }
        }
    }
}

extension Document {
    /// The document's text without markup, headings or code (for search and excerpts).
    public var plainText: String { PlainText.of(blocks: blocks) }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
