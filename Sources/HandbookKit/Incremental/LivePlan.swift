/// What a batch of changed files requires of the live site, decided before anything is rendered.
enum LivePlan: Equatable {
    /// Nothing the site is made from changed.
    case nothing
    /// Everything again: site.yml, an asset, a partial or the layout, a guide added or removed, or
    /// a site not in sync with its files.
    case everything
    /// Page templates only: the pages of those kinds.
    case templates(Set<String>)
    /// Guide bodies only, front matter as it was (paths relative to the content folder).
    case bodies([String])
    /// Guides' front matter or tables: the handbook is assembled again.
    case content(guides: [String], tables: Bool)
}
