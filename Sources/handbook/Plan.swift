import ArgumentParser
import Foundation
import HandbookKit

/// `handbook plan`: the test-once plan for a product and target markets; with the CB report you
/// hold, what is still missing in each of them.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan one test for many markets, or check a CB report you hold against them.",
        discussion: """
            Without --report: the test-once plan (CB reports to order, local tests, open questions, \
            one document checklist, lead times). With --report: what the report is worth in each market, \
            what is still to do and what to ask.
            """)

    @OptionGroup var site: SiteOptions

    @Option(help: "The product id, e.g. pv-module.")
    var product: String

    @Option(help: "Target market ids, comma-separated, e.g. eu,sa,th.")
    var markets: String

    @Option(help: "The CB report you hold: standard and edition, e.g. iec-61730:2023 (or the standard alone).")
    var report: String?

    @Option(help: "Markets whose national differences the report includes, comma-separated.")
    var differences = ""

    @Option(help: "The NCB that issued the CB certificate (a body id), if known.")
    var ncb: String?

    @Option(help: "The language of the answer (default: the site's default language).")
    var language: String?

    @Option(help: "text, json or csv.")
    var format: Pipeline.PlanFormat = .text

    func run() throws {
        let log = DiagnosticLog()
        func list(_ s: String) -> [String] { s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let request = PlanRequest(product: product, markets: list(markets), report: report, differences: list(differences), ncb: ncb)
        do {
            guard let out = try Pipeline.plan(request, language: language, format: format, site.buildOptions(output: "Site"), log: log) else {
                _ = Report.diagnostics(log, strict: false, language: site.language)
                throw ExitCode.contentErrors
            }
            print(out, terminator: "")
        } catch let invalid as PlanRequest.Invalid {
            invalid.phrases.forEach { Report.error($0, site.language) }
            throw ExitCode.validationFailure
        }
    }
}

extension Pipeline.PlanFormat: ExpressibleByArgument {}
