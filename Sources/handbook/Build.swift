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

    @Flag(help: "Also make the PDF edition of each language (<output>/<lang>/handbook-<edition>.pdf), with WeasyPrint.")
    var pdf = false

    @Option(help: "The PDF edition's date, YYYY-MM-DD (default: today).")
    var edition: String?

    func validate() throws {
        if let edition {
            guard pdf else {
                throw site.voice.invalid(Phrase(en: "--edition goes with --pdf", zh: "--edition 要与 --pdf 一起使用"))
            }
            guard Day(edition) != nil else {
                throw site.voice.invalid(Phrase(en: "--edition must be a date, YYYY-MM-DD, e.g. --edition 2026-12-04",
                                                zh: "--edition 必须是日期（YYYY-MM-DD），例如 --edition 2026-12-04"))
            }
        }
    }

    func run() throws {
        let start = Date()
        let language = site.language
        let log = DiagnosticLog()
        let summary: BuildSummary?
        var options = site.buildOptions(output: output)
        let timer = StageTimer()
        if timings { options.timer = timer }
        options.writeReport = report
        options.dryRun = printPlan
        options.clean = clean
        options.pdf = pdf
        options.edition = edition.flatMap(Day.init)
        options.keepUntilExit = true
        let showProgress = !site.quiet && isatty(STDERR_FILENO) != 0
        if showProgress {
            options.progress = { done, total in
                let line = Phrase(en: "rendering \(done)/\(total) pages", zh: "正在生成页面 \(done)/\(total)")[language]
                FileHandle.standardError.write(Data("\r\(line)".utf8))
            }
        }
        do {
            summary = try Pipeline.build(options, log: log)
        } catch let failure as BookEngine.Failure {
            _ = Report.diagnostics(log, strict: false, language: language, warningLimit: Report.buildWarningLimit)
            Report.error(failure.phrase, language)
            Report.error(Phrase(en: "build failed; '\(output)' was left as it was", zh: "生成失败；“\(output)”保持原样"), language)
            throw ExitCode(69)   // EX_UNAVAILABLE: a program the build needs is missing or failed
        } catch let failure as OutputDirectory.Failure {
            _ = Report.diagnostics(log, strict: false, language: language, warningLimit: Report.buildWarningLimit)
            Report.error(failure.phrase, language)
            throw failure.isRefusal ? ExitCode.validationFailure : ExitCode.outputFailure
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let failed = Report.diagnostics(log, strict: site.strict, language: language, warningLimit: Report.buildWarningLimit)
        timer.mark("diagnostics")
        guard let summary, !failed else {
            Report.error(Phrase(en: "build failed; '\(output)' was left as it was", zh: "生成失败；“\(output)”保持原样"), language)
            throw ExitCode.contentErrors
        }
        if timings { timer.lines.forEach { print($0) } }
        let changes = Phrase(
            en: "\(summary.new.count) new, \(summary.changed.count) changed, \(summary.deleted.count) deleted, \(summary.unchanged) unchanged",
            zh: "新增 \(summary.new.count)，改动 \(summary.changed.count)，删除 \(summary.deleted.count)，未变 \(summary.unchanged)")
        if printPlan {
            for path in summary.new { print("+ \(path)") }
            for path in summary.changed { print("~ \(path)") }
            for path in summary.deleted { print("- \(path)") }
            print(Phrase(en: "plan for \(output)/: \(changes.en) (nothing was written)",
                         zh: "\(output)/ 的变动计划：\(changes.zh)（未写入任何文件）")[language])
        } else if !site.quiet {
            print(Self.summary(summary, output: output, ms: Int(Date().timeIntervalSince(start) * 1000), changes: changes)[language])
            for book in summary.books {
                print(Phrase(en: "PDF edition: \(output)/\(book.path) (\(book.size))", zh: "PDF 版：\(output)/\(book.path)（\(book.size)）")[language])
            }
        }
    }

    /// The line that says what was built: pages, languages, files, time, how, and file changes.
    static func summary(_ summary: BuildSummary, output: String, ms: Int, changes: Phrase) -> Phrase {
        let how = switch summary.plan {
        case .first, .whole: Phrase.empty
        case .none: Phrase(en: " (nothing changed since the last build)", zh: "（自上次生成以来没有改动）")
        default: Phrase(en: " (\(summary.plan.rawValue) edit: \(summary.pagesRendered) pages rendered again)",
                        zh: "（\(summary.plan.words.zh)改动：重新生成 \(summary.pagesRendered) 个页面）")
        }
        let languages = summary.languages.joined(separator: ", ")
        return Phrase(
            en: "built \(summary.pagesPerLanguage) pages × \(summary.languages.count) languages (\(languages)), \(summary.files) files into \(output)/ in \(ms) ms\(how.en); files: \(changes.en)",
            zh: "已生成 \(summary.pagesPerLanguage) 个页面 × \(summary.languages.count) 种语言（\(languages)），共 \(summary.files) 个文件，写入 \(output)/，用时 \(ms) 毫秒\(how.zh)；文件：\(changes.zh)")
    }
}
