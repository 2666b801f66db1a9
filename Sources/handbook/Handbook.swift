import ArgumentParser
import Foundation
import HandbookKit

/// The `handbook` command: builds the Belt and Road certification handbook from Markdown and tables.
@main
struct Handbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build the Belt and Road Certification Handbook: Markdown guides and certification tables in, a bilingual static site out.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Translated.self, Search.self, Plan.self],
        defaultSubcommand: Build.self)

    /// Parses and runs the command; usage errors are printed in the chosen language (help stays
    /// English, as argument-parser writes it).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let language = MessageLanguage.resolve(flag: UsageError.languageFlag(CommandLine.arguments),
                                                   environment: ProcessInfo.processInfo.environment)
            let message = fullMessage(for: error)
            guard language == .zh, exitCode(for: error) == .validationFailure, !message.isEmpty else { exit(withError: error) }
            FileHandle.standardError.write(Data((UsageError.chinese(message) + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }
}
