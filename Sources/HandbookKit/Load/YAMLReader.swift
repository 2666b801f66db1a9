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
            return .failure(Diagnostic(.error, .yamlSyntax, "\(error)", at: SourceLocation(file: file, line: firstLine)))
        }
        guard let node else { return .success(nil) }
        var budget = maxNodes
        var converter = Converter(file: file, lineOffset: firstLine - 1)
        do {
            return .success(try converter.convert(node, budget: &budget))
        } catch let d as Diagnostic {
            return .failure(d)
        } catch {
            return .failure(Diagnostic(.error, .yamlSyntax, "\(error)", at: SourceLocation(file: file, line: firstLine)))
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
                return Diagnostic(.error, .tooDeep, "YAML nested too deeply (lists or maps inside each other, hundreds of levels)",
                                  at: at(mark), hint: "write the value flatter: the handbook's fields need two or three levels")
            }
            if problem == "did not find expected key" || problem == "did not find expected '-' indicator" {
                return Diagnostic(.error, .yamlSyntax, "YAML: this line is indented differently from the lines above it",
                                  at: at(mark), hint: "line up the keys of a block (front matter keys start in column 1)")
            }
            if problem == "mapping values are not allowed in this context" {
                return Diagnostic(.error, .yamlSyntax,
                                  "YAML: ': ' is not allowed here (is this line indented differently from the one above, or does a value contain ': '?)",
                                  at: at(mark), hint: "line up the keys, and put text that contains ': ' in quotes")
            }
            if problem == "could not find expected ':'", let context {
                return Diagnostic(.error, .yamlSyntax, "YAML: this line has no ':' after its key", at: at(context.mark),
                                  hint: "write 'key: value' (a space after the colon), or quote text that spans lines")
            }
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line + firstLine - 1))" }
            return Diagnostic(.error, .yamlSyntax, "YAML: \(message)", at: at(mark),
                              hint: "check indentation, colons and quotes around this point")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = at(context.mark)
            let second = laterOccurrence(of: duplicates.first ?? "", after: context.mark, in: context.text).map {
                SourceLocation(file: file, line: $0 + firstLine - 1, column: context.mark.column)
            }
            return Diagnostic(.error, .duplicateID,
                              "YAML: duplicate key '\(duplicates.joined(separator: "', '"))' (first at line \(first.line))",
                              at: second ?? first, hint: "keep one of the keys")
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, .invalidUTF8, "YAML: \(problem)", at: SourceLocation(file: file, line: firstLine))
        default:
            return Diagnostic(.error, .yamlSyntax, "YAML: \(error)", at: SourceLocation(file: file, line: firstLine))
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
                throw Diagnostic(.error, .fileTooLarge, "YAML has more than \(YAMLReader.maxNodes) values (aliases count each time they are used)",
                                 at: location(node.mark),
                                 hint: "write values out instead of using aliases, and keep tables under 100000 rows")
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
                        throw Diagnostic(.error, .yamlSyntax, "YAML: a key must be plain text", at: location(key.mark))
                    }
                    if let earlier = map.entry(name) {
                        throw Diagnostic(.error, .duplicateID,
                                         "duplicate key '\(name)' (first at line \(earlier.keyLocation.line))",
                                         at: location(key.mark), hint: "keep one '\(name)'")
                    }
                    map.entries.append(.init(key: name, keyLocation: location(key.mark),
                                             value: try convert(value, budget: &budget)))
                }
                return .map(map, location(mapping.mark))
            case .alias(let alias):
                throw Diagnostic(.error, .yamlSyntax, "YAML aliases are not supported", at: location(alias.mark),
                                 hint: "write the value out instead of '*alias'")
            }
        }
    }
}

extension Diagnostic: Error {}
