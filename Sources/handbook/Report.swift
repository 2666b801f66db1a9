import ArgumentParser
import Foundation
import HandbookKit

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints diagnostics and decides the exit status (the CLI's edge: it reads source lines to show).
enum Report {
    /// Prints every diagnostic (text on stderr with source lines, or JSON on stdout) and a count
    /// line; returns true when the run should fail.
    static func diagnostics(_ log: DiagnosticLog, strict: Bool, format: DiagnosticFormat = .text) -> Bool {
        let all = log.all
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
        if format == .json {
            print(DiagnosticFormatter.json(all), terminator: "")
            return errors > 0 || (strict && warnings > 0)
        }
        let color = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var lines = SourceLines()
        for d in all {
            let text = DiagnosticFormatter.text(d, sourceLine: lines.line(d.location.line, of: d.location.file), color: color)
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
        if !all.isEmpty {
            let line = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                + (strict && warnings > 0 ? " (--strict: warnings fail)" : "")
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
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
