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
    static func diagnostics(_ log: DiagnosticLog, strict: Bool, format: DiagnosticFormat = .text,
                            warningLimit: Int = .max) -> Bool {
        let all = log.all
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        if format == .json {
            print(DiagnosticFormatter.json(all), terminator: "")
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
            text += DiagnosticFormatter.text(d, sourceLine: lines.line(d.location.line, of: d.location.file), color: color) + "\n"
            if text.utf8.count > 1 << 16 {
                FileHandle.standardError.write(Data(text.utf8))
                text = ""
            }
        }
        if !hidden.isEmpty {
            let counts = hidden.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) [\($0.key.rawValue) \($0.key.name)]" }
            text += "… and \(hidden.values.reduce(0, +)) more warnings not shown: \(counts.joined(separator: ", ")); "
                + "`handbook check` lists them all\n"
        }
        if !all.isEmpty {
            text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                + (strict && warnings > 0 ? " (--strict: warnings fail)" : "") + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
        return errors > 0 || (strict && warnings > 0)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}

/// Exit codes: 1 for content errors, 64 (EX_USAGE) for bad options, 74 (EX_IOERR) for output failures.
extension ExitCode {
    static let contentErrors = ExitCode(1)
    static let outputFailure = ExitCode(74)
}
