import ArgumentParser
import HandbookKit

/// `handbook check`: load and link everything, report problems, write nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content for errors without writing anything.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let log = DiagnosticLog()
        _ = Pipeline.check(site.buildOptions(output: "Site"), log: log)
        if Report.diagnostics(log, strict: site.strict) { throw ExitCode.contentErrors }
        if !site.quiet { print("no problems found") }
    }
}
