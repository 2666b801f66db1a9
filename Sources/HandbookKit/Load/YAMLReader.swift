import Yams

/// Reads YAML into `RawValue`s with locations (scalars stay text: `yes` is the word yes).
enum YAMLReader {
    /// More nodes than this (e.g. from alias expansion) is refused.
    static let maxNodes = 2_000_000
    /// Yams's constructor (never used to build values here; made once rather than per document).
    nonisolated(unsafe) static let constructor = Constructor.default

    /// Parses `text`; `firstLine` is the file line of the YAML's first line (front matter starts at 2).
    static func read(_ text: String, file: String, firstLine: Int = 1) -> Result<RawValue?, Diagnostic> {
        if let map = flatMap(text, file: file, firstLine: firstLine) { return .success(map) }
        return composed(text, file: file, firstLine: firstLine)
    }

    /// `read` through Yams, for any YAML.
    static func composed(_ text: String, file: String, firstLine: Int = 1) -> Result<RawValue?, Diagnostic> {
        let node: Node?
        do {
            // The encoding given (Yams's default reads the whole environment for every document), and no
            // tag rules: scalars stay text here, and Yams's duplicate-key check resolved every key by regex.
            node = try Yams.compose(yaml: text, .basic, constructor, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(Diagnostic(.error, .yamlSyntax, Phrase(en: "\(error)", zh: "YAML 解析失败：\(error)"),
                                       at: SourceLocation(file: file, line: firstLine)))
        }
        guard let node else { return .success(nil) }
        var budget = maxNodes
        var converter = Converter(file: file, lineOffset: firstLine - 1)
        do {
            return .success(try converter.convert(node, budget: &budget))
        } catch let d as Diagnostic {
            return .failure(d)
        } catch {
            return .failure(Diagnostic(.error, .yamlSyntax, Phrase(en: "\(error)", zh: "YAML 解析失败：\(error)"),
                                       at: SourceLocation(file: file, line: firstLine)))
        }
    }

    static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return Diagnostic(.error, .tooDeep,
                                  Phrase(en: "YAML nested too deeply (lists or maps inside each other, hundreds of levels)",
                                         zh: "YAML 嵌套过深（列表或映射层层嵌套，达数百层）"),
                                  at: at(mark),
                                  hint: Phrase(en: "write the value flatter: the handbook's fields need two or three levels",
                                               zh: "把值写得扁平些：手册的字段只需两三层"))
            }
            if problem == "did not find expected key" || problem == "did not find expected '-' indicator" {
                return Diagnostic(.error, .yamlSyntax,
                                  Phrase(en: "YAML: this line is indented differently from the lines above it",
                                         zh: "YAML 语法错误：这一行的缩进与上面几行不同"),
                                  at: at(mark),
                                  hint: Phrase(en: "line up the keys of a block (front matter keys start in column 1)",
                                               zh: "同一层的键要对齐（前置元数据的键从第 1 列开始）"))
            }
            if problem == "mapping values are not allowed in this context" {
                return Diagnostic(.error, .yamlSyntax,
                                  Phrase(en: "YAML: ': ' is not allowed here (is this line indented differently from the one above, or does a value contain ': '?)",
                                         zh: "YAML 语法错误：这里不能出现“: ”（这一行的缩进是否与上一行不同？或者值中含有“: ”？）"),
                                  at: at(mark),
                                  hint: Phrase(en: "line up the keys, and put text that contains ': ' in quotes",
                                               zh: "对齐各个键，含“: ”的文本要加引号"))
            }
            if problem == "could not find expected ':'", let context {
                return Diagnostic(.error, .yamlSyntax,
                                  Phrase(en: "YAML: this line has no ':' after its key", zh: "YAML 语法错误：这一行的键后面没有“:”"),
                                  at: at(context.mark),
                                  hint: Phrase(en: "write 'key: value' (a space after the colon), or quote text that spans lines",
                                               zh: "写成“key: value”（冒号后加一个空格），跨行的文本要加引号"))
            }
            var message = Phrase(en: "YAML: \(problem)", zh: "YAML 语法错误：\(problem)")
            if let context {
                let line = context.mark.line + firstLine - 1
                message = message + Phrase(en: " (\(context.text) at line \(line))", zh: "（\(context.text)，第 \(line) 行）")
            }
            return Diagnostic(.error, .yamlSyntax, message, at: at(mark),
                              hint: Phrase(en: "check indentation, colons and quotes around this point", zh: "检查这里附近的缩进、冒号和引号"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = at(context.mark)
            let second = laterOccurrence(of: duplicates.first ?? "", after: context.mark, in: context.text).map {
                SourceLocation(file: file, line: $0 + firstLine - 1, column: context.mark.column)
            }
            return Diagnostic(.error, .duplicateID,
                              Phrase(en: "YAML: duplicate key '\(duplicates.joined(separator: "', '"))' (first at line \(first.line))",
                                     zh: "YAML 语法错误：重复的键“\(duplicates.joined(separator: "”、“"))”（第一次在第 \(first.line) 行）"),
                              at: second ?? first, hint: Phrase(en: "keep one of the keys", zh: "只保留其中一个键"))
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, .invalidUTF8, Phrase(en: "YAML: \(problem)", zh: "YAML 读取错误：\(problem)"),
                              at: SourceLocation(file: file, line: firstLine))
        default:
            return Diagnostic(.error, .yamlSyntax, Phrase(en: "YAML: \(error)", zh: "YAML 语法错误：\(error)"),
                              at: SourceLocation(file: file, line: firstLine))
        }
    }

    /// The 1-based line where `key` appears again at the same indentation after its first occurrence at `mark`.
    static func laterOccurrence(of key: String, after mark: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: max(0, mark.column - 1))
        for index in mark.line..<lines.count {
            let line = lines[index]
            guard line.hasPrefix(indent) else { continue }
            let rest = line.dropFirst(indent.count)
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form + ":") {
                return index + 1
            }
        }
        return nil
    }

    private struct Converter {
        let file: String
        let lineOffset: Int

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node, budget: inout Int) throws -> RawValue {
            budget -= 1
            if budget < 0 {
                throw Diagnostic(.error, .fileTooLarge,
                                 Phrase(en: "YAML has more than \(YAMLReader.maxNodes) values (aliases count each time they are used)",
                                        zh: "YAML 中的值超过 \(YAMLReader.maxNodes) 个（别名每用一次都要计数）"),
                                 at: location(node.mark),
                                 hint: Phrase(en: "write values out instead of using aliases, and keep tables under 100000 rows",
                                              zh: "直接写出值，不要用别名；数据表保持在 100000 行以内"))
            }
            switch node {
            case .scalar(let scalar):
                let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
                return .scalar(isNull ? "" : scalar.string, location(scalar.mark))
            case .sequence(let sequence):
                var items: [RawValue] = []
                for item in sequence { items.append(try convert(item, budget: &budget)) }
                return .list(items, location(sequence.mark))
            case .mapping(let mapping):
                var map = RawMap()
                for (key, value) in mapping {
                    guard let name = key.scalar?.string else {
                        throw Diagnostic(.error, .yamlSyntax, Phrase(en: "YAML: a key must be plain text", zh: "YAML 语法错误：键必须是纯文本"),
                                         at: location(key.mark))
                    }
                    if let earlier = map.entry(name) {
                        throw Diagnostic(.error, .duplicateID,
                                         Phrase(en: "duplicate key '\(name)' (first at line \(earlier.keyLocation.line))",
                                                zh: "重复的键“\(name)”（第一次在第 \(earlier.keyLocation.line) 行）"),
                                         at: location(key.mark), hint: Phrase(en: "keep one '\(name)'", zh: "只保留一个“\(name)”"))
                    }
                    map.entries.append(.init(key: name, keyLocation: location(key.mark),
                                             value: try convert(value, budget: &budget)))
                }
                return .map(map, location(mapping.mark))
            case .alias(let alias):
                throw Diagnostic(.error, .yamlSyntax, Phrase(en: "YAML aliases are not supported", zh: "不支持 YAML 别名"),
                                 at: location(alias.mark),
                                 hint: Phrase(en: "write the value out instead of '*alias'", zh: "直接写出值，不要用“*alias”"))
            }
        }
    }
}

extension Diagnostic: Error {}
