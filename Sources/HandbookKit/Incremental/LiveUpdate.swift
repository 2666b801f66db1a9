/// What one rebuild of a `LiveSite` did.
public struct LiveUpdate: Sendable {
    /// How the edit was classified, which decides how much is rebuilt.
    public enum Kind: String, Sendable {
        /// The first build.
        case first
        /// Only the Markdown body of guides: their pages, back-links and search entries.
        case body
        /// A guide's front matter: its page, the pages naming it, lists and search entries.
        case frontMatter = "front matter"
        /// A data table: the pages made from tables, lists, data files and search entries.
        case table
        /// One page template: the pages of that kind.
        case template
        /// The layout, partials, UI strings, assets, site.yml, or files added or removed: everything.
        case whole
        /// Nothing the site is made from (a hidden or temporary file).
        case none
    }

    public var kind: Kind
    /// Output files written or removed (relative paths, without their `.gz`), sorted.
    public var changedFiles: [String]
    /// Pages rendered (each language counted).
    public var pagesRendered: Int
    /// Every problem of the content as it is now.
    public var diagnostics: [Diagnostic]
    /// True when the content has errors (or warnings with `strict`): nothing was written and the
    /// previous site is still served.
    public var failed: Bool

    /// Creates an update record.
    public init(kind: Kind, changedFiles: [String], pagesRendered: Int, diagnostics: [Diagnostic], failed: Bool) {
        self.kind = kind
        self.changedFiles = changedFiles
        self.pagesRendered = pagesRendered
        self.diagnostics = diagnostics
        self.failed = failed
    }
}
