import ArgumentParser
import Foundation
import HandbookKit

/// `handbook check`: load and link everything, report problems, write nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content for errors without writing anything.")

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print problems: text (for people) or json (for tools).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Also print the editorial report: translation coverage, oldest reviews, product × market coverage.")
    var report = false

    @Flag(help: "Also request every cited web address (sources, outside links) and warn about dead and moved ones.")
    var sources = false

    @Flag(help: "With --sources: never touch the network; report only what the cache knows (results under a day old).")
    var offline = false

    @Option(help: "With --sources: seconds each request may take.")
    var timeout: Double = 10

    @Option(help: "With --sources: the cache of results (kept for a day).")
    var cache = SourceCheckCache.defaultPath

    func validate() throws {
        if !sources, offline || timeout != 10 || cache != SourceCheckCache.defaultPath {
            throw site.voice.invalid(Phrase(en: "--offline, --timeout and --cache go with --sources",
                                            zh: "--offline、--timeout 和 --cache 要与 --sources 一起使用"))
        }
        guard timeout > 0, timeout <= 600 else {
            throw site.voice.invalid(Phrase(en: "--timeout must be between 0 and 600 seconds", zh: "--timeout 必须在 0 到 600 秒之间"))
        }
    }

    func run() throws {
        let log = DiagnosticLog()
        var text: String?
        let options = site.buildOptions(output: "Site")
        var checked: SourceCheck.Summary?
        if sources {
            let settings = SourceCheck.Settings(offline: offline, timeout: timeout, cachePath: cache)
            _ = Pipeline.check(options, log: log, report: report ? { text = $0 } : nil, sources: settings) { checked = $0 }
        } else {
            _ = Pipeline.check(options, log: log, report: report ? { text = $0 } : nil)
        }
        if let text { print(text) }
        if let checked {
            // One line; a tool reading JSON on stdout gets it on stderr.
            let line = checked.text[site.language]
            if !site.quiet, format == .text { print(line) }
            if !site.quiet, format == .json { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            if let problem = checked.cacheProblem { FileHandle.standardError.write(Data((problem[site.language] + "\n").utf8)) }
        }
        if Report.diagnostics(log, strict: site.strict, language: site.language, format: format) { throw ExitCode.contentErrors }
        if !site.quiet, format == .text, log.all.isEmpty { print(Phrase(en: "no problems found", zh: "没有发现问题")[site.language]) }
    }
}
