/// Collects a document's HTML (with holes), its plain text and its raw HTML while the parser walks
/// the syntax tree: bytes appended in order, no tree of Swift values in between.
struct DocumentBuilder {
    /// Where plain text goes at the moment.
    enum Sink {
        /// Nowhere (headings and code are not part of the document's text).
        case none
        /// The document's plain text.
        case document
        /// `scratch`, for a heading's text or an image's alt text.
        case scratch
    }

    var html: [UInt8] = []
    var plain: [UInt8] = []
    var scratch: [UInt8] = []
    var holes: [HTMLHole] = []
    var rawHTML: [String] = []
    var sink = Sink.document
    var hasAlerts = false
    var hasTables = false

    init(capacity: Int) {
        html.reserveCapacity(capacity + capacity / 4)
        plain.reserveCapacity(capacity)
    }

    // MARK: HTML

    /// Appends markup as it is.
    mutating func markup(_ s: StaticString) {
        s.withUTF8Buffer { html.append(contentsOf: $0) }
    }

    /// Appends markup made at run time as it is.
    mutating func markup(string s: String) {
        html.append(contentsOf: s.utf8)
    }

    /// Appends a number in decimal.
    mutating func number(_ n: Int) {
        html.append(contentsOf: String(n).utf8)
    }

    /// Appends text with `&`, `<`, `>` and `"` escaped.
    mutating func escaped(_ text: UnsafeBufferPointer<UInt8>) {
        HTMLEscape.append(text, to: &html)
    }

    /// Appends text with `&`, `<`, `>` and `"` escaped.
    mutating func escaped(_ text: String) {
        var copy = text
        copy.withUTF8 { HTMLEscape.append($0, to: &html) }
    }

    /// Marks a hole at the current end of the HTML.
    mutating func hole(_ kind: HTMLHole.Kind) {
        holes.append(HTMLHole(offset: html.count, kind: kind))
    }

    /// Marks a hole for raw HTML.
    mutating func raw(_ text: String, block: Bool) {
        hole(block ? .rawBlock(rawHTML.count, trimNewline: false) : .rawInline(rawHTML.count))
        rawHTML.append(text)
    }

    /// At the end of a tight list item: drops the last newline (of the markup, or of a raw HTML
    /// block that ends the item).
    mutating func dropTrailingNewline() {
        if let last = holes.last, last.offset == html.count, case .rawBlock(let n, _) = last.kind {
            holes[holes.count - 1].kind = .rawBlock(n, trimNewline: true)
        } else if html.last == 10 {
            html.removeLast()
        }
    }

    // MARK: Plain text

    /// Appends text to the current plain-text sink.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch sink {
        case .none: break
        case .document: plain.append(contentsOf: bytes)
        case .scratch: scratch.append(contentsOf: bytes)
        }
    }

    /// Appends text to the current plain-text sink.
    mutating func text(_ s: String) {
        var copy = s
        copy.withUTF8 { text($0) }
    }

    /// Appends one ASCII byte to the current plain-text sink.
    mutating func text(byte: UInt8) {
        switch sink {
        case .none: break
        case .document: plain.append(byte)
        case .scratch: scratch.append(byte)
        }
    }
}
