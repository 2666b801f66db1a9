/// The live site's problems: gathered from every stage, refreshed per file after a body edit.
extension LiveSite {
    /// True when the problems fail the build: any error, or any warning with `strict`.
    func hasFailed() -> Bool {
        diagnostics = collectDiagnostics()
        return isFailing
    }

    /// True when `diagnostics` fail the build.
    var isFailing: Bool { diagnostics.contains { $0.severity == .error || options.strict } }

    /// Brings `diagnostics` up to date after only the guide files at `paths` were read again
    /// (their own and their links' problems), without collecting everything again.
    func refreshDiagnostics(of paths: [String]) {
        let changed = Set(paths.map(files.display))
        let log = DiagnosticLog()
        for d in configDiagnostics + scanDiagnostics + baseDiagnostics + templateDiagnostics where changed.contains(d.location.file) {
            log.add(d)
        }
        for path in paths { loaded[path]?.diagnostics.forEach(log.add) }
        for file in changed { linkDiagnostics[file]?.forEach(log.add) }
        // Still sorted but for the new ones: the sort (a merge sort) has little to do.
        diagnostics = (diagnostics.filter { !changed.contains($0.location.file) } + log.all).sorted {
            ($0.location, $0.code.rawValue, $0.message) < ($1.location, $1.code.rawValue, $1.message)
        }
    }

    func collectDiagnostics() -> [Diagnostic] {
        let log = DiagnosticLog()
        (configDiagnostics + scanDiagnostics + baseDiagnostics + templateDiagnostics).forEach(log.add)
        for entry in loaded.values { entry.diagnostics.forEach(log.add) }
        for list in linkDiagnostics.values { list.forEach(log.add) }
        return log.all
    }
}
