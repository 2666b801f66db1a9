/// `Content/site.yml`.
public struct SiteConfig: Sendable {
    /// The handbook's title.
    public var title: LocalizedText
    /// One-sentence description (meta description, feeds).
    public var description: LocalizedText
    /// Language codes; the first is the default.
    public var languages: [String]
    /// Absolute base URL ending in `/`, e.g. `https://example.org/handbook/`.
    public var baseURL: String
    /// Edit link pattern with `{path}`, or nil.
    public var editURL: String?
    /// "Report a correction" link pattern with `{page}` (the page's address) and `{title}`, or nil.
    public var feedbackURL: String?
    /// Reviews older than this many days get a stale badge.
    public var reviewMaxAgeDays: Int
    /// Keep raw HTML in Markdown.
    public var allowRawHTML: Bool
    /// Search synonyms: a word readers type → the phrases it stands for (`ess` → `energy storage`).
    public var searchSynonyms: [String: [String]] = [:]
    /// One wording per concept: the preferred forms and the variants `check` flags.
    public var terms: [Term] = []

    /// The default language.
    public var defaultLanguage: String { languages[0] }

    /// Other languages to fall back to, for `language`.
    public func fallbacks(for language: String) -> [String] {
        languages.filter { $0 != language }
    }
}
