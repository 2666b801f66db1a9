import ArgumentParser
import Foundation
import HandbookKit

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints diagnostics and decides the exit status (the CLI's edge: it reads source lines to show).
enum Report {
    /// How many warnings `build` shows in full; the rest are counted by code (`check` lists all).
    static let buildWarningLimit = 100

    /// Prints the diagnostics (text on stderr with source lines, or JSON on stdout) and a count
    /// line; returns true when the run should fail. Every error is printed; past `warningLimit`
    /// warnings, the others are summed up by code.
    static func diagnostics(_ log: DiagnosticLog, strict: Bool, language: MessageLanguage, format: DiagnosticFormat = .text,
                            warningLimit: Int = .max) -> Bool {
        let all = log.all
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        if format == .json {
            print(DiagnosticFormatter.json(all, language: language), terminator: "")
            return errors > 0 || (strict && warnings > 0)
        }
        let color = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var lines = SourceLines()
        var text = ""   // written in large pieces: thousands of warnings, one system call each, took 0.1 s
        var shownWarnings = 0
        var hidden: [DiagnosticCode: Int] = [:]
        for d in all {
            if d.severity == .warning {
                guard shownWarnings < warningLimit else {
                    hidden[d.code, default: 0] += 1
                    continue
                }
                shownWarnings += 1
            }
            text += DiagnosticFormatter.text(d, sourceLine: lines.line(d.location.line, of: d.location.file), color: color,
                                             language: language) + "\n"
            if text.utf8.count > 1 << 16 {
                FileHandle.standardError.write(Data(text.utf8))
                text = ""
            }
        }
        if !hidden.isEmpty {
            let counts = hidden.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) [\($0.key.rawValue) \($0.key.name)]" }
            let more = hidden.values.reduce(0, +)
            text += Phrase(en: "… and \(more) more warnings not shown: \(counts.joined(separator: ", ")); `handbook check` lists them all",
                           zh: "……另有 \(more) 条警告未显示：\(counts.joined(separator: "，"))；`handbook check` 会全部列出")[language] + "\n"
        }
        if !all.isEmpty {
            text += count(errors: errors, warnings: warnings, strict: strict)[language] + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
        return errors > 0 || (strict && warnings > 0)
    }

    /// "1 error, 2 warnings" / "1 个错误，2 个警告".
    static func count(errors: Int, warnings: Int, strict: Bool) -> Phrase {
        let failing = strict && warnings > 0
        return Phrase(
            en: "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                + (failing ? " (--strict: warnings fail)" : ""),
            zh: "\(errors) 个错误，\(warnings) 个警告" + (failing ? "（--strict：有警告即失败）" : ""))
    }

    /// Prints `error: …` / `错误：…` on stderr.
    static func error(_ message: Phrase, _ language: MessageLanguage) {
        let line = language == .zh ? "错误：" + message.zh : "error: " + message.en
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Exit codes: 1 for content errors, 64 (EX_USAGE) for bad options, 74 (EX_IOERR) for output failures.
extension ExitCode {
    static let contentErrors = ExitCode(1)
    static let outputFailure = ExitCode(74)
}
