import HandbookMarkdown

/// The two pages at the site root: the language choice (`/index.html`) and `/404.html`.
extension SiteRenderer {
    /// `/index.html`: a choice of language, default language first. The script goes on to the
    /// reader's remembered or preferred language.
    func languageChoice() -> [UInt8] {
        let h = handbook
        let l = h.config.defaultLanguage
        let route = Routes.languageChoice
        let b = PageBuilder(site: self, l: l, route: route)
        let choices = h.config.languages.map { other -> [String: Any] in
            let fallbacks = h.config.fallbacks(for: other)
            return ["lang": other, "label": templates.strings[other]?["language_name"] ?? other,
                    "title": h.config.title.text(other, fallbacks: fallbacks),
                    "description": h.config.description.text(other, fallbacks: fallbacks),
                    "href": b.href(Routes.home(other))]
        }
        var context: [String: Any] = ["languages": choices, "t": templates.uiStrings(l)]
        context["title"] = b.text(h.config.title)
        let main = templates.render("languages", context)
        // The header's language switch leads to each language's home page.
        return layout(b, PageContent(title: b.text(h.config.title), context: [:]), main: main,
                      alternates: { Routes.home($0) })
    }

    /// `/404.html`: served for any missing path, at any depth, so its links use a `<base>` of the
    /// site's path and its stylesheet is inlined (`css`): it is styled even where the configured
    /// path is not the one it is served under. It says "not found" in every language.
    func notFound(css: [UInt8]?) -> [UInt8] {
        let h = handbook
        let l = h.config.defaultLanguage
        let b = PageBuilder(site: self, l: l, route: Routes.notFound)
        var context: [String: Any] = ["t": templates.uiStrings(l)]
        context["homes"] = h.config.languages.map { other in
            ["lang": other, "label": templates.strings[other]?["language_name"] ?? other,
             "title": templates.strings[other]?["not_found_title"] ?? "",
             "text": templates.strings[other]?["not_found_text"] ?? "",
             "home": templates.strings[other]?["not_found_home"] ?? "", "href": b.href(Routes.home(other))]
        }
        let main = templates.render("not-found", context)
        var html = String(decoding: layout(b, PageContent(title: b.t("not_found_title"), context: [:]), main: main,
                                           alternates: { _ in Routes.notFound }, noIndex: true), as: UTF8.self)
        html = html.replacing("<head>", with: "<head>\n<base href=\"\(HTMLEscape.escape(Self.path(of: h.config.baseURL)))\">")
        if let css, let link = assets["style.css"].map({ "<link rel=\"stylesheet\" href=\"\(b.href($0))\">" }) {
            // `</style` cannot occur in the theme's own CSS; it is escaped anyway so the page stays whole.
            let text = String(decoding: css, as: UTF8.self).replacing("</style", with: "<\\/style")
            html = html.replacing(link, with: "<style>\n\(text)</style>")
        }
        return Array(html.utf8)
    }

    /// The path part of an absolute URL (`https://x.org/handbook/` → `/handbook/`).
    static func path(of url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
