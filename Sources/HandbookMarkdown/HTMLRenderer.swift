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

/// Renders a `Document` to an HTML fragment: its HTML was made when it was parsed, so this only
/// fills the holes (link targets, empty links' labels, alert titles, raw HTML).
public enum HTMLRenderer {
    /// Renders `document`, taking each link's `href` from `links` (indexed like `document.links`).
    public static func render(_ document: Document, links: [ResolvedLink], options: HTMLOptions) -> String {
        String(decoding: renderBytes(document, links: links, options: options), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, for a template to copy as they are.
    public static func renderBytes(_ document: Document, links: [ResolvedLink], options: HTMLOptions) -> [UInt8] {
        let html = document.html
        guard !document.holes.isEmpty else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 64 * document.holes.count)
        var at = 0
        for hole in document.holes {
            out.append(contentsOf: html[at..<hole.offset])
            at = hole.offset
            switch hole.kind {
            case .href(let n):
                let href = n < links.count ? links[n].href : ""
                if !HTMLEscape.isDangerousURL(href) { out.append(contentsOf: HTMLEscape.href(href).utf8) }
            case .label(let n):
                if n < links.count, let label = links[n].label { escape(label, into: &out) }
            case .alertTitle(let kind):
                escape(options.alertTitles[kind] ?? kind.rawValue.prefix(1) + kind.rawValue.dropFirst().lowercased(),
                       into: &out)
            case .rawInline(let n):
                out.append(contentsOf: (options.allowRawHTML ? document.rawHTML[n] : "<!-- raw HTML omitted -->").utf8)
            case .rawBlock(let n, let trimNewline):
                var text = options.allowRawHTML ? document.rawHTML[n] : "<!-- raw HTML omitted -->\n"
                if trimNewline, text.hasSuffix("\n") { text.removeLast() }
                out.append(contentsOf: text.utf8)
            }
        }
        out.append(contentsOf: html[at...])
        return out
    }

    private static func escape(_ text: String, into out: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { HTMLEscape.append($0, to: &out) }
    }
}
