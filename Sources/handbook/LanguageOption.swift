import ArgumentParser
import Foundation
import HandbookKit

extension MessageLanguage: ExpressibleByArgument {}

/// `--lang zh|en`: the language of messages, summaries and reports (every command has it).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: "The language of messages: zh or en (default: HANDBOOK_LANG, else zh under a Chinese locale, else en).")
    var lang: MessageLanguage?

    /// The chosen language.
    var language: MessageLanguage {
        MessageLanguage.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
    }

    /// A usage error in the chosen language.
    func invalid(_ phrase: Phrase) -> ValidationError { ValidationError(phrase[language]) }
}
