import ArgumentParser
import HandbookKit

/// `handbook check`: load and link everything, report problems, write nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content for errors without writing anything.")

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print problems: text (for people) or json (for tools).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Also print the editorial report: translation coverage, oldest reviews, product × market coverage.")
    var report = false

    func run() throws {
        let log = DiagnosticLog()
        var text: String?
        _ = Pipeline.check(site.buildOptions(output: "Site"), log: log, report: report ? { text = $0 } : nil)
        if let text { print(text) }
        if Report.diagnostics(log, strict: site.strict, format: format) { throw ExitCode.contentErrors }
        if !site.quiet, format == .text { print("no problems found") }
    }
}
