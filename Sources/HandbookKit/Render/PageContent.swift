/// What a page-kind builder produces: the page's own context plus what the layout needs.
struct PageContent {
    /// The page title (`<h1>` and `<title>`).
    var title: String
    /// One-line description for meta tags; the site description when empty.
    var description: String = ""
    /// Breadcrumb trail after Home: (title, route); the last is the page itself.
    var breadcrumbs: [(String, Route)] = []
    /// When the facts on the page were last reviewed.
    var reviewed: Day?
    /// True when the body fell back to the default language.
    var isFallback = false
    /// True when the body is a translation made from an older version of the original.
    var isStaleTranslation = false
    /// The content file to offer an edit link for.
    var editPath: String?
    /// The page's own Atom feed (markets, products, schemes), advertised in the head and shown as a link.
    var feed: Route?
    /// True for pages that state facts (markets, products, requirements, schemes, standards,
    /// bodies): they get the "report a correction" link when `site.yml` has `feedback_url`.
    var statesFacts = false
    /// Values for the page-kind template.
    var context: [String: Any]
}
