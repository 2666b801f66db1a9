import ArgumentParser
import HandbookKit

/// `handbook search`: what the site's search page finds for a query, for checking synonyms and ranking.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show what the site's search finds for a query.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The query, as a reader would type it.")
    var query: String

    @Option(help: "The language whose index to search (default: the site's default language).")
    var language: String?

    @Option(help: "How many results to show.")
    var limit = 10

    func run() throws {
        let log = DiagnosticLog()
        guard let results = Pipeline.search(query, language: language, limit: limit, site.buildOptions(output: "Site"),
                                            log: log) else {
            _ = Report.diagnostics(log, strict: false, language: site.language)
            throw ExitCode.contentErrors
        }
        for r in results { print("\(r.route)\t\(r.kind)\t\(r.title)") }
    }
}
