/// One input of the site that differs from what the written site was made from.
enum InputChange: Hashable, Sendable {
    /// site.yml, or an option that changes what is written (`--base-url`, the day, the program).
    case config
    /// A file of the theme, relative to its folder (`market.mustache`, `i18n/zh.yml`, `assets/style.css`).
    case theme(String)
    /// A data table.
    case table
    /// A guide that was added or removed (relative to the content folder).
    case guideAddedOrRemoved(String)
    /// A guide whose front matter changed (its body may have too).
    case frontMatter(String)
    /// A guide whose body alone changed.
    case body(String)
    /// A file in the content folder that is not part of the format (it only brings a warning).
    case unknownFile(String)

    /// The page template a theme file is (`market.mustache` → `market`); nil for the layout,
    /// partials, UI strings and assets, which every page uses.
    static func pageTemplate(_ path: String) -> String? {
        guard !path.contains("/"), path.hasSuffix(".mustache") else { return nil }
        let name = String(path.dropLast(".mustache".count))
        return name == "layout" ? nil : name
    }
}
