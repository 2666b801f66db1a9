/// What a successful build wrote.
public struct BuildSummary: Sendable {
    /// HTML pages per language.
    public var pagesPerLanguage: Int
    public var languages: [String]
    /// Files written (without `.gz` copies).
    public var files: Int
    /// Compared with the previous output (all files, `.gz` included): paths new and changed, how
    /// many are unchanged (kept with their dates), and paths no longer written; the lists are
    /// sorted only for `--print-plan`.
    public var new: [String] = [], changed: [String] = [], unchanged = 0, deleted: [String] = []
    /// How the build was made: `.first` into a folder without a state to trust, `.whole` every
    /// file again, or the change plan carried out in place (`.body`, `.template`, …).
    public var plan: LiveUpdate.Kind = .first
    /// Pages rendered (each language counted).
    public var pagesRendered = 0
    /// The PDF editions written (path in the output folder, size in bytes), with `--pdf`.
    public var books: [BookFile] = []
}
