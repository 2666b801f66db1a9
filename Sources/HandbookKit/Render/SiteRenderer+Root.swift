import HandbookMarkdown

/// The two pages at the site root: the language choice (`/index.html`) and `/404.html`.
extension SiteRenderer {
    /// `/index.html`: a choice of language, default language first.
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
        return layout(b, PageContent(title: b.text(h.config.title), context: [:]), main: main,
                      alternates: { _ in route })
    }

    /// `/404.html`: served for any missing path, so its links use a `<base>` of the site's path.
    func notFound() -> [UInt8] {
        let h = handbook
        let l = h.config.defaultLanguage
        let b = PageBuilder(site: self, l: l, route: Routes.notFound)
        var context: [String: Any] = ["t": templates.uiStrings(l)]
        context["homes"] = h.config.languages.map { other in
            ["lang": other, "label": templates.strings[other]?["language_name"] ?? other,
             "title": templates.strings[other]?["not_found_title"] ?? "", "href": b.href(Routes.home(other))]
        }
        let main = templates.render("not-found", context)
        let html = layout(b, PageContent(title: b.t("not_found_title"), context: [:]), main: main,
                          alternates: { _ in Routes.notFound }, noIndex: true)
        let basePath = Self.path(of: h.config.baseURL)
        return Array(String(decoding: html, as: UTF8.self)
            .replacing("<head>", with: "<head>\n<base href=\"\(HTMLEscape.escape(basePath))\">").utf8)
    }

    /// The path part of an absolute URL (`https://x.org/handbook/` → `/handbook/`).
    static func path(of url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
