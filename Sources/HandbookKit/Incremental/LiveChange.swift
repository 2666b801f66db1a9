import Foundation

/// One changed file, placed: where it is and what it is to the site.
enum LiveChange: Hashable {
    /// `site.yml`.
    case config
    /// A guide (`markets/sa.md`), relative to the content folder.
    case guide(String, MarkdownFile.Kind)
    /// A data table file (`data/requirements.csv`).
    case table(String)
    /// A template or UI strings file, relative to the templates folder (`market.mustache`, `i18n/zh.yml`).
    case template(String)
    /// A file in the theme's `assets/`.
    case asset(String)
    /// Another file in the content folder (reported as not part of the format).
    case other(String)

    /// Places an absolute path, or nil for files that do not matter: hidden files, editor backups
    /// (`x.md~`), and paths outside both folders.
    static func place(_ path: String, content: String, templates: String) -> LiveChange? {
        func relative(to root: String) -> String? {
            path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
        }
        if let r = relative(to: templates) {
            guard isVisible(r), !r.hasPrefix("scaffold/") else { return nil }   // scaffolds are for `handbook new`
            return r.hasPrefix("assets/") ? .asset(r) : .template(r)
        }
        guard let r = relative(to: content), isVisible(r) else { return nil }
        if r == "site.yml" { return .config }
        if let kind = ContentLoader.markdownKind(r) { return .guide(r, kind) }
        if ContentLoader.tableName(r) != nil { return .table(r) }
        return .other(r)
    }

    private static func isVisible(_ relative: String) -> Bool {
        !relative.split(separator: "/").contains { $0.hasPrefix(".") } && !relative.hasSuffix("~")
    }

}
