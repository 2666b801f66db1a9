import ArgumentParser
import Foundation
import HandbookKit

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @OptionGroup var voice: LanguageOption

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
        if let jobs, jobs < 1 {
            throw voice.invalid(Phrase(en: "--jobs must be at least 1", zh: "--jobs 至少为 1"))
        }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw voice.invalid(Phrase(en: "--base-url must be an absolute http(s) URL, e.g. https://example.org/handbook/",
                                       zh: "--base-url 必须是以 http(s) 开头的完整网址，例如 https://example.org/handbook/"))
        }
    }

    /// The language of messages.
    var language: MessageLanguage { voice.language }

    /// Build options for the library; "today" comes from SOURCE_DATE_EPOCH when set (reproducible builds).
    func buildOptions(output: String) -> BuildOptions {
        if let jobs { Concurrency.jobs = jobs }
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
        var options = BuildOptions(content: content, templates: templates, output: output, baseURL: baseURL,
                                   fileLinks: fileLinks, today: Day(daysSinceEpoch: seconds / 86_400))
        options.strict = strict
        options.messages = language
        return options
    }
}
