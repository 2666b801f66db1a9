/// Stage 3c, link: warnings about the state of the content rather than its syntax: reviews older
/// than `review_max_age_days` and guides without a body in some language. They fail only with `--strict`.
struct ContentWarnings {
    let handbook: Handbook
    let today: Day
    let log: DiagnosticLog

    func check() {
        let h = handbook
        let guides: [(String, Guide, Day?, SourceLocation)] =
            h.markets.map { ("market '\($0.id)'", $0.guide, $0.reviewed, $0.reviewedLocation) }
            + h.products.map { ("product '\($0.id)'", $0.guide, $0.reviewed, $0.reviewedLocation) }
            + h.pages.map { ("page '\($0.path.isEmpty ? "index" : $0.path)'", $0.guide, $0.reviewed, $0.reviewedLocation) }
        for (what, guide, reviewed, location) in guides {
            if let reviewed {
                let age = today.daysSinceEpoch - reviewed.daysSinceEpoch
                if age > h.config.reviewMaxAgeDays {
                    log.warning(.staleReview,
                                "\(what) was last reviewed \(age) days ago (more than review_max_age_days: \(h.config.reviewMaxAgeDays))",
                                at: location, hint: "check the facts against the sources, then update 'reviewed'")
                }
            }
            guard let base = guide.bodies[h.config.defaultLanguage] else { continue }
            for language in h.config.languages.dropFirst() where guide.bodies[language] == nil {
                let translation = String(base.relativePath.dropLast(3)) + ".\(language).md"
                log.warning(.missingTranslation,
                            "\(what) has no '\(language)' translation; readers see the \(h.config.defaultLanguage) text",
                            at: SourceLocation(file: base.file), hint: "add \(translation)")
            }
        }
    }
}
