import ArgumentParser
import Foundation
import HandbookKit

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The theme folder (templates, UI strings, assets).")
    var templates = "Templates"

    @Option(help: "Absolute base URL of the published site (overrides base_url in site.yml).")
    var baseURL: String?

    @Option(help: "Worker threads (default: number of cores).")
    var jobs: Int?

    @Flag(help: "Link to …/index.html instead of …/ so the output can be browsed from disk.")
    var fileLinks = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print only errors and warnings.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, e.g. https://example.org/handbook/")
        }
    }

    /// Build options for the library; "today" comes from SOURCE_DATE_EPOCH when set (reproducible builds).
    func buildOptions(output: String) -> BuildOptions {
        if let jobs { Concurrency.jobs = jobs }
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
        var options = BuildOptions(content: content, templates: templates, output: output, baseURL: baseURL,
                                   fileLinks: fileLinks, today: Day(daysSinceEpoch: seconds / 86_400))
        options.strict = strict
        return options
    }
}
