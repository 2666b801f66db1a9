import Foundation
import HandbookMarkdown

/// Renders parsed templates against dictionaries (`[String: Any]`), arrays, strings, numbers and
/// booleans. A missing value, `false`, an empty list or an empty string renders as nothing and
/// makes a section false; `has_x` is true when the list `x` has items.
struct MustacheRenderer: Sendable {
    let templates: [String: [MustacheNode]]
    /// The templates as written, for partials and parents that a standalone tag indents (they are
    /// indented, then parsed, once per indentation).
    let sources: [String: String]
    private let indented = IndentedTemplates()

    init(templates: [String: [MustacheNode]], sources: [String: String] = [:]) {
        self.templates = templates
        self.sources = sources
    }

    /// Renders template `name` with `context` (usually a `[String: Any]`) as the outermost context.
    func render(_ name: String, _ context: Any) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes (what a page file holds: no `String` in between).
    func renderBytes(_ name: String, _ context: Any) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(16384)
        var stack: [MustacheValue] = [MustacheValue(context)]
        render(nodes, &stack, [:], &out)
        return out
    }

    /// Renders `nodes`; `blocks` are the arguments of the parents being rendered (the outermost
    /// caller's first).
    private func render(_ nodes: [MustacheNode], _ stack: inout [MustacheValue], _ blocks: [String: MustacheBlock],
                        _ out: inout [UInt8], depth: Int = 0) {
        for node in nodes {
            switch node {
            case .text(let t):
                out.append(contentsOf: t.utf8)
            case .variable(let path, let escaped):
                guard let value = lookup(path, stack) else { continue }
                if case .bytes(let bytes) = value {
                    if escaped { bytes.withUnsafeBufferPointer { HTMLEscape.append($0, to: &out) } } else { out.append(contentsOf: bytes) }
                    continue
                }
                var text = value.text
                if escaped { text.withUTF8 { HTMLEscape.append($0, to: &out) } } else { out.append(contentsOf: text.utf8) }
            case .section(let path, let children, let inverted):
                let value = lookup(path, stack)
                let truthy = value?.isTruthy ?? false
                if inverted {
                    if !truthy { render(children, &stack, blocks, &out, depth: depth) }
                    continue
                }
                guard truthy, let value else { continue }
                switch value {
                case .maps(let list):
                    for item in list { renderIn(.map(item), children, &stack, blocks, &out, depth: depth) }
                case .strings(let list):
                    for item in list { renderIn(.string(item), children, &stack, blocks, &out, depth: depth) }
                case .list(let list):
                    for item in list { renderIn(MustacheValue(item), children, &stack, blocks, &out, depth: depth) }
                case .bool:
                    render(children, &stack, blocks, &out, depth: depth)
                default:
                    renderIn(value, children, &stack, blocks, &out, depth: depth)
                }
            case .partial(let name, let indent):
                // A partial that includes itself without end stops at `maxNesting` (rather than crash).
                guard depth < Self.maxNesting, let partial = template(name, indent: indent) else { continue }
                render(partial, &stack, blocks, &out, depth: depth + 1)
            case .block(let name, let site):
                guard let argument = blocks[name] else {
                    render(site.nodes, &stack, blocks, &out, depth: depth)
                    continue
                }
                var text: [UInt8] = []
                render(argument.nodes, &stack, blocks, &text, depth: depth)
                out.append(contentsOf: Self.reindent(String(decoding: text, as: UTF8.self), from: argument.indent, to: site.indent).utf8)
            case .parent(let name, let arguments, let indent):
                guard depth < Self.maxNesting, let parent = template(name, indent: indent) else { continue }
                // An argument from further out wins: the outermost template has the last word.
                render(parent, &stack, arguments.merging(blocks) { _, outer in outer }, &out, depth: depth + 1)
            }
        }
    }

    /// Renders `children` with `value` as the innermost context.
    private func renderIn(_ value: MustacheValue, _ children: [MustacheNode], _ stack: inout [MustacheValue],
                          _ blocks: [String: MustacheBlock], _ out: inout [UInt8], depth: Int) {
        stack.append(value)
        render(children, &stack, blocks, &out, depth: depth)
        stack.removeLast()
    }

    /// Partials and parents render at most this deep inside each other: a partial that includes
    /// itself unconditionally stops there instead of exhausting the stack.
    static let maxNesting = 200

    /// A partial or parent, indented when its tag stood alone after whitespace.
    private func template(_ name: String, indent: String) -> [MustacheNode]? {
        guard !indent.isEmpty, let source = sources[name] else { return templates[name] }
        return indented.nodes(name, indent) { try? MustacheParser.parse(MustacheParser.indented(source, by: indent)) }
    }

    /// A block argument placed where a block was: its own indentation (`from`) removed from each
    /// line and the block's (`to`) put in front; a standalone block keeps whole lines.
    static func reindent(_ text: String, from: String?, to: String?) -> String {
        guard from != nil || to != nil, !text.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.count - 1
        for i in lines.indices where !(i == last && lines[i].isEmpty) {
            var line = lines[i]
            if let from, line.hasPrefix(from) { line = line.dropFirst(from.count) }
            lines[i] = to.map { $0 + line } ?? line
        }
        var out = lines.joined(separator: "\n")
        if to != nil, !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    /// Looks the first name up from the innermost context outwards, then the rest inside it.
    private func lookup(_ path: [String], _ stack: [MustacheValue]) -> MustacheValue? {
        if path.count == 1, path[0] == "." { return stack.last }
        let first = path[0]
        var found: MustacheValue?
        for context in stack.reversed() {
            guard case .map(let dictionary) = context else { continue }
            if let value = dictionary[first] {
                // A key that is there but empty ends the search: an outer context's value of the
                // same name must not show through (a market without a lead time showed the
                // product's longest one).
                let typed = MustacheValue(value)
                if case .none = typed { return nil }
                found = typed
                break
            }
            if let value = member(first, of: dictionary) {
                found = value
                break
            }
        }
        guard var value = found else { return nil }
        for name in path.dropFirst() {
            guard case .map(let dictionary) = value, let next = member(name, of: dictionary) else { return nil }
            value = next
        }
        return value
    }

    /// `dictionary[name]`, or for `has_x` whether `x` is there and true.
    private func member(_ name: String, of dictionary: [String: Any]) -> MustacheValue? {
        if let value = dictionary[name] {
            let typed = MustacheValue(value)
            if case .none = typed { return nil }
            return typed
        }
        if name.hasPrefix("has_"), let value = dictionary[String(name.dropFirst(4))] {
            return .bool(MustacheValue(value).isTruthy)
        }
        return nil
    }
}

/// Partials and parents parsed with an indentation, made when first needed (rendering runs on
/// several threads).
final class IndentedTemplates: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: [MustacheNode]] = [:]

    func nodes(_ name: String, _ indent: String, parse: () -> [MustacheNode]?) -> [MustacheNode]? {
        let key = indent + "\u{0}" + name
        lock.lock()
        defer { lock.unlock() }
        if let nodes = parsed[key] { return nodes }
        let nodes = parse()
        parsed[key] = nodes
        return nodes
    }
}
