import HandbookMarkdown

/// The Markdown body of a guide in each language it was written in.
public struct Guide: Sendable {
    /// One language's body.
    public struct Body: Sendable {
        /// The language code.
        public var language: String
        /// Headings, links and parse problems: known without rendering.
        public var outline: BodyOutline
        /// The file it came from (as shown in diagnostics).
        public var file: String
        /// The file's path inside the content folder, e.g. `markets/sa.md`.
        public var relativePath: String
        /// File lines before the body (front matter), added to Markdown line numbers.
        public var lineOffset: Int
        /// The version of the text (`TranslationStamp.version(of:)`), which translations name.
        public var version: String { outline.version }
        private let parsed: LazyDocument

        /// The parsed Markdown (parsed now if the body was read with a kept outline).
        public var document: Document { parsed.document }
        public var headings: [Heading] { outline.headings }
        public var links: [Link] { outline.links }

        /// A body parsed when read.
        init(language: String, document: Document, file: String, relativePath: String, lineOffset: Int) {
            self.init(language: language, outline: BodyOutline(document), parsed: LazyDocument(document), file: file,
                      relativePath: relativePath, lineOffset: lineOffset)
        }

        /// A body whose outline was kept by a previous build: `text` is parsed when first rendered.
        init(language: String, outline: BodyOutline, text: String, file: String, relativePath: String, lineOffset: Int) {
            self.init(language: language, outline: outline, parsed: LazyDocument(text: text), file: file,
                      relativePath: relativePath, lineOffset: lineOffset)
        }

        private init(language: String, outline: BodyOutline, parsed: LazyDocument, file: String, relativePath: String,
                     lineOffset: Int) {
            self.language = language
            self.outline = outline
            self.parsed = parsed
            self.file = file
            self.relativePath = relativePath
            self.lineOffset = lineOffset
        }
    }

    /// Bodies by language code.
    public var bodies: [String: Body]
    /// What each translation says it translates, by language (translations without `translation_of`
    /// have none).
    public var stamps: [String: TranslationStamp] = [:]

    /// True when the `language` body is a translation made from an older version of the
    /// `original` body than the one there is now.
    public func isStale(_ language: String, original: String) -> Bool {
        guard language != original, bodies[language] != nil, let stamp = stamps[language],
              let source = bodies[original] else { return false }
        return stamp.version != source.version
    }

    /// The body for `language`, or the default language's with `isFallback`.
    public func body(_ language: String, defaultLanguage: String) -> (body: Body?, isFallback: Bool) {
        if let b = bodies[language] { return (b, false) }
        return (bodies[defaultLanguage], bodies[defaultLanguage] != nil)
    }
}
