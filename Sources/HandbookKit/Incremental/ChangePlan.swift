/// What a set of changed inputs requires of a site already written, decided before anything is
/// rendered. `handbook serve` (from the files its watcher reports) and `handbook build` (from the
/// prints of the previous build) both classify their changes here, then carry the plan out.
enum ChangePlan: Equatable {
    /// Nothing the site is made from changed.
    case nothing
    /// Everything again: site.yml or the options, an asset, a partial, the layout or UI strings,
    /// a guide added or removed, or a site not known to be in sync with its files.
    case everything
    /// Page templates only: the pages of those kinds.
    case templates(Set<String>)
    /// Guide bodies only, front matter as it was (paths relative to the content folder).
    case bodies([String])
    /// Guides' front matter or tables: the handbook is assembled again.
    case content(guides: [String], tables: Bool)

    /// The plan for `changes`.
    static func classify(_ changes: [InputChange]) -> ChangePlan {
        if changes.isEmpty { return .nothing }
        var templates = Set<String>(), bodies = Set<String>(), frontMatter = Set<String>()
        var tables = false
        for change in changes {
            switch change {
            case .config, .guideAddedOrRemoved, .unknownFile: return .everything
            case .theme(let path):
                guard let name = InputChange.pageTemplate(path) else { return .everything }
                templates.insert(name)
            case .table: tables = true
            case .frontMatter(let path): frontMatter.insert(path)
            case .body(let path): bodies.insert(path)
            }
        }
        let guides = bodies.union(frontMatter)
        if !templates.isEmpty { return guides.isEmpty && !tables ? .templates(templates) : .everything }
        if tables || !frontMatter.isEmpty { return .content(guides: guides.sorted(), tables: tables) }
        return .bodies(bodies.sorted())
    }

    /// How the plan is reported.
    var kind: LiveUpdate.Kind {
        switch self {
        case .nothing: .none
        case .everything: .whole
        case .templates: .template
        case .bodies: .body
        case .content(_, let tables): tables ? .table : .frontMatter
        }
    }
}
