import HandbookMarkdown

/// Builds the template context for one page in one language. Holds the shared, read-only inputs.
struct PageBuilder {
    let site: SiteRenderer
    /// The page's language.
    let l: String
    /// The page's route (all links are made relative to it).
    let route: Route

    var h: Handbook { site.handbook }
    var fallbacks: [String] { h.config.fallbacks(for: l) }

    /// A UI string in the page's language.
    func t(_ key: String) -> String { site.templates.strings[l]?[key] ?? key }

    /// Localized text in the page's language (falling back to another language).
    func text(_ value: LocalizedText) -> String { value.text(l, fallbacks: fallbacks) }

    /// A relative link from this page.
    func href(_ target: Route, fragment: String? = nil) -> String {
        route.link(to: target, fileLinks: site.fileLinks, fragment: fragment)
    }

    /// `{name, href}` for a market, product, scheme or standard id (plain name when unknown).
    func marketLink(_ id: String) -> [String: Any] {
        guard let m = h.market(id) else { return ["name": id] }
        return ["name": text(m.name), "href": href(Routes.market(l, id)), "iso": m.iso]
    }

    func productLink(_ id: String) -> [String: Any] {
        guard let p = h.product(id) else { return ["name": id] }
        return ["name": text(p.name), "href": href(Routes.product(l, id))]
    }

    func schemeLink(_ id: String) -> [String: Any] {
        guard let s = h.scheme(id) else { return ["name": id] }
        return ["name": text(s.name), "href": href(Routes.scheme(l, id)), "mark": text(s.mark)]
    }

    func standardLink(_ id: String) -> [String: Any] {
        guard let s = h.standard(id) else { return ["code": id, "name": id] }
        return ["code": s.code, "name": s.code, "title": text(s.title), "href": href(Routes.standard(l, id))]
    }

    func requirementLink(_ id: String) -> [String: Any] {
        guard let r = h.requirement(id) else { return ["name": id] }
        let product = h.product(r.product.id).map { text($0.name) } ?? r.product.id
        let market = h.market(r.market.id).map { text($0.name) } ?? r.market.id
        return ["name": "\(product) → \(market)", "product": product, "market": market,
                "href": href(Routes.requirement(l, r.product.id, r.market.id))]
    }

    /// The path inside the content folder of the file at `location` (for edit links).
    func contentPath(_ location: SourceLocation) -> String? {
        let prefix = h.contentRoot.hasSuffix("/") ? h.contentRoot : h.contentRoot + "/"
        return location.file.hasPrefix(prefix) ? String(location.file.dropFirst(prefix.count)) : nil
    }

    func bodyLink(_ id: String) -> [String: Any] {
        guard let b = h.body(id) else { return ["name": id] }
        return ["name": text(b.name), "href": href(Routes.body(l, id))]
    }

    /// Sources as `{title, url, confidence, accessed, kind}`: official sources first, then
    /// standards, certification bodies, labs and news, each kind in the order cited.
    func sources(_ list: [SourceRef]) -> [[String: Any]] {
        list.enumerated().sorted { a, b in
            (a.element.kind?.rank ?? SourceKind.allCases.count, a.offset) < (b.element.kind?.rank ?? SourceKind.allCases.count, b.offset)
        }.map { source($0.element) }
    }

    func source(_ s: SourceRef) -> [String: Any] {
        ["title": s.title, "url": s.url, "confidence": confidence(s.confidence) as Any,
         "accessed": s.accessed?.description as Any, "kind": s.kind.map { word("source_kind", $0) } as Any]
    }

    /// `{level, label}` for a confidence mark, or nil.
    func confidence(_ c: Confidence?) -> [String: Any]? {
        c.map { ["level": $0.rawValue, "label": t("confidence_\($0.rawValue)")] }
    }

    /// `{value, label}` for a vocabulary word, labelled from the UI strings (`prefix_value`).
    func word<V: Vocabulary>(_ prefix: String, _ v: V) -> [String: Any] {
        let key = v.rawValue.replacing("-", with: "_")
        return ["value": v.rawValue, "label": t("\(prefix)_\(key)")]
    }

    /// A guide body rendered for this page: HTML (UTF-8), table of contents, whether it fell back (then
    /// `language` is the body's own language, for a `lang` attribute), its content file, and whether
    /// it is a translation of an older version of the original.
    func body(_ guide: Guide) -> (html: [UInt8], toc: [[String: Any]], isFallback: Bool, file: String?, language: String?,
                                  isStale: Bool) {
        let (body, isFallback) = guide.body(l, defaultLanguage: h.config.defaultLanguage)
        guard let body else { return ([], [], false, nil, nil, false) }
        let links = site.resolver.resolve(body, from: route, language: l)
        let html = HTMLRenderer.renderBytes(body.document, links: links, options: site.htmlOptions(l))
        let headings = body.headings.filter { $0.level == 2 || $0.level == 3 }
        return (html, headings.count >= 4 ? Self.toc(headings) : [], isFallback, body.relativePath,
                isFallback ? body.language : nil, guide.isStale(l, original: h.config.defaultLanguage))
    }

    /// The contents list: level-2 headings, each with the level-3 headings under it as `children`
    /// (a level-3 heading before any level-2 heading stands on its own), so the list numbers only
    /// the sections.
    static func toc(_ headings: [Heading]) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        for heading in headings {
            let entry: [String: Any] = ["text": heading.text, "href": "#" + heading.id]
            if heading.level == 3, var last = entries.popLast() {
                last["children"] = (last["children"] as? [[String: Any]] ?? []) + [entry]
                entries.append(last)
            } else {
                entries.append(entry)
            }
        }
        return entries
    }
}

