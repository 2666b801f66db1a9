import ArgumentParser
import Foundation
import HandbookKit

extension Scaffold.Kind: ExpressibleByArgument {}

/// `handbook new`: scaffold a market, product or page in every language.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new market, product or page in every language, from Templates/scaffold/.")

    @OptionGroup var voice: LanguageOption

    @Argument(help: "What to create: market, product or page.")
    var kind: Scaffold.Kind

    @Argument(help: "The id (the file name): lower-case letters, digits and '-'; pages may use folders (guides/x).")
    var id: String

    @Option(help: "The Chinese name (or title, for a page).")
    var nameZh: String?

    @Option(help: "The English name (or title, for a page).")
    var nameEn: String?

    @Option(help: "The region of a market (an id from data/regions).")
    var region: String?

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The theme folder (its scaffold/ holds the starting files).")
    var templates = "Templates"

    func run() throws {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init)
            ?? Int(Date().timeIntervalSince1970)
        do {
            let paths = try Scaffold.create(kind, id: id, nameZH: nameZh, nameEN: nameEn, region: region,
                                            content: content, templates: templates,
                                            today: Day(daysSinceEpoch: seconds / 86_400))
            let language = voice.language
            for path in paths { print(Phrase(en: "created \(path)", zh: "已创建 \(path)")[language]) }
            print(Phrase(en: "next: fill in the front matter and the text, then run `handbook check` and preview with `make serve`",
                         zh: "下一步：填写前置元数据和正文，然后运行 `handbook check`，并用 `make serve` 预览")[language])
        } catch let failure as Scaffold.Failure {
            Report.error(failure.phrase, voice.language)
            throw ExitCode.validationFailure
        }
    }
}
