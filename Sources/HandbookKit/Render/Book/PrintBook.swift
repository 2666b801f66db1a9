/// The handbook as one HTML document for print, in one language, made from the content (not from
/// the site's pages): a cover with the edition and the disclaimer, the contents, then the chapters.
/// WeasyPrint turns it into the PDF edition (`BookEngine`); the theme's `book.mustache` and
/// `print/book.css` lay it out (page numbers, running headers, bookmarks, "see p. N").
struct PrintBook {
    let site: SiteRenderer
    let l: String
    /// The edition: the build's day, or `--edition`.
    let edition: Day

    var h: Handbook { site.handbook }
    /// The page-building helpers (names, UI strings, vocabulary labels) for this language.
    var b: PageBuilder { PageBuilder(site: site, l: l, route: Routes.home(l)) }

    /// The free pages printed as chapters of their own, in this order, before the guides.
    static let leadingPages = ["how-to", "cb-scheme"]
    /// The free pages printed after the requirements.
    static let trailingPages = ["glossary"]

    /// The document (UTF-8), with `css` as its style sheet.
    func html(css: String) -> [UInt8] {
        site.templates.render("book", context(css: css))
    }

    /// What `book.mustache` is given.
    func context(css: String) -> [String: Any] {
        let chapters = self.chapters()
        return [
            "lang": l, "css": css, "t": site.templates.uiStrings(l),
            "title": b.text(h.config.title), "description": b.text(h.config.description),
            "edition": edition.description, "site_url": Routes.home(l).absolute(base: h.config.baseURL),
            // The whole disclaimer on the page after the cover (its length would move the cover's layout).
            "disclaimer": h.page("disclaimer").map { p -> [String: Any] in
                ["html": bodyHTML(p.guide, prefix: "page-disclaimer", shift: 1) ?? ""]
            } as Any,
            "disclaimer_title": h.page("disclaimer").map { b.text($0.title) } as Any,
            "toc": chapters.map { chapter -> [String: Any] in
                ["id": chapter["id"] ?? "", "title": chapter["title"] ?? "",
                 "entries": (chapter["sections"] as? [[String: Any]] ?? []).filter { $0["in_toc"] as? Bool == true }
                     .map { ["id": $0["id"] ?? "", "title": $0["title"] ?? ""] }]
            },
            "chapters": chapters,
        ]
    }
}
