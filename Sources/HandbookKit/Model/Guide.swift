import HandbookMarkdown

/// The Markdown body of a guide in each language it was written in.
public struct Guide: Sendable {
    /// One language's body.
    public struct Body: Sendable {
        /// The language code.
        public var language: String
        /// The parsed Markdown.
        public var document: Document
        /// The file it came from (as shown in diagnostics).
        public var file: String
        /// The file's path inside the content folder, e.g. `markets/sa.md`.
        public var relativePath: String
        /// File lines before the body (front matter), added to Markdown line numbers.
        public var lineOffset: Int
    }

    /// Bodies by language code.
    public var bodies: [String: Body]

    /// The body for `language`, or the default language's with `isFallback`.
    public func body(_ language: String, defaultLanguage: String) -> (body: Body?, isFallback: Bool) {
        if let b = bodies[language] { return (b, false) }
        return (bodies[defaultLanguage], bodies[defaultLanguage] != nil)
    }
}
