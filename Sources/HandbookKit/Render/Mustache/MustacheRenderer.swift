import HandbookMarkdown

/// Renders parsed templates against dictionaries (`[String: Any]`), arrays, strings, numbers and
/// booleans. A missing value, `false`, an empty list or an empty string renders as nothing and
/// makes a section false; `has_x` is true when the list `x` has items.
struct MustacheRenderer: Sendable {
    let templates: [String: [MustacheNode]]

    func render(_ name: String, _ context: [String: Any]) -> String {
        guard let nodes = templates[name] else { return "" }
        var out = ""
        out.reserveCapacity(8192)
        var stack: [Any] = [context]
        render(nodes, &stack, &out)
        return out
    }

    private func render(_ nodes: [MustacheNode], _ stack: inout [Any], _ out: inout String) {
        for node in nodes {
            switch node {
            case .text(let t):
                out += t
            case .variable(let path, let escaped):
                guard let value = lookup(path, stack) else { continue }
                let text = Self.string(value)
                if escaped { HTMLEscape.append(text, to: &out) } else { out += text }
            case .section(let path, let children, let inverted):
                let value = lookup(path, stack)
                let truthy = value.map(Self.isTruthy) ?? false
                if inverted {
                    if !truthy { render(children, &stack, &out) }
                    continue
                }
                guard truthy, let value else { continue }
                // Exact array types first: casting them to [Any] would copy every element.
                if let list = value as? [[String: Any]] {
                    renderEach(list, children, &stack, &out)
                } else if let list = value as? [String] {
                    renderEach(list, children, &stack, &out)
                } else if let list = value as? [Any] {
                    renderEach(list, children, &stack, &out)
                } else if value is Bool {
                    render(children, &stack, &out)
                } else {
                    stack.append(value)
                    render(children, &stack, &out)
                    stack.removeLast()
                }
            case .partial(let name):
                if let partial = templates[name] { render(partial, &stack, &out) }
            }
        }
    }

    /// Renders `children` once per item, with the item as the innermost context.
    private func renderEach<S: Sequence>(_ items: S, _ children: [MustacheNode], _ stack: inout [Any], _ out: inout String) {
        for item in items {
            stack.append(item)
            render(children, &stack, &out)
            stack.removeLast()
        }
    }

    /// Looks the first name up from the innermost context outwards, then the rest inside it.
    private func lookup(_ path: [String], _ stack: [Any]) -> Any? {
        if path == ["."] { return stack.last }
        let first = path[0]
        var found: Any?
        for context in stack.reversed() {
            if let value = member(first, of: context) {
                found = value
                break
            }
        }
        guard var value = found else { return nil }
        for name in path.dropFirst() {
            guard let next = member(name, of: value) else { return nil }
            value = next
        }
        return value
    }

    private func member(_ name: String, of context: Any) -> Any? {
        guard let dictionary = context as? [String: Any] else { return nil }
        if let value = dictionary[name] { return Self.isNil(value) ? nil : value }
        if name.hasPrefix("has_"), let value = dictionary[String(name.dropFirst(4))] {
            return isTruthy(value)
        }
        return nil
    }

    func isTruthy(_ value: Any) -> Bool { Self.isTruthy(value) }

    static func isTruthy(_ value: Any) -> Bool {
        switch value {
        case let b as Bool: b
        case let s as String: !s.isEmpty
        case let list as [[String: Any]]: !list.isEmpty
        case let list as [String]: !list.isEmpty
        case let list as [Any]: !list.isEmpty
        default: true
        }
    }

    static func string(_ value: Any) -> String {
        switch value {
        case let s as String: s
        case let i as Int: String(i)
        case let b as Bool: b ? "true" : "false"
        default: "\(value)"
        }
    }

    /// True for an `Optional.none` hidden in an `Any`.
    static func isNil(_ value: Any) -> Bool {
        (value as? any AnyOptional)?.isNone == true
    }
}

/// Lets the renderer see `nil` inside an `Any` without reflection.
protocol AnyOptional {
    var isNone: Bool { get }
}

extension Optional: AnyOptional {
    var isNone: Bool { self == nil }
}
