/// A free page (`pages/**/<slug>.md`): home intro, about, how-to, glossary …
public struct FreePage: Sendable {
    /// The path under `pages/` without `.md`; `index` is the home intro, `a/index` is `a`.
    public var path: String
    public var title: LocalizedText
    public var summary: LocalizedText
    public var reviewed: Day?
    /// Where `reviewed` is written (for the stale-review warning).
    public var reviewedLocation: SourceLocation
    public var guide: Guide
    public var location: SourceLocation
    /// The page lists the site's `terms` after its body (`show_terms: yes`, for the glossary).
    public var showsTerms = false

    /// True for `pages/index.md`, which is shown on the home page.
    public var isHomeIntro: Bool { path.isEmpty }
}
