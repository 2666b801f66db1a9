import Foundation
import HandbookMarkdown

/// The outline of every guide body as a build last read it (`.handbook-outlines` in the output
/// folder), with a hash of the body's text: the next build takes the outline of a body whose text
/// is the same instead of parsing it, and parses it only if a page that shows it is rendered.
/// The outlines are those of one program with one set of options (the key in their header).
struct OutlineStore: Sendable {
    static let file = ".handbook-outlines"
    static let header = Array("handbook-outlines 3\n".utf8)

    /// A body's hash and outline.
    struct Entry: Sendable, Equatable {
        var hash: UInt64
        var outline: BodyOutline
    }

    /// Guide file (relative to the content folder) → its body's entry.
    var entries: [String: Entry]

    /// The outlines of every body of `h`, with the body hashes of `prints`.
    init(_ h: Handbook, prints: InputPrints) {
        entries = [:]
        for key in h.guideKeys {
            for body in h.guide(key)?.bodies.values ?? [:].values {
                if let hash = prints.guides[body.relativePath]?.body { entries[body.relativePath] = Entry(hash: hash, outline: body.outline) }
            }
        }
    }

    private init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// The outline kept for the body of `path` when its text hashes to `hash`.
    func outline(_ path: String, hash: UInt64) -> BodyOutline? {
        entries[path].flatMap { $0.hash == hash ? $0.outline : nil }
    }

    /// The outlines kept in the output folder at `root` by a build with the options `key`; nil when
    /// there are none to trust (missing, another format or program, a build stopped while writing).
    static func read(_ root: String, key: String) -> OutlineStore? {
        guard !FileManager.default.fileExists(atPath: root + "/" + BuildState.writing),
              case .success(let bytes) = FileIO.read(root + "/" + file, limit: Int.max) else { return nil }
        return decode(bytes, key: key)
    }

    /// The outlines as bytes, for a build with the options `key`.
    func encoded(key: String) -> [UInt8] {
        var out = ByteWriter(header: Self.header)
        out.text(key)
        out.number(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            out.text(path)
            out.text(StableHash.hex(entry.hash))
            let o = entry.outline
            out.text(o.version)
            out.number(o.headings.count)
            for h in o.headings {
                out.number(h.level)
                out.text(h.text)
                out.text(h.id)
                Self.position(h.position, &out)
            }
            out.number(o.links.count)
            for l in o.links {
                out.text(l.destination)
                Self.position(l.position, &out)
                out.number(l.isEmpty ? 1 : 0)
            }
            out.number(o.issues.count)
            for i in o.issues {
                out.number(i.severity == .error ? 1 : 0)
                out.text(i.code)
                out.text(i.message)
                out.text(i.messageZH)
                out.text(i.hint.map { "+" + $0 } ?? "-")
                out.text(i.hintZH.map { "+" + $0 } ?? "-")
                Self.position(i.position, &out)
            }
        }
        return out.bytes
    }

    private static func position(_ p: TextPosition, _ out: inout ByteWriter) {
        out.number(p.line)
        out.number(p.column)
    }

    /// The outlines in `bytes` when they were kept with the options `key`.
    static func decode(_ bytes: [UInt8], key: String) -> OutlineStore? {
        bytes.withUnsafeBufferPointer { buffer -> OutlineStore? in
            guard var input = ByteReader(buffer, header: header), input.text() == key, let count = input.number() else { return nil }
            func position() -> TextPosition? {
                guard let line = input.number(), let column = input.number() else { return nil }
                return TextPosition(line: line, column: column)
            }
            var entries: [String: Entry] = [:]
            for _ in 0..<max(0, count) {
                guard let path = input.text(), let hex = input.text(), let hash = UInt64(hex, radix: 16),
                      let version = input.text(), let headingCount = input.number() else { return nil }
                var outline = BodyOutline(headings: [], links: [], issues: [])
                outline.version = version
                for _ in 0..<max(0, headingCount) {
                    guard let level = input.number(), let text = input.text(), let id = input.text(), let p = position() else { return nil }
                    outline.headings.append(Heading(level: level, text: text, id: id, position: p))
                }
                guard let linkCount = input.number() else { return nil }
                for _ in 0..<max(0, linkCount) {
                    guard let destination = input.text(), let p = position(), let empty = input.number(below: 2) else { return nil }
                    outline.links.append(Link(destination: destination, position: p, isEmpty: empty == 1))
                }
                guard let issueCount = input.number() else { return nil }
                for _ in 0..<max(0, issueCount) {
                    guard let error = input.number(below: 2), let code = input.text(), let message = input.text(),
                          let messageZH = input.text(), let hint = input.text(), let hintZH = input.text(),
                          let p = position() else { return nil }
                    func optional(_ text: String) -> String? { text.hasPrefix("+") ? String(text.dropFirst()) : nil }
                    outline.issues.append(MarkdownIssue(severity: error == 1 ? .error : .warning, code: code, message: message,
                                                        messageZH: messageZH, hint: optional(hint), hintZH: optional(hintZH),
                                                        position: p))
                }
                entries[path] = Entry(hash: hash, outline: outline)
            }
            return input.isAtEnd ? OutlineStore(entries: entries) : nil
        }
    }
}
