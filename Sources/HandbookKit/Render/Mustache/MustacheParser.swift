/// Parses Mustache as the specification defines it (github.com/mustache/spec: interpolation,
/// sections, inverted sections, comments, partials, set delimiters and inheritance; not lambdas).
///
/// - `{{name}}` escaped, `{{{name}}}` and `{{& name}}` raw; dotted names; `{{.}}`.
/// - `{{#name}}…{{/name}}`, `{{^name}}…{{/name}}`, `{{! comment }}`, `{{> partial}}`.
/// - `{{=<% %>=}}` changes the delimiters for the rest of the template.
/// - `{{<parent}}{{$block}}…{{/block}}{{/parent}}` renders `parent` with its `{{$block}}`s replaced.
///
/// A line holding nothing but whitespace and tags other than variables is standalone: its
/// whitespace and line break disappear. A standalone partial or parent indents every line it
/// adds by the whitespace in front of it.
enum MustacheParser {
    private enum Token {
        case text(String)
        case tag(Tag)
    }

    private struct Tag {
        /// `v` variable, `&` raw variable, or the sigil: `#` `^` `/` `!` `>` `<` `$` `=`.
        var kind: Character
        var name: String
        var line: Int
        var column: Int
        /// True when the tag stands alone on its line; `indent` is then the whitespace before it.
        var standalone = false
        var indent = ""
    }

    static func parse(_ template: String) throws -> [MustacheNode] {
        let tokens = try tokenize(template)
        var index = 0
        return try build(tokens, &index, closing: nil)
    }

    /// Splits the template into text and tags (text never spans a line break), applying the
    /// delimiters in force and the standalone rule line by line.
    private static func tokenize(_ template: String) throws -> [Token] {
        var tokens: [Token] = []
        var open = "{{", close = "}}"
        var rest = template[...]
        var line = 1, column = 1
        var lineStart = 0   // index in `tokens` of the current line's first token

        func advance(over text: Substring) {
            for c in text.unicodeScalars {   // scalars: "\r\n" is one Character
                if c == "\n" { line += 1; column = 1 } else if c != "\r" { column += 1 }
            }
        }
        func endLine(breakText: String?) {
            var tags = 0, blank = true
            for token in tokens[lineStart...] {
                switch token {
                case .text(let t): if !isBlank(t) { blank = false }
                case .tag(let tag): if tag.kind == "v" || tag.kind == "&" { blank = false } else { tags += 1 }
                }
            }
            if blank, tags > 0 {
                var indent = ""
                if case .text(let t) = tokens[lineStart] { indent = t }
                let kept: [Token] = tokens[lineStart...].compactMap {
                    guard case .tag(var tag) = $0 else { return nil }
                    tag.standalone = true
                    tag.indent = indent
                    return .tag(tag)
                }
                tokens.replaceSubrange(lineStart..., with: kept)
            } else if let breakText {
                tokens.append(.text(breakText))
            }
            lineStart = tokens.count
        }

        var knownNewline: String.Index?   // the next line break at or after `rest`, found once per line
        while !rest.isEmpty {
            if knownNewline.map({ $0 < rest.startIndex }) ?? true {
                knownNewline = rest.unicodeScalars.firstIndex(of: "\n") ?? template.endIndex   // not Characters: "\r\n" is one
            }
            let newline = knownNewline == template.endIndex ? nil : knownNewline
            guard let opening = rest.firstRange(of: open), newline.map({ opening.lowerBound < $0 }) ?? true else {
                guard let newline else {
                    tokens.append(.text(String(rest)))
                    break
                }
                if newline > rest.startIndex { tokens.append(.text(String(rest[..<newline]))) }
                endLine(breakText: "\n")
                line += 1
                column = 1
                rest = rest[rest.unicodeScalars.index(after: newline)...]
                continue
            }
            let before = rest[..<opening.lowerBound]
            if !before.isEmpty { tokens.append(.text(String(before))) }
            advance(over: before)
            let tagLine = line, tagColumn = column
            var inside = rest[opening.upperBound...]
            var kind: Character = "v"
            var closer = close
            if inside.first == "{" {
                kind = "&"
                closer = "}" + close
                inside = inside.dropFirst()
            } else if inside.first == "=" {
                kind = "="
                closer = "=" + close
                inside = inside.dropFirst()
            }
            guard let end = inside.firstRange(of: closer) else {
                throw MustacheError(Phrase(en: "a tag is not finished", zh: "标签没有结束"),
                                    hint: Phrase(en: "end every tag with \(closer)", zh: "每个标签都要以 \(closer) 结束"),
                                    line: tagLine, column: tagColumn)
            }
            var name = inside[..<end.lowerBound].trimmed()
            if kind == "v", let sigil = name.first, "#^/>!&<$".contains(sigil) {
                kind = sigil
                name = String(name.dropFirst()).trimmed()
            }
            if kind == "=" {
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw MustacheError(Phrase(en: "a delimiter change needs two delimiters", zh: "更改分隔符需要给出两个分隔符"),
                                        hint: Phrase(en: "write it like {{=<% %>=}}", zh: "写法如 {{=<% %>=}}"),
                                        line: tagLine, column: tagColumn)
                }
                (open, close) = (String(parts[0]), String(parts[1]))
            } else if kind != "!", name.isEmpty {
                throw MustacheError(Phrase(en: "a tag has no name", zh: "标签没有名称"),
                                    hint: Phrase(en: "write {{name}}", zh: "写成 {{name}}"), line: tagLine, column: tagColumn)
            }
            tokens.append(.tag(Tag(kind: kind, name: name, line: tagLine, column: tagColumn)))
            advance(over: rest[opening.lowerBound..<end.upperBound])
            rest = inside[end.upperBound...]
        }
        endLine(breakText: nil)
        return tokens
    }

    private static func isBlank(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// Sections, blocks and parents nest at most this deep (deeper would exhaust the stack).
    static let maxDepth = 100

    private static func build(_ tokens: [Token], _ index: inout Int, closing: Tag?, depth: Int = 0) throws -> [MustacheNode] {
        if let closing, depth > maxDepth {
            throw MustacheError(Phrase(en: "sections are nested more than \(maxDepth) deep", zh: "区块嵌套超过 \(maxDepth) 层"),
                                hint: Phrase(en: "close some sections before opening more", zh: "先关闭一些区块，再打开新的"),
                                line: closing.line, column: closing.column)
        }
        var nodes: [MustacheNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard case .tag(let tag) = token else {
                guard case .text(let t) = token, !t.isEmpty else { continue }
                if case .text(let previous) = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + t)
                } else {
                    nodes.append(.text(t))
                }
                continue
            }
            switch tag.kind {
            case "v": nodes.append(.variable(path(tag.name), escaped: true))
            case "&": nodes.append(.variable(path(tag.name), escaped: false))
            case ">": nodes.append(.partial(tag.name, indent: tag.standalone ? tag.indent : ""))
            case "#", "^":
                let children = try build(tokens, &index, closing: tag, depth: depth + 1)
                nodes.append(.section(path(tag.name), children, inverted: tag.kind == "^"))
            case "$":
                let children = try build(tokens, &index, closing: tag, depth: depth + 1)
                nodes.append(.block(tag.name, MustacheBlock(children, standalone: tag.standalone, tagIndent: tag.indent)))
            case "<":
                var arguments: [String: MustacheBlock] = [:]
                for case .block(let name, let block) in try build(tokens, &index, closing: tag, depth: depth + 1) where arguments[name] == nil {
                    arguments[name] = block
                }
                nodes.append(.parent(tag.name, arguments, indent: tag.standalone ? tag.indent : ""))
            case "/":
                guard let closing else {
                    throw MustacheError(Phrase(en: "{{/\(tag.name)}} closes a section that was never opened",
                                               zh: "{{/\(tag.name)}} 要关闭的区块从未打开"),
                                        hint: Phrase(en: "remove it, or open the section with {{#\(tag.name)}}",
                                                     zh: "删除它，或用 {{#\(tag.name)}} 打开这个区块"),
                                        line: tag.line, column: tag.column)
                }
                guard closing.name == tag.name else {
                    let open = "{{\(closing.kind)\(closing.name)}}"
                    throw MustacheError(Phrase(en: "{{/\(tag.name)}} does not match the open section \(open) (line \(closing.line))",
                                               zh: "{{/\(tag.name)}} 与尚未关闭的区块 \(open)（第 \(closing.line) 行）不匹配"),
                                        hint: Phrase(en: "close \(open) with {{/\(closing.name)}}", zh: "用 {{/\(closing.name)}} 关闭 \(open)"),
                                        line: tag.line, column: tag.column)
                }
                return nodes
            default: break   // comments and delimiter changes leave nothing
            }
        }
        if let closing {
            throw MustacheError(Phrase(en: "the section {{\(closing.kind)\(closing.name)}} is never closed",
                                       zh: "区块 {{\(closing.kind)\(closing.name)}} 没有关闭"),
                                hint: Phrase(en: "close it with {{/\(closing.name)}}", zh: "用 {{/\(closing.name)}} 关闭它"),
                                line: closing.line, column: closing.column)
        }
        return nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// `source` with `indent` before every line (not after a final line break): how a standalone
    /// partial or parent is indented before it is parsed.
    static func indented(_ source: String, by indent: String) -> String {
        guard !indent.isEmpty else { return source }
        var out = indent
        let scalars = source.unicodeScalars
        for i in scalars.indices {
            out.unicodeScalars.append(scalars[i])
            if scalars[i] == "\n", scalars.index(after: i) != scalars.endIndex { out += indent }
        }
        return out
    }
}
