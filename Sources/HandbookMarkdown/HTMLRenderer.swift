/// A link destination after the link stage: where it points and, for `[](market:sa)`, the text to show.
public struct ResolvedLink: Sendable, Hashable {
    /// The `href` to write (already relative to the page); empty for a dropped link.
    public var href: String
    /// Text for links written with empty text.
    public var label: String?

    /// Creates a resolved link.
    public init(href: String, label: String? = nil) {
        self.href = href
        self.label = label
    }
}

/// Options for rendering a document to HTML.
public struct HTMLOptions: Sendable {
    /// Write raw HTML from the source (otherwise an HTML comment replaces it).
    public var allowRawHTML: Bool
    /// The title shown on each alert kind, in the page's language.
    public var alertTitles: [AlertKind: String]

    /// Creates options.
    public init(allowRawHTML: Bool = false, alertTitles: [AlertKind: String] = [:]) {
        self.allowRawHTML = allowRawHTML
        self.alertTitles = alertTitles
    }
}

/// Renders a `Document` to an HTML fragment.
public struct HTMLRenderer {
    private var out = ""
    private let links: [ResolvedLink]
    private let options: HTMLOptions

    /// Renders `document`, taking each link's `href` from `links` (indexed like `document.links`).
    public static func render(_ document: Document, links: [ResolvedLink], options: HTMLOptions) -> String {
        var renderer = HTMLRenderer(links: links, options: options)
        renderer.out.reserveCapacity(4096)
        renderer.blocks(document.blocks, tight: false)
        return renderer.out
    }

    private init(links: [ResolvedLink], options: HTMLOptions) {
        self.links = links
        self.options = options
    }

    private mutating func blocks(_ blocks: [Block], tight: Bool) {
        for block in blocks { self.block(block, tight: tight) }
    }

    private mutating func block(_ block: Block, tight: Bool) {
        switch block {
        case .paragraph(let content):
            if tight {
                inlines(content)
                out += "\n"
            } else {
                out += "<p>"
                inlines(content)
                out += "</p>\n"
            }
        case .heading(let level, let content, let id):
            out += "<h\(level) id=\""
            HTMLEscape.append(id, to: &out)
            out += "\">"
            inlines(content)
            out += "</h\(level)>\n"
        case .blockQuote(let children):
            out += "<blockquote>\n"
            blocks(children, tight: false)
            out += "</blockquote>\n"
        case .alert(let kind, let children):
            let name = kind.rawValue.lowercased()
            out += "<div class=\"alert alert-\(name)\" role=\"note\">\n<p class=\"alert-title\">"
            HTMLEscape.append(options.alertTitles[kind] ?? kind.rawValue.prefix(1) + kind.rawValue.dropFirst().lowercased(), to: &out)
            out += "</p>\n"
            blocks(children, tight: false)
            out += "</div>\n"
        case .list(let ordered, let start, let isTight, let items):
            if ordered {
                out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                out += "<ul>\n"
            }
            for item in items {
                out += isTight ? "<li>" : "<li>\n"
                blocks(item, tight: isTight)
                if out.hasSuffix("\n"), isTight { out.removeLast() }
                out += "</li>\n"
            }
            out += ordered ? "</ol>\n" : "</ul>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            if language.isEmpty {
                out += "<pre><code>"
            } else {
                out += "<pre><code class=\"language-"
                HTMLEscape.append(language, to: &out)
                out += "\">"
            }
            HTMLEscape.append(literal, to: &out)
            out += "</code></pre>\n"
        case .html(let raw):
            out += options.allowRawHTML ? raw : "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let alignments, let header, let rows):
            out += "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n"
            for (i, cell) in header.enumerated() { tableCell("th", cell, alignments[i]) }
            out += "</tr>\n</thead>\n"
            if !rows.isEmpty {
                out += "<tbody>\n"
                for row in rows {
                    out += "<tr>\n"
                    for (i, cell) in row.enumerated() { tableCell("td", cell, alignments[i]) }
                    out += "</tr>\n"
                }
                out += "</tbody>\n"
            }
            out += "</table></div>\n"
        }
    }

    private mutating func tableCell(_ tag: String, _ content: [Inline], _ alignment: TableAlignment) {
        switch alignment {
        case .none: out += "<\(tag)>"
        case .left: out += "<\(tag) style=\"text-align:left\">"
        case .center: out += "<\(tag) style=\"text-align:center\">"
        case .right: out += "<\(tag) style=\"text-align:right\">"
        }
        inlines(content)
        out += "</\(tag)>\n"
    }

    private mutating func titleAttribute(_ title: String) {
        guard !title.isEmpty else { return }
        out += " title=\""
        HTMLEscape.append(title, to: &out)
        out += "\""
    }

    private mutating func inlines(_ inlines: [Inline]) {
        for inline in inlines { self.inline(inline) }
    }

    private mutating func inline(_ inline: Inline) {
        switch inline {
        case .text(let text):
            HTMLEscape.append(text, to: &out)
        case .code(let code):
            out += "<code>"
            HTMLEscape.append(code, to: &out)
            out += "</code>"
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br>\n"
        case .html(let raw):
            out += options.allowRawHTML ? raw : "<!-- raw HTML omitted -->"
        case .emphasis(let content):
            out += "<em>"
            inlines(content)
            out += "</em>"
        case .strong(let content):
            out += "<strong>"
            inlines(content)
            out += "</strong>"
        case .link(let index, let title, let content):
            let resolved = index < links.count ? links[index] : ResolvedLink(href: "")
            out += "<a href=\""
            out += HTMLEscape.isDangerousURL(resolved.href) ? "" : HTMLEscape.href(resolved.href)
            out += "\""
            titleAttribute(title)
            out += ">"
            if content.isEmpty, let label = resolved.label {
                HTMLEscape.append(label, to: &out)
            } else {
                inlines(content)
            }
            out += "</a>"
        case .image(let source, let title, let alt):
            out += "<img src=\""
            out += HTMLEscape.isDangerousURL(source) ? "" : HTMLEscape.href(source)
            out += "\" alt=\""
            HTMLEscape.append(PlainText.of(alt), to: &out)
            out += "\""
            titleAttribute(title)
            out += " loading=\"lazy\">"
        }
    }
}
