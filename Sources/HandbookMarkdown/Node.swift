/// A position in a Markdown text: 1-based line and 1-based column counted in characters.
public struct TextPosition: Sendable, Hashable, Comparable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode characters (not bytes).
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The kinds of GitHub-style alerts (`> [!NOTE]`).
public enum AlertKind: String, Sendable, CaseIterable {
    case note = "NOTE", tip = "TIP", important = "IMPORTANT", warning = "WARNING", caution = "CAUTION"
}

/// Column alignment in a pipe table.
public enum TableAlignment: Sendable {
    case none, left, center, right
}

/// A block-level Markdown element, converted from libcmark into plain Swift values.
public indirect enum Block: Sendable {
    case paragraph([Inline])
    /// A heading; `id` is unique within its document.
    case heading(level: Int, content: [Inline], id: String)
    case blockQuote([Block])
    case alert(AlertKind, [Block])
    case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
    case codeBlock(info: String, literal: String)
    /// Raw HTML from the source; rendered only when the document allows unsafe HTML.
    case html(String)
    case thematicBreak
    case table(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]])
}

/// An inline Markdown element.
public indirect enum Inline: Sendable {
    case text(String)
    case code(String)
    case softBreak
    case lineBreak
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    /// A link; `index` points into `Document.links`.
    case link(index: Int, title: String, content: [Inline])
    case image(source: String, title: String, alt: [Inline])
}
