import Foundation

/// What `handbook build` and `handbook check` are given.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    /// Links to directories end in `index.html` (for browsing the output from disk).
    public var fileLinks: Bool
    /// The day that review staleness and "upcoming" are measured against.
    public var today: Day
    /// Receives the time of each stage (for `--timings`).
    public var timer: StageTimer?
    /// Warnings fail the build (and leave the output as it was).
    public var strict = false
    /// Also write the editorial report to `report/index.txt` (not linked from any page).
    public var writeReport = false
    /// Also make the PDF edition of each language (`<lang>/handbook-<edition>.pdf`, with WeasyPrint).
    public var pdf = false
    /// The PDF edition's date (`--edition`); the build's day when nil.
    public var edition: Day?
    /// The language of the editorial report (the CLI's `--lang`).
    public var messages: MessageLanguage = .en
    /// Build everything into a fresh staging folder, ignoring the state of the previous output.
    public var clean = false
    /// Build everything but only report what would be written, changed and deleted.
    public var dryRun = false
    /// Leave the build's values (the handbook, rendered state, search index) for the process's
    /// exit to reclaim instead of freeing them object by object (0.3 s at 10,000 pages): for a
    /// command that exits after one build, never for a long-running process.
    public var keepUntilExit = false
    /// Called now and then during rendering with (pages done, pages in all), for a progress line.
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Creates options.
    public init(content: String = "Content", templates: String = "Templates", output: String = "Site",
                baseURL: String? = nil, fileLinks: Bool = false, today: Day) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.fileLinks = fileLinks
        self.today = today
        timer = nil
    }
}
