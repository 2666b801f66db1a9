import Foundation
import Testing
@testable import HandbookKit

@Suite("Messages in two languages")
struct MessageLanguageTests {
    @Test(arguments: [
        (nil, [:], MessageLanguage.en),
        (nil, ["LANG": "zh_CN.UTF-8"], .zh),
        (nil, ["LANG": "en_US.UTF-8"], .en),
        (nil, ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"], .en),            // LC_ALL comes first
        (nil, ["LANG": "C", "LC_MESSAGES": "zh_TW.UTF-8"], .zh),
        (nil, ["LANG": "en_US.UTF-8", "HANDBOOK_LANG": "zh"], .zh),     // HANDBOOK_LANG beats the locale
        (nil, ["LANG": "zh_CN.UTF-8", "HANDBOOK_LANG": "fr"], .zh),     // an unknown value is ignored
        (.en, ["HANDBOOK_LANG": "zh", "LANG": "zh_CN.UTF-8"], .en),     // --lang beats everything
    ] as [(MessageLanguage?, [String: String], MessageLanguage)])
    func languageComesFromFlagThenVariableThenLocale(flag: MessageLanguage?, environment: [String: String],
                                                     expected: MessageLanguage) {
        #expect(MessageLanguage.resolve(flag: flag, environment: environment) == expected)
    }

    /// A Chinese message about a link in a Chinese line: full-width colon after the word, the caret
    /// under the link after four wide characters and a space (9 display columns), the fix in Chinese.
    @Test func chineseDiagnosticWithTheCaretUnderAWideCharacterLine() {
        let d = Diagnostic(.error, .unknownLinkTarget,
                           Phrase(en: "unknown market 'sx' in link (did you mean 'sa'?)", zh: "链接中的市场“sx”不存在（是不是“sa”？）"),
                           at: SourceLocation(file: "Content/products/pv.md", line: 12, column: 6),
                           hint: Phrase(en: "link to one of: eu, sa", zh: "可链接的市场：eu、sa"))
        #expect(DiagnosticFormatter.text(d, sourceLine: "适用市场：[](market:sx)", color: false, language: .zh) == """
            Content/products/pv.md:12:6: 错误：链接中的市场“sx”不存在（是不是“sa”？） [HB0203 unknown-link-target]
                适用市场：[](market:sx)
                          ^
                修改：可链接的市场：eu、sa
            """)
        #expect(DiagnosticFormatter.text(d, sourceLine: nil, color: false, language: .en) == """
            Content/products/pv.md:12:6: error: unknown market 'sx' in link (did you mean 'sa'?) [HB0203 unknown-link-target]
                fix: link to one of: eu, sa
            """)
    }

    @Test func jsonKeepsKeysAndCodesAndCarriesTheChosenLanguage() throws {
        let d = Diagnostic(.warning, .termVariant, Phrase(en: "english", zh: "中文"), at: SourceLocation(file: "a.md", line: 1, column: 2),
                           hint: Phrase(en: "fix", zh: "修改"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticFormatter.json([d], language: .zh).utf8)) as? [String: Any])
        let item = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(item["message"] as? String == "中文")
        #expect(item["hint"] as? String == "修改")
        #expect(item["severity"] as? String == "warning")
        #expect(item["code"] as? String == "HB0408")
        #expect(item["name"] as? String == "term-variant")
    }

    @Test func suggestionsReadNaturallyInBothLanguages() {
        #expect(Suggestions.suggestion("sx", in: ["sa", "eu"]) == Phrase(en: " (did you mean 'sa'?)", zh: "（是不是“sa”？）"))
        #expect(Suggestions.suggestion("xyz", in: ["sa"]) == .empty)
    }
}
