import Foundation

/// Parses Mustache (variables, raw variables, sections, inverted sections, partials, comments, the
/// implicit iterator `{{.}}`) with the spec's standalone-line rule: a line holding only a section,
/// comment or partial tag disappears with its line break.
enum MustacheParser {
    private enum Piece {
        case text(String)
        case tag(kind: Character, name: String, line: Int, column: Int)
    }

    static func parse(_ template: String) throws -> [MustacheNode] {
        var pieces = try tokenize(template)
        removeStandaloneLines(&pieces)
        var index = 0
        let nodes = try build(pieces, &index, closing: nil)
        return nodes
    }

    private static func tokenize(_ template: String) throws -> [Piece] {
        var pieces: [Piece] = []
        var rest = template[...]
        var line = 1, column = 1
        func advance(over text: Substring) {
            for c in text {
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        while let open = rest.firstRange(of: "{{") {
            let before = rest[..<open.lowerBound]
            if !before.isEmpty { pieces.append(.text(String(before))) }
            advance(over: before)
            let tagLine = line, tagColumn = column
            var inside = rest[open.upperBound...]
            let triple = inside.hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            if triple { inside = inside.dropFirst() }
            guard let close = inside.firstRange(of: closer) else {
                throw MustacheError(message: "a tag is not finished", hint: "end every tag with \(closer)",
                                    line: tagLine, column: tagColumn)
            }
            var body = inside[..<close.lowerBound].trimmed()
            var kind: Character = triple ? "&" : "v"
            if !triple, let first = body.first, "#^/>!&".contains(first) {
                kind = first
                body = String(body.dropFirst()).trimmed()
            }
            if kind != "!" && body.isEmpty {
                throw MustacheError(message: "a tag has no name", hint: "write {{name}}", line: tagLine, column: tagColumn)
            }
            if kind == "v", body.hasPrefix("=") {
                throw MustacheError(message: "changing delimiters is not supported", hint: "keep {{ }}", line: tagLine, column: tagColumn)
            }
            pieces.append(.tag(kind: kind, name: body, line: tagLine, column: tagColumn))
            let consumed = rest[open.lowerBound..<close.upperBound]
            advance(over: consumed)
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// Removes the whitespace around tags that stand alone on their line, and that line's break.
    /// Decisions are made on the original text first, then applied, so neighbouring standalone
    /// lines are each recognised.
    private static func removeStandaloneLines(_ pieces: inout [Piece]) {
        func isBlank<S: StringProtocol>(_ s: S) -> Bool { s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        var dropTail = Set<Int>()     // text pieces losing their last line's blank tail
        var dropHead = Set<Int>()     // text pieces losing everything up to their first line break
        var dropAll = Set<Int>()      // a blank text piece at the very end of the template
        for i in pieces.indices {
            guard case .tag(let kind, _, _, _) = pieces[i], "#^/>!".contains(kind) else { continue }
            // Before: start of template, or a text piece whose last line is blank and that either
            // contains a line break or is the first piece.
            if i > 0 {
                guard case .text(let t) = pieces[i - 1] else { continue }
                let tail = t.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                guard isBlank(tail), t.contains("\n") || i - 1 == 0 else { continue }
            }
            // After: end of template, or a text piece that is blank up to its first line break
            // (or blank and last).
            if i + 1 < pieces.count {
                guard case .text(let t) = pieces[i + 1] else { continue }
                if let newline = t.firstIndex(of: "\n") {
                    guard isBlank(t[..<newline]) else { continue }
                    dropHead.insert(i + 1)
                } else {
                    guard i + 1 == pieces.count - 1, isBlank(t) else { continue }
                    dropAll.insert(i + 1)
                }
            }
            if i > 0 { dropTail.insert(i - 1) }
        }
        for i in pieces.indices {
            guard case .text(var t) = pieces[i] else { continue }
            if dropAll.contains(i) { t = "" }
            if dropTail.contains(i) {
                let tail = t.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                t = String(t.dropLast(tail.count))
            }
            if dropHead.contains(i), let newline = t.firstIndex(of: "\n") {
                t = String(t[t.index(after: newline)...])
            }
            pieces[i] = .text(t)
        }
    }

    private static func build(_ pieces: [Piece], _ index: inout Int, closing: (name: String, line: Int, column: Int)?) throws -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            switch piece {
            case .text(let t):
                if !t.isEmpty { nodes.append(.text(t)) }
            case .tag(let kind, let name, let line, let column):
                switch kind {
                case "!": break
                case "v": nodes.append(.variable(path(name), escaped: true))
                case "&": nodes.append(.variable(path(name), escaped: false))
                case ">": nodes.append(.partial(name))
                case "#", "^":
                    let children = try build(pieces, &index, closing: (name, line, column))
                    nodes.append(.section(path(name), children, inverted: kind == "^"))
                case "/":
                    guard let closing else {
                        throw MustacheError(message: "{{/\(name)}} closes a section that was never opened",
                                            hint: "remove it, or open the section with {{#\(name)}}", line: line, column: column)
                    }
                    guard closing.name == name else {
                        throw MustacheError(message: "{{/\(name)}} does not match the open section {{#\(closing.name)}} (line \(closing.line))",
                                            hint: "close {{#\(closing.name)}} with {{/\(closing.name)}}", line: line, column: column)
                    }
                    return nodes
                default: break
                }
            }
        }
        if let closing {
            throw MustacheError(message: "the section {{#\(closing.name)}} is never closed",
                                hint: "close it with {{/\(closing.name)}}", line: closing.line, column: closing.column)
        }
        return nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }
}
