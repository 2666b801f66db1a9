import Foundation
import HandbookMarkdown

/// A Markdown body's parsed document, or its text until the document is first asked for (a body
/// read with a kept outline, whose page may never be rendered in this build). Parsing the same text
/// gives the same document, so when it is parsed changes nothing but the time.
final class LazyDocument: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: Document?
    private var text: String?

    init(_ document: Document) {
        parsed = document
    }

    init(text: String) {
        self.text = text
    }

    var document: Document {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        let document = MarkdownParser.parse(text ?? "")
        parsed = document
        text = nil
        return document
    }
}
