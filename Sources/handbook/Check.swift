import ArgumentParser
import HandbookKit

/// `handbook check`: load and link everything, report problems, write nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content for errors without writing anything.")

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print problems: text (for people) or json (for tools).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let log = DiagnosticLog()
        _ = Pipeline.check(site.buildOptions(output: "Site"), log: log)
        if Report.diagnostics(log, strict: site.strict, format: format) { throw ExitCode.contentErrors }
        if !site.quiet, format == .text { print("no problems found") }
    }
}
