import Foundation
import HandbookMarkdown

/// Guide bodies inside the print book: their headings moved down under the chapter's, their ids
/// made unique in the one document, and their links pointing into the book (where the reader
/// sees the page number) or, for what the book does not print, to the published site.
extension PrintBook {
    /// The body of `guide` in this language as HTML, its ids prefixed with `prefix--` and its
    /// headings `shift` levels lower; nil when the guide has no body.
    func bodyHTML(_ guide: Guide, prefix: String, shift: Int) -> String? {
        let (found, isFallback) = guide.body(l, defaultLanguage: h.config.defaultLanguage)
        guard let body = found else { return nil }
        let links = body.links.map { link(
            $0.destination, in: body, prefix: prefix,
            at: SourceLocation(file: body.file, line: $0.position.line + body.lineOffset, column: $0.position.column)) }
        var html = HTMLRenderer.render(body.document, links: links, options: site.htmlOptions(l))
        html = html.replacing(" id=\"", with: " id=\"\(prefix)--")
        for level in stride(from: 6 - shift, through: 1, by: -1) where shift > 0 {
            html = html.replacing("<h\(level)", with: "<h\(level + shift)").replacing("</h\(level)>", with: "</h\(level + shift)>")
        }
        return isFallback ? "<div lang=\"\(body.language)\">\(html)</div>" : html
    }

    /// Where a body's link leads in the book: `#id` for what the book prints (markets, products,
    /// its free pages, requirements, regions), the published page for the rest.
    func link(_ destination: String, in body: Guide.Body, prefix: String, at location: SourceLocation) -> ResolvedLink {
        // The site's resolution gives the label (a record's name) and checks nothing new: its
        // problems were reported when the site was checked.
        let resolver = LinkResolver(handbook: h, log: DiagnosticLog(), fileLinks: false)
        let home = Routes.home(l)
        let resolved = resolver.resolve(destination, from: home, body: body, language: l, at: location)
        if destination.hasPrefix("#") { return ResolvedLink(href: "#\(prefix)--\(destination.dropFirst())") }
        if let ref = CrossReference(destination), let target = anchor(ref) {
            return ResolvedLink(href: "#" + target, label: resolved.label)
        }
        guard !resolved.href.isEmpty else { return resolved }
        // Everything else: an address of its own, or a page of the published site.
        if resolved.href.contains(":") { return resolved }
        let base = URL(string: home.absolute(base: h.config.baseURL))
        let absolute = URL(string: resolved.href, relativeTo: base)?.absoluteString ?? resolved.href
        return ResolvedLink(href: absolute, label: resolved.label)
    }

    /// The book's id for what `ref` names, when the book prints it.
    func anchor(_ ref: CrossReference) -> String? {
        func within(_ id: String) -> String { ref.anchor.map { "\(id)--\($0)" } ?? id }
        switch ref.kind {
        case .market: return h.market(ref.id) != nil ? within("market-" + ref.id) : nil
        case .product: return h.product(ref.id) != nil ? within("product-" + ref.id) : nil
        case .page:
            guard Self.leadingPages.contains(ref.id) || Self.trailingPages.contains(ref.id) else { return nil }
            return within("page-" + ref.id.replacing("/", with: "-"))
        case .req:
            guard let r = h.requirement(ref.id) else { return nil }
            return "req-\(r.product.id)-\(r.market.id)"
        case .region: return h.region(ref.id) != nil ? "region-" + ref.id : nil
        case .scheme, .standard, .body: return nil
        }
    }
}
