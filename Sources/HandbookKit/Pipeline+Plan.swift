/// `handbook plan`: the test-once plan for a product and markets, or the gap check of a CB report
/// the exporter holds, for editors and scripts.
extension Pipeline {
    /// How `handbook plan` writes its answer.
    public enum PlanFormat: String, CaseIterable, Sendable {
        case text, json, csv
    }

    /// The plan (or, with a report, the gap check) of `request` in `language` (default: the site's), written as `format`; nil
    /// when the content or the theme does not load (the problems are in `log`).
    /// - Throws: `PlanRequest.Invalid` when the request names something the handbook does not have.
    public static func plan(_ request: PlanRequest, language: String?, format: PlanFormat, _ options: BuildOptions,
                            log: DiagnosticLog) throws -> String? {
        guard let h = ContentLoader(root: options.content).load(log: log), log.errorCount == 0 else { return nil }
        let l = language ?? h.config.defaultLanguage
        guard h.config.languages.contains(l) else {
            let languages = Phrase.list(h.config.languages)
            throw PlanRequest.Invalid(phrases: [Phrase(en: "--language: '\(l)' is not a language of this site; languages: \(languages.en)",
                                                       zh: "--language：“\(l)”不是本站的语言；本站语言：\(languages.zh)")])
        }
        let report = try request.resolve(in: h).get()
        guard let templates = TemplateSet.load(options.templates, languages: h.config.languages, log: log) else { return nil }
        let words = PlanWords(h: h, l: l, strings: templates.strings[l] ?? [:])
        guard let report else {
            let plan = ExportPlan(h, product: request.product, markets: request.markets, language: l)
            switch format {
            case .text: return plan.text(words)
            case .json: return String(decoding: plan.json(words).bytes(pretty: true), as: UTF8.self) + "\n"
            case .csv: return plan.csv(words)
            }
        }
        let check = GapCheck(h, product: request.product, markets: request.markets, report: report)
        switch format {
        case .text: return check.text(words)
        case .json: return String(decoding: check.json(words).bytes(pretty: true), as: UTF8.self) + "\n"
        case .csv: return check.csv(words)
        }
    }
}
