/// Link resolution for the live site: problems by file, and what each guide points at.
extension LiveSite {
    /// Resolves every link of every guide in every language: the problems by file, and what each
    /// guide points at.
    func linkPass(_ h: Handbook) -> ([String: [Diagnostic]], [RecordKey: Set<RecordKey>]) {
        let guides = h.guideKeys.compactMap { key in h.guide(key).map { (key, $0) } }
        let results = guides.parallelMap { key, guide -> (RecordKey, [(String, [Diagnostic])], Set<RecordKey>) in
            let (files, targets) = self.links(of: guide, key: key, in: h)
            return (key, files, targets)
        }
        var diagnostics: [String: [Diagnostic]] = [:]
        var targets: [RecordKey: Set<RecordKey>] = [:]
        for (key, files, found) in results {
            for (file, list) in files { diagnostics[file, default: []] += list }
            targets[key] = found
        }
        return (diagnostics, targets)
    }

    /// The link problems of one guide by file (every language it is shown in), and its targets.
    func links(of guide: Guide, key: RecordKey, in h: Handbook) -> ([(String, [Diagnostic])], Set<RecordKey>) {
        let log = DiagnosticLog()
        let resolver = LinkResolver(handbook: h, log: log, fileLinks: options.fileLinks)
        var targets = Set<RecordKey>()
        for body in guide.bodies.values { targets.formUnion(resolver.targets(of: body)) }
        let route = h.pageKind(of: key)
        for l in h.config.languages {
            if let body = guide.body(l, defaultLanguage: h.config.defaultLanguage).body, let route {
                _ = resolver.resolve(body, from: route.route(l, in: h), language: l)
            }
        }
        let byFile = Dictionary(grouping: log.all, by: \.location.file)
        return (guide.bodies.values.map { ($0.file, byFile[$0.file] ?? []) }, targets)
    }
}
