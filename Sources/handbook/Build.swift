import ArgumentParser
import Foundation
import HandbookKit

/// `handbook build`: the whole site into the output folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder (changed only when the build succeeds).")
    var output = "Site"

    @Flag(help: "Print the time each stage took.")
    var timings = false

    @Flag(help: "Also write the editorial report to <output>/report/index.txt (not linked from the site).")
    var report = false

    @Flag(help: "Make every file again in a fresh folder swapped in whole, instead of rewriting only what changed since the last build.")
    var clean = false

    @Flag(help: "Build, then list what would be new, changed and deleted in the output, without changing it.")
    var printPlan = false

    func run() throws {
        let start = Date()
        let log = DiagnosticLog()
        let summary: BuildSummary?
        var options = site.buildOptions(output: output)
        let timer = StageTimer()
        if timings { options.timer = timer }
        options.writeReport = report
        options.dryRun = printPlan
        options.clean = clean
        options.keepUntilExit = true
        let showProgress = !site.quiet && isatty(STDERR_FILENO) != 0
        if showProgress {
            options.progress = { done, total in
                FileHandle.standardError.write(Data("\rrendering \(done)/\(total) pages".utf8))
            }
        }
        do {
            summary = try Pipeline.build(options, log: log)
        } catch let failure as OutputDirectory.Failure {
            _ = Report.diagnostics(log, strict: false, warningLimit: Report.buildWarningLimit)
            Report.error(failure.description)
            throw failure.isRefusal ? ExitCode.validationFailure : ExitCode.outputFailure
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let failed = Report.diagnostics(log, strict: site.strict, warningLimit: Report.buildWarningLimit)
        timer.mark("diagnostics")
        guard let summary, !failed else {
            Report.error("build failed; '\(output)' was left as it was")
            throw ExitCode.contentErrors
        }
        if timings { timer.lines.forEach { print($0) } }
        let changes = "\(summary.new.count) new, \(summary.changed.count) changed, \(summary.deleted.count) deleted, \(summary.unchanged) unchanged"
        if printPlan {
            for path in summary.new { print("+ \(path)") }
            for path in summary.changed { print("~ \(path)") }
            for path in summary.deleted { print("- \(path)") }
            print("plan for \(output)/: \(changes) (nothing was written)")
        } else if !site.quiet {
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            let how = switch summary.plan {
            case .first, .whole: ""
            case .none: " (nothing changed since the last build)"
            default: " (\(summary.plan.rawValue) edit: \(summary.pagesRendered) pages rendered again)"
            }
            print("built \(summary.pagesPerLanguage) pages × \(summary.languages.count) languages (\(summary.languages.joined(separator: ", "))), \(summary.files) files into \(output)/ in \(ms) ms\(how); files: \(changes)")
        }
    }
}
