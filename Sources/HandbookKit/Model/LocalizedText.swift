/// Text in one or more languages. A plain string in the content applies to every language.
public struct LocalizedText: Sendable, Hashable {
    /// Language code → text; the key `*` holds a plain string that applies to all languages.
    public var values: [String: String]

    /// Creates a localized text.
    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// True when no language has text.
    public var isEmpty: Bool { values.values.allSatisfy(\.isEmpty) }

    /// The text in `language`, else the plain text, else the first of `fallbacks` that has text.
    public func text(_ language: String, fallbacks: [String] = []) -> String {
        resolve(language, fallbacks: fallbacks).text
    }

    /// The text in `language` and whether it came from another language.
    public func resolve(_ language: String, fallbacks: [String]) -> (text: String, isFallback: Bool) {
        if let t = values[language], !t.isEmpty { return (t, false) }
        if let t = values["*"], !t.isEmpty { return (t, false) }
        for f in fallbacks { if let t = values[f], !t.isEmpty { return (t, true) } }
        return ("", false)
    }

    /// This text with `other`'s languages laid over it.
    func merged(with other: LocalizedText) -> LocalizedText {
        LocalizedText(values.merging(other.values) { _, new in new })
    }
}

/// A list of texts per language (e.g. the documents a requirement asks for).
public struct LocalizedList: Sendable, Hashable {
    /// Language code → items; `*` for lists that apply to all languages.
    public var values: [String: [String]]

    /// Creates a localized list.
    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// The items in `language`, else the plain list, else the first fallback with items.
    public func items(_ language: String, fallbacks: [String]) -> [String] {
        if let v = values[language], !v.isEmpty { return v }
        if let v = values["*"], !v.isEmpty { return v }
        for f in fallbacks { if let v = values[f], !v.isEmpty { return v } }
        return []
    }
}
