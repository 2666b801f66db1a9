/// One sentence in each language the tool speaks to editors (English and Chinese): a diagnostic's
/// message or fix, a line of a command's output. Both forms are required, so a message cannot
/// exist in one language only.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
    /// The English form.
    public var en: String
    /// The Chinese form.
    public var zh: String

    /// Creates a phrase from its two forms.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The form in `language`.
    public subscript(_ language: MessageLanguage) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// The English form.
    public var description: String { en }

    /// Nothing, in both languages (what `Suggestions.suggestion` gives when it has no suggestion).
    public static let empty = Phrase(en: "", zh: "")

    /// The same words in both languages: a name, a path or a library's own message.
    public static func verbatim(_ text: String) -> Phrase { Phrase(en: text, zh: text) }

    /// Both forms joined.
    public static func + (a: Phrase, b: Phrase) -> Phrase { Phrase(en: a.en + b.en, zh: a.zh + b.zh) }
}
