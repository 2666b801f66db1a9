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
