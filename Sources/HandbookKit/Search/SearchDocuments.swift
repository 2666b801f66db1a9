import HandbookMarkdown

/// Collects what a reader can search for in one language: markets, products, requirements,
/// standards, schemes and free pages.
struct SearchDocuments {
    let h: Handbook
    let l: String
    let fallbacks: [String]

    init(_ h: Handbook, language l: String) {
        self.h = h
        self.l = l
        fallbacks = h.config.fallbacks(for: l)
    }

    /// The documents of `handbook` in language `l`, in index order.
    static func collect(_ h: Handbook, language l: String) -> [SearchDocument] {
        let c = SearchDocuments(h, language: l)
        // Free pages are the bulk of a large handbook: their text is extracted on all cores.
        return c.tables() + h.pages.parallelMap(c.page)
    }

    /// Every document but the free pages' (they come last in the index).
    func tables() -> [SearchDocument] {
        h.markets.map(market) + h.products.map(product) + h.requirements.map(requirement)
            + h.standards.map(standard) + h.schemes.map(scheme) + h.bodies.map(body)
    }

    func text(_ t: LocalizedText) -> String { t.text(l, fallbacks: fallbacks) }

    /// The text in the other languages, so a reader can type a name in either language.
    func others(_ t: LocalizedText) -> [String] {
        h.config.languages.filter { $0 != l }.map { t.text($0, fallbacks: h.config.fallbacks(for: $0)) }
    }

    func body(_ guide: Guide) -> (headings: [String], text: String) {
        guard let b = guide.body(l, defaultLanguage: h.config.defaultLanguage).body else { return ([], "") }
        return (b.headings.map(\.text), b.document.plainText)
    }

    /// The text a search result shows: the summary, or else the start of the body, on one line
    /// and at most 160 characters (157 and "…" when cut).
    static func excerpt(_ summary: String, _ body: String) -> String {
        let text = summary.isEmpty ? body : summary
        // Text of characters that are one scalar each and never join their neighbours (ASCII,
        // Chinese, their punctuation): cut by scalars, without grapheme breaking (which took a
        // tenth of the search's page text of a 10,000-page handbook).
        var head = String.UnicodeScalarView()
        var simple = true
        for scalar in text.unicodeScalars.prefix(161) {
            guard isSingle(scalar) else { simple = false; break }
            head.append(scalar == "\n" ? " " : scalar)
        }
        if simple {
            return head.count > 160 ? String(String.UnicodeScalarView(head.prefix(157))) + "…" : String(head)
        }
        let source = text.prefix(161)
        var flat = String(source)
        if flat.utf8.contains(10) { flat = String(flat.map { $0 == "\n" ? " " : $0 }) }
        return flat.count > 160 ? String(flat.prefix(157)) + "…" : flat
    }

    /// True for a scalar that is a whole character by itself whatever surrounds it: printable
    /// ASCII, a line feed, CJK ideographs and punctuation, full-width ASCII forms, and general
    /// punctuation other than joiners, line separators and invisible marks.
    static func isSingle(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x20...0x7E, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// A market: its summary names the rules of every product there, so it counts as body text.
    /// The search document of a guide (market, product or free page); nil for other kinds.
    func guide(_ key: RecordKey, in h: Handbook) -> SearchDocument? {
        switch key.kind {
        case .market: h.marketIndex[key.id].map { market(h.markets[$0]) }
        case .product: h.productIndex[key.id].map { product(h.products[$0]) }
        case .page: h.pageIndex[key.id].map { page(h.pages[$0]) }
        default: nil
        }
    }

    func market(_ m: Market) -> SearchDocument {
        guideDocument(.market, Routes.market(l, m.id), name: m.name, names: [m.id, m.iso] + m.blocs,
                      summary: m.summary, guide: m.guide)
    }

    /// A product: its summary opens with what the product covers ("Portable lithium-ion cells,
    /// packs and power banks (HS 8507.60)."), which weighs as a descriptive title; the rest of
    /// the summary as a summary.
    func product(_ p: Product) -> SearchDocument {
        var d = guideDocument(.product, Routes.product(l, p.id), name: p.name, names: [p.id, p.ieceeCategory] + p.hsCodes,
                              summary: p.summary, guide: p.guide)
        d.summary = text(p.summary)
        d.descriptions = [Self.firstSentence(d.summary)]
        return d
    }

    /// The text up to the end of its first sentence ("。", "！", "？", or ".", "!", "?" before a
    /// space), or all of it.
    static func firstSentence(_ text: String) -> String {
        var previous: Character?
        for i in text.indices {
            let c = text[i]
            if "。！？".contains(c) { return String(text[...i]) }
            if c.isWhitespace, let p = previous, ".!?".contains(p) { return String(text[..<i]) }
            previous = c
        }
        return text
    }

    /// A market or product: found by its name in every language and its codes.
    private func guideDocument(_ kind: SearchDocument.Kind, _ route: Route, name: LocalizedText, names: [String],
                               summary: LocalizedText, guide: Guide) -> SearchDocument {
        let (headings, text_) = body(guide)
        let allNames = names + h.config.languages.map { name.text($0, fallbacks: h.config.fallbacks(for: $0)) }
        return SearchDocument(kind: kind, route: route, title: text(name), names: allNames,
                              headings: headings, body: text(summary) + "\n" + text_,
                              excerpt: Self.excerpt(text(summary), text_))
    }

    /// A product in a market: found by both names in every language and the market's codes
    /// (`eu battery`, `沙特 电池`).
    func requirement(_ r: Requirement) -> SearchDocument {
        let product = h.product(r.product.id).map { text($0.name) } ?? r.product.id
        let market = h.market(r.market.id).map { text($0.name) } ?? r.market.id
        let schemes = r.schemes.compactMap { h.scheme($0.id) }.map { text($0.name) + " " + text($0.mark) }
        let codes = r.standards.compactMap { h.standard($0.id)?.code }
        let notes = text(r.notes)
        let names = (h.product(r.product.id).map { others($0.name) } ?? [])
            + (h.market(r.market.id).map { [$0.id, $0.iso] + others($0.name) } ?? [])
        return SearchDocument(kind: .requirement, route: Routes.requirement(l, r.product.id, r.market.id),
                              title: "\(product) → \(market)", names: names,
                              headings: schemes + codes,
                              body: notes + "\n" + r.documents.items(l, fallbacks: fallbacks).joined(separator: "\n"),
                              excerpt: Self.excerpt(notes, ""))
    }

    func standard(_ s: Standard) -> SearchDocument {
        var d = SearchDocument(kind: .standard, route: Routes.standard(l, s.id), title: s.code,
                               names: [s.id], headings: [s.kind, s.ieceeCategory], body: "", excerpt: text(s.title))
        d.descriptions = h.config.languages.map { s.title.text($0, fallbacks: h.config.fallbacks(for: $0)) }
        return d
    }

    func scheme(_ s: Scheme) -> SearchDocument {
        let market = h.market(s.market.id).map { text($0.name) } ?? s.market.id
        return SearchDocument(kind: .scheme, route: Routes.scheme(l, s.id), title: text(s.name),
                              names: [s.id, text(s.mark)] + others(s.name), headings: [text(s.authority), market],
                              body: text(s.notes), excerpt: Self.excerpt(text(s.notes), ""))
    }

    /// A certification body, lab or authority: found by its names in every language, its
    /// categories and accreditation.
    func body(_ b: CertificationBody) -> SearchDocument {
        // China is not a market, so its name comes in both languages here (the UI strings are the
        // theme's, not the index's): "中国" and "China" both find its bodies.
        let country = b.country.id == CertificationBody.china ? "China 中国" : h.market(b.country.id).map { text($0.name) } ?? b.country.id
        return SearchDocument(kind: .body, route: Routes.body(l, b.id), title: text(b.name),
                              names: [b.id] + b.ieceeCategories + others(b.name), headings: [country, text(b.accreditation)],
                              body: text(b.notes), excerpt: Self.excerpt(text(b.notes), ""))
    }

    @Sendable func page(_ p: FreePage) -> SearchDocument {
        let (headings, text_) = body(p.guide)
        let summary = text(p.summary)
        return SearchDocument(kind: .page, route: Routes.page(l, p.path),
                              title: p.isHomeIntro ? text(h.config.title) : text(p.title),
                              names: others(p.isHomeIntro ? h.config.title : p.title),
                              headings: headings, body: summary.isEmpty ? text_ : summary + "\n" + text_,
                              excerpt: Self.excerpt(summary, text_), summary: summary)
    }
}
