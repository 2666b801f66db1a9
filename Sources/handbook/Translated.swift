import ArgumentParser
import HandbookKit

/// `handbook translated`: marks translations as following the current text of their originals.
struct Translated: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark translations as up to date with their originals (writes translation_of in their front matter).")

    @OptionGroup var voice: LanguageOption

    @Argument(help: "Translation files, e.g. markets/sa.en.md (relative to the content folder, or a path).")
    var files: [String] = []

    @Flag(help: "Mark every translation in the content folder.")
    var all = false

    @Option(help: "The content folder.")
    var content = "Content"

    func validate() throws {
        if all, !files.isEmpty {
            throw voice.invalid(Phrase(en: "give either translation files or --all, not both",
                                       zh: "译文文件和 --all 只能二选一"))
        }
    }

    func run() throws {
        let language = voice.language
        do {
            let marked = try TranslationMarker.mark(files, all: all, content: content)
            for m in marked {
                let line = m.changed
                    ? Phrase(en: "marked \(m.translation) as translating \(m.original) (translation_of: \(m.version))",
                             zh: "已标记 \(m.translation) 为 \(m.original) 的译文（translation_of: \(m.version)）")
                    : Phrase(en: "\(m.translation) already follows \(m.original) (translation_of: \(m.version))",
                             zh: "\(m.translation) 已是 \(m.original) 现行版本的译文（translation_of: \(m.version)）")
                print(line[language])
            }
        } catch let failure as TranslationMarker.Failure {
            Report.error(failure.phrase, language)
            throw ExitCode.validationFailure
        }
    }
}
