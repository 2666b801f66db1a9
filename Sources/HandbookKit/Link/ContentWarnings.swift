import HandbookMarkdown

/// Stage 3c, link: warnings about the state of the content rather than its syntax: reviews older
/// than `review_max_age_days` or in the future, guides and text fields missing a language, and
/// pages nothing links to. They fail only with `--strict`.
struct ContentWarnings {
    let handbook: Handbook
    let today: Day
    let log: DiagnosticLog

    /// A record named in messages: "market 'sa'" / "市场“sa”".
    static func record(_ kind: CrossReference.Kind, _ id: String) -> Phrase {
        Phrase(en: "\(kind.name.en) '\(id)'", zh: "\(kind.name.zh)“\(id)”")
    }

    func check() {
        let h = handbook
        let guides: [(Phrase, Guide, Day?, SourceLocation)] =
            h.markets.map { (Self.record(.market, $0.id), $0.guide, $0.reviewed, $0.reviewedLocation) }
            + h.products.map { (Self.record(.product, $0.id), $0.guide, $0.reviewed, $0.reviewedLocation) }
            + h.pages.map { (Self.record(.page, $0.path.isEmpty ? "index" : $0.path), $0.guide, $0.reviewed, $0.reviewedLocation) }
        for (what, guide, reviewed, location) in guides {
            // A day of slack: "today" is a UTC date, and an editor in China may already be in tomorrow.
            if let reviewed, reviewed.daysSinceEpoch > today.daysSinceEpoch + 1 {
                log.warning(.futureReview, Phrase(en: "\(what.en) says it was reviewed on \(reviewed), which is in the future",
                                                  zh: "\(what.zh)的核对日期 \(reviewed) 晚于今天"),
                            at: location,
                            hint: Phrase(en: "write the day the facts were checked (YYYY-MM-DD)", zh: "写核对事实的那一天（YYYY-MM-DD）"))
            } else if let reviewed {
                let age = today.daysSinceEpoch - reviewed.daysSinceEpoch
                if age > h.config.reviewMaxAgeDays {
                    let limit = h.config.reviewMaxAgeDays
                    log.warning(.staleReview,
                                Phrase(en: "\(what.en) was last reviewed \(age) days ago (more than review_max_age_days: \(limit))",
                                       zh: "\(what.zh)上次核对是在 \(age) 天前（超过 review_max_age_days: \(limit)）"),
                                at: location,
                                hint: Phrase(en: "check the facts against the sources, then update 'reviewed'",
                                             zh: "对照来源核对事实，然后更新“reviewed”"))
                }
            }
            guard let base = guide.bodies[h.config.defaultLanguage] else { continue }
            for language in h.config.languages.dropFirst() where guide.bodies[language] == nil {
                let translation = String(base.relativePath.dropLast(3)) + ".\(language).md"
                log.warning(.missingTranslation,
                            Phrase(en: "\(what.en) has no '\(language)' translation; readers see the \(h.config.defaultLanguage) text",
                                   zh: "\(what.zh)没有“\(language)”译文，读者看到的是 \(h.config.defaultLanguage) 原文"),
                            at: SourceLocation(file: base.file), hint: Phrase(en: "add \(translation)", zh: "添加 \(translation)"))
            }
        }
    }

    /// Text fields given in some languages but not all (a plain string counts for every language).
    func checkTextFields() {
        let h = handbook
        var fields: [(Phrase, String, LocalizedText, SourceLocation)] = []
        for m in h.markets {
            let what = Self.record(.market, m.id)
            fields += [(what, "name", m.name, m.location), (what, "summary", m.summary, m.location)]
        }
        for p in h.products {
            let what = Self.record(.product, p.id)
            fields += [(what, "name", p.name, p.location), (what, "summary", p.summary, p.location)]
        }
        for p in h.pages { fields += [(Self.record(.page, p.path.isEmpty ? "index" : p.path), "title", p.title, p.location)] }
        for s in h.schemes {
            let what = Self.record(.scheme, s.id)
            fields += [(what, "name", s.name, s.location), (what, "notes", s.notes, s.location)]
        }
        for s in h.standards { fields += [(Self.record(.standard, s.id), "title", s.title, s.location)] }
        for r in h.requirements {
            fields += [("notes", r.notes), ("labelling", r.labelling), ("local_representative_notes", r.localRepresentativeNotes),
                       ("renewal", r.renewal), ("fees", r.fees), ("samples", r.samples)]
                .map { (Self.record(.req, r.id), $0.0, $0.1, r.location) }
        }
        for b in h.bodies {
            fields += [("name", b.name), ("notes", b.notes), ("accreditation", b.accreditation)]
                .map { (Self.record(.body, b.id), $0.0, $0.1, b.location) }
        }
        for c in h.changes {
            fields += [(Phrase(en: "change of \(c.date)", zh: "\(c.date) 的变更记录"), "summary", c.summary, c.location)]
        }
        for e in h.events { fields += [(Phrase(en: "event of \(e.date)", zh: "\(e.date) 的事件"), "title", e.title, e.location)] }
        for (what, field, text, location) in fields {
            if text.values["*"].map({ !$0.isEmpty }) == true { continue }
            let present = h.config.languages.filter { text.values[$0].map { !$0.isEmpty } ?? false }
            guard !present.isEmpty else { continue }
            for language in h.config.languages where !present.contains(language) {
                let form = "\(field): {\(h.config.languages.map { "\($0): …" }.joined(separator: ", "))}"
                log.warning(.missingTranslation,
                            Phrase(en: "\(what.en) has no '\(language)' text for '\(field)'", zh: "\(what.zh)缺少“\(field)”的“\(language)”文本"),
                            at: location, hint: Phrase(en: "write it as \(form)", zh: "写成 \(form)"))
            }
        }
    }

    /// Free pages in folders that no guide links to: readers cannot reach them (top-level pages are
    /// listed on the home page).
    func checkOrphans() {
        let h = handbook
        let nested = h.pages.filter { $0.path.contains("/") }
        guard !nested.isEmpty else { return }
        var linked = Set<String>()
        let guides = h.markets.map(\.guide) + h.products.map(\.guide) + h.pages.map(\.guide)
        let routes = h.markets.map { Routes.market(h.config.defaultLanguage, $0.id) }
            + h.products.map { Routes.product(h.config.defaultLanguage, $0.id) }
            + h.pages.map { Routes.page(h.config.defaultLanguage, $0.path) }
        for (guide, route) in zip(guides, routes) {
            for body in guide.bodies.values {
                for link in body.links {
                    if let ref = CrossReference(link.destination) {
                        if ref.kind == .page { linked.insert(ref.id) }
                    } else if let path = Self.pagePath(link.destination, from: route, language: h.config.defaultLanguage) {
                        linked.insert(path)
                    }
                }
            }
        }
        for page in nested where !linked.contains(page.path) {
            log.warning(.orphanPage, Phrase(en: "page '\(page.path)' is not linked from any other page",
                                            zh: "没有其他页面链接到页面“\(page.path)”"),
                        at: page.location,
                        hint: Phrase(en: "link to it with [](page:\(page.path)), or remove it", zh: "用 [](page:\(page.path)) 链接到它，或删除它"))
        }
    }

    /// The page path a relative link like `../other/` or `x.md` leads to, seen from `route`.
    /// On the bytes: a large handbook has tens of thousands of such links.
    static func pagePath(_ destination: String, from route: Route, language: String) -> String? {
        var destination = destination, from = route.path, language = language
        return destination.withUTF8 { d -> String? in
            guard !d.contains(58), d.first != 47, d.first != 35 else { return nil }   // ':', '/', '#'
            var target = UnsafeBufferPointer(rebasing: d[..<(d.firstIndex { $0 == 35 || $0 == 63 } ?? d.count)])
            if target.ends(with: ".md") { return nil }   // .md links are resolved as cross-references
            if target.ends(with: "index.html") { target = UnsafeBufferPointer(rebasing: target.dropLast(10)) }
            return from.withUTF8 { r -> String? in
                var parts = r.split(separator: 47)
                for piece in target.split(separator: 47) {
                    if piece.elementsEqual([46, 46]) {
                        if !parts.isEmpty { parts.removeLast() }
                    } else if !piece.elementsEqual([46]) {
                        parts.append(piece)
                    }
                }
                guard let first = parts.first, language.withUTF8({ first.elementsEqual($0) }) else { return nil }
                var path: [UInt8] = []
                for (i, part) in parts.dropFirst().enumerated() {
                    if i > 0 { path.append(47) }
                    path.append(contentsOf: part)
                }
                return String(decoding: path, as: UTF8.self)
            }
        }
    }
}

private extension UnsafeBufferPointer<UInt8> {
    /// True when the bytes end with the ASCII `suffix`.
    func ends(with suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return count >= n && (0..<n).allSatisfy { self[count - n + $0] == suffix.utf8Start[$0] }
    }
}
