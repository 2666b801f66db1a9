import HandbookMarkdown

/// Stage 3b, link: turns the link destinations of a Markdown body into hrefs relative to the page,
/// checking typed cross-references, `.md` links and anchors.
struct LinkResolver: Sendable {
    let handbook: Handbook
    let log: DiagnosticLog
    let fileLinks: Bool

    /// The resolved links of `body`, rendered on the page at `route` in `language`.
    func resolve(_ body: Guide.Body, from route: Route, language: String) -> [ResolvedLink] {
        body.links.map { link in
            let location = SourceLocation(file: body.file, line: link.position.line + body.lineOffset,
                                          column: link.position.column)
            return resolve(link.destination, from: route, body: body, language: language, at: location)
        }
    }

    /// What the links of `body` point at (`market sa`, `page guides/x`), whether or not the target
    /// exists: a page shows its targets' names, so it changes when they do.
    func targets(of body: Guide.Body) -> Set<RecordKey> {
        var out = Set<RecordKey>()
        for link in body.links {
            let destination = link.destination
            if let ref = CrossReference(destination) {
                out.insert(ref.key)
            } else if isRelative(destination), case .guide(let ref)? = markdownTarget(destination, from: body.relativePath) {
                out.insert(ref.key)
            }
        }
        return out
    }

    /// Where a relative `.md` link leads: a guide, or a file that is not one.
    enum MarkdownTarget {
        case guide(CrossReference)
        case notAGuide
    }

    func resolve(_ destination: String, from route: Route, body: Guide.Body, language: String,
                 at location: SourceLocation) -> ResolvedLink {
        if let ref = CrossReference(destination) {
            return resolve(ref, from: route, language: language, at: location)
        }
        if destination.hasPrefix("#") {
            let anchor = String(destination.dropFirst())
            checkAnchor(anchor, in: body.headings, target: Phrase(en: "this page", zh: "本页"), at: location)
            return ResolvedLink(href: destination)
        }
        if HTMLEscape.isDangerousURL(destination) {
            log.warning(.invalidValue, Phrase(en: "unsafe link '\(destination.prefix(40))' is dropped",
                                              zh: "不安全的链接“\(destination.prefix(40))”已被删除"),
                        at: location, hint: Phrase(en: "link to an https:// address instead", zh: "改为链接到 https:// 网址"))
            return ResolvedLink(href: "")
        }
        if isRelative(destination), let target = markdownTarget(destination, from: body.relativePath) {
            guard case .guide(let ref) = target else {
                log.error(.brokenRelativeLink, Self.notAGuide(destination), at: location, hint: Self.linkToAGuide)
                return ResolvedLink(href: "")
            }
            return resolve(ref, from: route, language: language, at: location, original: destination)
        }
        return ResolvedLink(href: destination)
    }

    /// `link to 'x' does not lead to a guide`, and how to link to one.
    private static func notAGuide(_ destination: String) -> Phrase {
        Phrase(en: "link to '\(destination)' does not lead to a guide", zh: "链接“\(destination)”指向的不是指南")
    }
    private static let linkToAGuide = Phrase(
        en: "link to a file in markets/, products/ or pages/, or use market:<id>, product:<id>, page:<path>",
        zh: "链接到 markets/、products/ 或 pages/ 中的文件，或使用 market:<id>、product:<id>、page:<path>")

    private func isRelative(_ url: String) -> Bool {
        !url.contains(":") && !url.hasPrefix("/") && !url.hasPrefix("#")
    }

    /// `../markets/sa.md#x` seen from `products/p.md` → `market:sa#x`; nil when the link is not to
    /// a `.md` file.
    private func markdownTarget(_ destination: String, from file: String) -> MarkdownTarget? {
        var pathPart = Substring(destination)
        var anchor: String?
        if let hash = pathPart.firstIndex(of: "#") {
            anchor = String(pathPart[pathPart.index(after: hash)...])
            pathPart = pathPart[..<hash]
        }
        guard pathPart.hasSuffix(".md") else { return nil }
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for piece in pathPart.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        var name = String(parts.removeLast().dropLast(3))
        if let dot = name.lastIndex(of: "."), handbook.config.languages.contains(String(name[name.index(after: dot)...])) {
            name = String(name[..<dot])
        }
        let folder = parts.first ?? ""
        let kind: CrossReference.Kind
        var id = name
        switch folder {
        case "markets" where parts.count == 1: kind = .market
        case "products" where parts.count == 1: kind = .product
        case "pages":
            kind = .page
            id = (parts.dropFirst() + [name]).joined(separator: "/")
            if id == "index" { id = "" } else if id.hasSuffix("/index") { id = String(id.dropLast(6)) }
        default:
            return .notAGuide
        }
        return .guide(CrossReference(kind: kind, id: id, anchor: anchor))
    }

    func resolve(_ ref: CrossReference, from route: Route, language l: String, at location: SourceLocation,
                 original: String? = nil) -> ResolvedLink {
        let h = handbook
        let fallbacks = h.config.fallbacks(for: l)
        func fail(_ ids: [String]) -> ResolvedLink {
            if h.unavailable.contains(ref.key) {
                return ResolvedLink(href: "")
            }
            if let original {
                log.error(.brokenRelativeLink, Self.notAGuide(original), at: location, hint: Self.linkToAGuide)
            } else {
                let kind = ref.kind.name
                log.error(.unknownLinkTarget,
                          Phrase(en: "unknown \(kind.en) '\(ref.id)' in link", zh: "链接中的\(kind.zh)“\(ref.id)”不存在")
                              + Suggestions.suggestion(ref.id, in: ids),
                          at: location,
                          hint: ids.isEmpty ? Phrase(en: "there is no \(kind.en) yet", zh: "还没有任何\(kind.zh)")
                              : Phrase(en: "link to one of: ", zh: "可链接到：") + .list(ids, limit: 8))
            }
            return ResolvedLink(href: "")
        }
        func to(_ target: Route, _ label: String, headings: [Heading]? = nil, anchor: String? = ref.anchor) -> ResolvedLink {
            if let anchor, let headings {
                checkAnchor(anchor, in: headings, target: Phrase(en: "\(ref.kind.rawValue):\(ref.id)", zh: "\(ref.kind.rawValue):\(ref.id) 中"), at: location)
            }
            return ResolvedLink(href: route.link(to: target, fileLinks: fileLinks, fragment: anchor), label: label)
        }
        switch ref.kind {
        case .market:
            guard let m = h.market(ref.id) else { return fail(h.markets.map(\.id)) }
            return to(Routes.market(l, m.id), m.name.text(l, fallbacks: fallbacks),
                      headings: m.guide.body(l, defaultLanguage: h.config.defaultLanguage).body?.headings)
        case .product:
            guard let p = h.product(ref.id) else { return fail(h.products.map(\.id)) }
            return to(Routes.product(l, p.id), p.name.text(l, fallbacks: fallbacks),
                      headings: p.guide.body(l, defaultLanguage: h.config.defaultLanguage).body?.headings)
        case .page:
            guard let p = h.page(ref.id) else { return fail(h.pages.map(\.path)) }
            return to(Routes.page(l, p.path), p.title.text(l, fallbacks: fallbacks),
                      headings: p.guide.body(l, defaultLanguage: h.config.defaultLanguage).body?.headings)
        case .scheme:
            guard let s = h.scheme(ref.id) else { return fail(h.schemes.map(\.id)) }
            return to(Routes.scheme(l, s.id), s.name.text(l, fallbacks: fallbacks))
        case .standard:
            guard let s = h.standard(ref.id) else { return fail(h.standards.map(\.id)) }
            return to(Routes.standard(l, s.id), s.code)
        case .region:
            guard let r = h.region(ref.id) else { return fail(h.regions.map(\.id)) }
            return to(Routes.markets(l), r.name.text(l, fallbacks: fallbacks), anchor: "region-" + r.id)
        case .body:
            guard let b = h.body(ref.id) else { return fail(h.bodies.map(\.id)) }
            return to(Routes.body(l, b.id), b.name.text(l, fallbacks: fallbacks))
        case .req:
            guard let r = h.requirement(ref.id) else { return fail(h.requirements.map(\.id)) }
            let label = (h.product(r.product.id)?.name.text(l, fallbacks: fallbacks) ?? r.product.id) + " → "
                + (h.market(r.market.id)?.name.text(l, fallbacks: fallbacks) ?? r.market.id)
            return to(Routes.requirement(l, r.product.id, r.market.id), label)
        }
    }

    /// `target`: where the headings are, in Chinese with its “中” when it needs one ("本页", "market:eu 中").
    private func checkAnchor(_ anchor: String, in headings: [Heading], target: Phrase, at location: SourceLocation) {
        let ids = headings.map(\.id)
        guard !ids.contains(anchor) else { return }
        log.error(.unknownAnchor,
                  Phrase(en: "no heading '#\(anchor)' in \(target.en)", zh: "\(target.zh)没有标题“#\(anchor)”")
                      + Suggestions.suggestion(anchor, in: ids),
                  at: location,
                  hint: ids.isEmpty ? Phrase(en: "the target has no headings", zh: "目标页面没有标题")
                      : Phrase(en: "headings there: \(ids.prefix(8).joined(separator: ", "))", zh: "那里的标题：\(ids.prefix(8).joined(separator: "、"))"))
    }
}
