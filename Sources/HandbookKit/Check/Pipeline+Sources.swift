extension Pipeline {
    /// `handbook check --sources`: `check`, then the web addresses the content cites are requested
    /// (or, offline, looked up in the cache) and each place citing one that failed or moved gets a
    /// warning.
    /// - Parameters:
    ///   - sources: how to check the addresses.
    ///   - summary: receives what the source check did (not called when the content does not load).
    /// - Returns: true without errors (source warnings never fail it by themselves: `--strict` decides).
    public static func check(_ options: BuildOptions, log: DiagnosticLog, report: ((String) -> Void)? = nil,
                             sources: SourceCheck.Settings, summary: (SourceCheck.Summary) -> Void) -> Bool {
        var handbook: Handbook?
        let passed = check(options, log: log, report: report, loaded: { handbook = $0 })
        if let handbook { summary(SourceCheck.runAndWait(handbook, settings: sources, log: log)) }
        return passed
    }
}
