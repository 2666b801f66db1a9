import ArgumentParser
import Foundation
import HandbookKit

/// Prints diagnostics to stderr and decides the exit status.
enum Report {
    /// Prints every diagnostic and a count line; returns true when the run should fail.
    static func diagnostics(_ log: DiagnosticLog, strict: Bool) -> Bool {
        let all = log.all
        for d in all { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.count - errors
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
