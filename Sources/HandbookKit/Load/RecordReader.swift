import Foundation

/// Reads typed fields out of one record (a front matter, a YAML row or a CSV row), recording a
/// located diagnostic for every missing, mistyped or unknown field.
struct RecordReader {
    let map: RawMap
    let location: SourceLocation
    let log: DiagnosticLog
    let languages: [String]
    /// What the record is, for messages: "market 'sa'" / "市场“sa”", "row 3 of schemes" / "数据表“schemes”第 3 行".
    let what: Phrase
    private var read: Set<String> = []

    init(_ value: RawValue?, what: Phrase, at location: SourceLocation, languages: [String], log: DiagnosticLog) {
        self.location = value?.location ?? location
        self.what = what
        self.languages = languages
        self.log = log
        switch value {
        case .map(let m, _)?: map = m
        case nil: map = RawMap()
        case .scalar(let s, _)? where s.isEmpty: map = RawMap()
        case let other?:
            map = RawMap()
            log.error(.wrongType, Phrase(en: "\(what.en) should be a map of fields but is \(other.kindName.en)",
                                         zh: "\(what.zh)应为字段映射，实际是\(other.kindName.zh)"),
                      at: other.location,
                      hint: Phrase(en: "write fields as 'name: value' lines", zh: "每个字段写成一行“name: value”"))
        }
    }

    /// Marks `key` as known without reading it.
    mutating func allow(_ keys: String...) {
        read.formUnion(keys)
    }

    /// The raw value of `key`; records an error when it is required and missing or empty.
    mutating func raw(_ key: String, required: Bool = false) -> RawValue? {
        read.insert(key)
        let value = map[key]
        if required {
            if value == nil || value?.scalar == "" {
                log.error(.missingField, Phrase(en: "\(what.en) has no '\(key)'", zh: "\(what.zh)缺少字段“\(key)”"),
                          at: value?.location ?? location, hint: Phrase(en: "add '\(key): …'", zh: "添加“\(key): …”"))
                return nil
            }
        }
        if value?.scalar == "" { return nil }
        return value
    }

    /// A single text value.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = raw(key, required: required) else { return nil }
        guard let s = value.scalar else {
            log.error(.wrongType, Phrase(en: "'\(key)' should be a single value but is \(value.kindName.en)",
                                         zh: "“\(key)”应为单个值，实际是\(value.kindName.zh)"), at: value.location)
            return nil
        }
        return s
    }

    /// A URL; `javascript:`, `data:` and other unsafe schemes are refused.
    mutating func url(_ key: String, required: Bool = false) -> String? {
        guard let s = string(key, required: required) else { return nil }
        return checkedURL(s, at: map[key]!.location)
    }

    func checkedURL(_ s: String, at location: SourceLocation) -> String? {
        let lower = s.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return s }
        log.error(.invalidValue, Phrase(en: "'\(s)' is not a web address", zh: "“\(s)”不是网址"), at: location,
                  hint: Phrase(en: "write a full address starting with https://", zh: "写完整的网址，以 https:// 开头"))
        return nil
    }

    /// A plain string (all languages) or a map of language → text.
    mutating func text(_ key: String, required: Bool = false) -> LocalizedText {
        guard let value = raw(key, required: required) else { return LocalizedText() }
        return localized(value, key: key)
    }

    func localized(_ value: RawValue, key: String) -> LocalizedText {
        switch value {
        case .scalar(let s, _):
            return LocalizedText(["*": s])
        case .map(let m, _):
            var out: [String: String] = [:]
            for entry in m.entries {
                guard languages.contains(entry.key) else {
                    log.warning(.unknownField,
                                Phrase(en: "'\(key)' has text for '\(entry.key)', which is not a language of this site",
                                       zh: "“\(key)”中有“\(entry.key)”的文本，但本站没有这种语言")
                                    + Suggestions.suggestion(entry.key, in: languages),
                                at: entry.keyLocation,
                                hint: Phrase(en: "use one of: ", zh: "可用的语言：") + .list(languages))
                    continue
                }
                guard let s = entry.value.scalar else {
                    log.error(.wrongType, Phrase(en: "'\(key).\(entry.key)' should be text but is \(entry.value.kindName.en)",
                                                 zh: "“\(key).\(entry.key)”应为文本，实际是\(entry.value.kindName.zh)"),
                              at: entry.value.location)
                    continue
                }
                out[entry.key] = s
            }
            return LocalizedText(out)
        case .list(_, let l):
            log.error(.wrongType, Phrase(en: "'\(key)' should be text or a map of languages, not a list",
                                         zh: "“\(key)”应为文本或按语言分的映射，不能是列表"), at: l)
            return LocalizedText()
        }
    }

    /// A list: a YAML sequence, or a single value split on `;`. Items keep their locations.
    mutating func list(_ key: String, required: Bool = false) -> [(String, SourceLocation)] {
        guard let value = raw(key, required: required) else { return [] }
        return Self.items(value, key: key, log: log)
    }

    static func items(_ value: RawValue, key: String, log: DiagnosticLog) -> [(String, SourceLocation)] {
        switch value {
        case .scalar(let s, let l):
            let items = splitOutsideBrackets(s).map { ($0.trimmed(), l) }.filter { !$0.0.isEmpty }
            items.forEach { warnIfUnbalanced($0.0, key: key, at: l, log: log) }
            return items
        case .list(let items, _):
            var out: [(String, SourceLocation)] = []
            for item in items {
                if let s = item.scalar {
                    if !s.isEmpty { out.append((s, item.location)) }
                    warnIfUnbalanced(s, key: key, at: item.location, log: log)
                } else {
                    log.error(.wrongType, Phrase(en: "items of '\(key)' should be single values, not \(item.kindName.en)",
                                                 zh: "“\(key)”的每一项应为单个值，不能是\(item.kindName.zh)"),
                              at: item.location)
                }
            }
            return out
        case .map(_, let l):
            log.error(.wrongType, Phrase(en: "'\(key)' should be a list, not a map", zh: "“\(key)”应为列表，不能是映射"), at: l)
            return []
        }
    }

    /// Strings of a list.
    mutating func strings(_ key: String) -> [String] {
        list(key).map(\.0)
    }

    /// A list of ids of other entities.
    mutating func refs(_ key: String, required: Bool = false) -> [Ref] {
        list(key, required: required).map { Ref(id: $0.0, location: $0.1) }
    }

    /// One id of another entity.
    mutating func ref(_ key: String, required: Bool = false) -> Ref? {
        guard let s = string(key, required: required) else { return nil }
        return Ref(id: s, location: map[key]!.location)
    }

    /// A localized list: a list or `;`-string, or a map of language → list (CSV `documents.en`).
    /// The opening and closing brackets list items keep together: ASCII and full-width.
    static let brackets: [Character: Character] = ["(": ")", "（": "）", "[": "]", "【": "】"]

    /// `text` split on `;` (and `；`) outside brackets, so "CB report (with differences; in English)"
    /// stays one item.
    static func splitOutsideBrackets(_ text: String) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for i in text.indices {
            let c = text[i]
            if brackets[c] != nil { depth += 1 }
            else if brackets.values.contains(c) { depth = max(0, depth - 1) }
            else if (c == ";" || c == "；") && depth == 0 {
                parts.append(text[start..<i])
                start = text.index(after: i)
            }
        }
        parts.append(text[start...])
        return parts
    }

    /// Warns when a list item opens more brackets than it closes (or the reverse): usually an item
    /// cut in two by a `;` or a bracket left out.
    static func warnIfUnbalanced(_ item: String, key: String, at location: SourceLocation, log: DiagnosticLog) {
        for (open, close) in brackets {
            let opened = item.filter { $0 == open }.count, closed = item.filter { $0 == close }.count
            guard opened != closed else { continue }
            log.warning(.unbalancedBrackets,
                        Phrase(en: "an item of '\(key)' has \(opened) '\(open)' but \(closed) '\(close)': \"\(item)\"",
                               zh: "“\(key)”中有一项含 \(opened) 个“\(open)”，却有 \(closed) 个“\(close)”：“\(item)”"),
                        at: location,
                        hint: Phrase(en: "close the bracket, or write the item as one entry of a YAML list",
                                     zh: "补全括号，或改用 YAML 列表，把这一项写成列表中的一项"))
            return
        }
    }

    mutating func localizedList(_ key: String) -> LocalizedList {
        guard let value = raw(key) else { return LocalizedList() }
        if case .map(let m, _) = value {
            var out: [String: [String]] = [:]
            for entry in m.entries where languages.contains(entry.key) {
                out[entry.key] = Self.items(entry.value, key: key, log: log).map(\.0)
            }
            return LocalizedList(out)
        }
        return LocalizedList(["*": Self.items(value, key: key, log: log).map(\.0)])
    }

    /// One word of a closed vocabulary; an unknown word is an error with the allowed words.
    mutating func word<V: Vocabulary>(_ key: String, default fallback: V? = nil, required: Bool = false) -> V? {
        guard let s = string(key, required: required) else { return fallback }
        let normalized = s.lowercased()
        if let v = V(rawValue: normalized) { return v }
        if normalized == "true" || normalized == "y", let v = V(rawValue: "yes") { return v }
        if normalized == "false" || normalized == "n", let v = V(rawValue: "no") { return v }
        let words = V.allCases.map(\.rawValue)
        let suggestion = Suggestions.suggestion(normalized, in: words), list = Phrase.list(words)
        log.error(.invalidValue,
                  Phrase(en: "'\(key)' is '\(s)', which is not one of \(list.en)\(suggestion.en)",
                         zh: "“\(key)”的值“\(s)”无效\(suggestion.zh)，应为 \(list.zh) 之一"),
                  at: map[key]!.location, hint: Phrase(en: "write one of: ", zh: "可选的值：") + list)
        return fallback
    }

    /// A `YYYY-MM-DD` date.
    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let s = string(key, required: required) else { return nil }
        if let d = Day(s) { return d }
        let parts = s.split(separator: "-").compactMap { Int($0) }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        if parts.count == 3, s.count == 10, (1...12).contains(parts[1]), parts[2] > Day.daysIn(month: parts[1], year: parts[0]) {
            let days = Day.daysIn(month: parts[1], year: parts[0])
            log.error(.invalidDate,
                      Phrase(en: "'\(key)' is '\(s)', but \(months[parts[1] - 1]) \(parts[0]) has only \(days) days",
                             zh: "“\(key)”的值“\(s)”无效：\(parts[0]) 年 \(parts[1]) 月只有 \(days) 天"),
                      at: map[key]!.location,
                      hint: Phrase(en: "write an existing date as YYYY-MM-DD", zh: "写一个存在的日期，格式为 YYYY-MM-DD"))
            return nil
        }
        log.error(.invalidDate, Phrase(en: "'\(key)' is '\(s)', which is not a valid date", zh: "“\(key)”的值“\(s)”不是有效日期"),
                  at: map[key]!.location,
                  hint: Phrase(en: "write the date as YYYY-MM-DD, e.g. 2025-05-22", zh: "日期格式为 YYYY-MM-DD，例如 2025-05-22"))
        return nil
    }

    /// A whole number.
    mutating func int(_ key: String) -> Int? {
        guard let s = string(key) else { return nil }
        if let n = Int(s) { return n }
        log.error(.invalidValue, Phrase(en: "'\(key)' is '\(s)', which is not a whole number", zh: "“\(key)”的值“\(s)”不是整数"),
                  at: map[key]!.location)
        return nil
    }

    /// A number of weeks or a range `6-10`.
    mutating func weeks(_ key: String) -> ClosedRange<Int>? {
        range(key, example: ("8", "6-10"))
    }

    /// A whole number or a range `36-60` (both ends included, the smaller first); `example` is a
    /// number and a range for the hint.
    mutating func range(_ key: String, example: (number: String, range: String)) -> ClosedRange<Int>? {
        guard let s = string(key) else { return nil }
        let parts = s.split(separator: "-").map { Int($0.trimmed()) }
        if parts.count == 1, let n = parts[0], n >= 0 { return n...n }
        if parts.count == 2, let a = parts[0], let b = parts[1], a >= 0, a <= b { return a...b }
        log.error(.invalidValue, Phrase(en: "'\(key)' is '\(s)', which is not a number or a range",
                                        zh: "“\(key)”的值“\(s)”不是数字或范围"),
                  at: map[key]!.location,
                  hint: Phrase(en: "write a number like \(example.number) or a range like \(example.range), or leave it empty when unknown",
                               zh: "写一个数（例如 \(example.number)）或范围（例如 \(example.range)），不清楚时留空"))
        return nil
    }

    /// A list of sources: `{title, url, confidence, accessed, kind}` maps, or web addresses (in a
    /// CSV cell, `;` between them), each optionally followed by ` | title: … | confidence: … | accessed: … | kind: …`.
    mutating func sources(_ key: String) -> [SourceRef] {
        guard let value = raw(key) else { return [] }
        if case .map = value { return source(value).map { [$0] } ?? [] }
        if case .scalar = value {
            return Self.items(value, key: key, log: log).compactMap { text, l in scalarSource(text, at: l) }
        }
        guard case .list(let items, _) = value else { return [] }
        return items.compactMap { source($0) }
    }

    /// One source: `{title, url, confidence, accessed}` or a web address with ` | key: value` pieces.
    func source(_ value: RawValue) -> SourceRef? {
        switch value {
        case .scalar(let s, let l):
            return scalarSource(s, at: l)
        case .map(_, let l):
            var inner = RecordReader(value, what: Phrase(en: "a source", zh: "来源"), at: l, languages: languages, log: log)
            let url = inner.url("url", required: true)
            let title = inner.string("title") ?? url.map(Self.host(of:)) ?? ""
            let confidence: Confidence? = inner.word("confidence")
            let accessed = inner.day("accessed")
            let kind: SourceKind? = inner.word("kind")
            inner.finish()
            return url.map { SourceRef(title: title, url: $0, confidence: confidence, accessed: accessed, kind: kind, location: l) }
        case .list(_, let l):
            log.error(.wrongType, Phrase(en: "a source should be {title, url} or a web address, not a list",
                                         zh: "来源应为 {title, url} 或网址，不能是列表"), at: l)
            return nil
        }
    }

    /// `https://… | title: … | confidence: high | accessed: 2026-11-27` (every piece after the address optional).
    func scalarSource(_ text: String, at l: SourceLocation) -> SourceRef? {
        let pieces = text.split(separator: "|").map { $0.trimmed() }
        guard let first = pieces.first, let url = checkedURL(first, at: l) else { return nil }
        var source = SourceRef(title: Self.host(of: url), url: url, location: l)
        let keys = ["title", "confidence", "accessed", "kind"]
        for piece in pieces.dropFirst() {
            guard let colon = piece.firstIndex(of: ":") else {
                log.error(.invalidValue, Phrase(en: "'\(piece)' after a source's address should be 'key: value'",
                                                zh: "来源网址后的“\(piece)”应写成“key: value”"), at: l,
                          hint: Phrase(en: "write e.g. 'https://… | confidence: high | accessed: 2026-11-27'",
                                       zh: "例如写成“https://… | confidence: high | accessed: 2026-11-27”"))
                continue
            }
            let key = piece[..<colon].trimmed(), value = piece[piece.index(after: colon)...].trimmed()
            switch key {
            case "title": source.title = value
            case "confidence": source.confidence = sourceWord(value, "confidence", at: l)
            case "accessed":
                if let d = Day(value) {
                    source.accessed = d
                } else {
                    log.error(.invalidDate, Phrase(en: "a source's accessed date is '\(value)', which is not a valid date",
                                                   zh: "来源的访问日期（accessed）“\(value)”不是有效日期"), at: l,
                              hint: Phrase(en: "write the date as YYYY-MM-DD, e.g. 2026-11-27", zh: "日期格式为 YYYY-MM-DD，例如 2026-11-27"))
                }
            case "kind": source.kind = sourceWord(value, "kind", at: l)
            default:
                log.error(.unknownField, Phrase(en: "unknown key '\(key)' after a source's address", zh: "来源网址后有未知的键“\(key)”")
                                             + Suggestions.suggestion(key, in: keys),
                          at: l, hint: Phrase(en: "known keys: ", zh: "可用的键：") + .list(keys))
            }
        }
        return source
    }

    /// A vocabulary word after a source's address (`confidence: high`, `kind: official`), or an
    /// error naming the words allowed.
    func sourceWord<V: Vocabulary>(_ value: String, _ what: String, at l: SourceLocation) -> V? {
        if let v = V(rawValue: value.lowercased()) { return v }
        let words = V.allCases.map(\.rawValue)
        let suggestion = Suggestions.suggestion(value.lowercased(), in: words), list = Phrase.list(words)
        log.error(.invalidValue,
                  Phrase(en: "a source's \(what) is '\(value)', which is not one of \(list.en)\(suggestion.en)",
                         zh: "来源的“\(what)”值“\(value)”无效\(suggestion.zh)，应为 \(list.zh) 之一"), at: l,
                  hint: Phrase(en: "write one of: ", zh: "可选的值：") + list)
        return nil
    }

    /// The record's `confidence`: as written, else that of its weakest source. A written confidence
    /// above the weakest source's is a warning that points at both.
    mutating func confidence(sources: [SourceRef]) -> Confidence? {
        let weakest = sources.weakest
        guard let written: Confidence = word("confidence") else { return weakest?.confidence }
        if let weakest, let floor = weakest.confidence, floor < written {
            let at = weakest.location.map { Phrase(en: " (\($0))", zh: "（\($0)）") } ?? .empty
            log.warning(.confidenceAboveSources,
                        Phrase(en: "\(what.en) claims confidence '\(written.rawValue)', above its weakest source's '\(floor.rawValue)'",
                               zh: "\(what.zh)标注的可信度“\(written.rawValue)”高于其最弱来源的“\(floor.rawValue)”") + at,
                        at: map["confidence"]!.location,
                        hint: Phrase(en: "lower 'confidence' to \(floor.rawValue), or cite a source that supports '\(written.rawValue)'",
                                     zh: "把“confidence”降为 \(floor.rawValue)，或引用能支持“\(written.rawValue)”的来源"))
        }
        return written
    }

    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let r = rest.firstRange(of: "://") { rest = rest[r.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    /// A nested map, read with its own reader.
    mutating func nested(_ key: String, what: Phrase) -> RecordReader? {
        guard let value = raw(key) else { return nil }
        return RecordReader(value, what: what, at: value.location, languages: languages, log: log)
    }

    /// Warns about every field that was never read (a typo, usually), with "did you mean".
    func finish() {
        for entry in map.entries where !read.contains(entry.key) {
            log.warning(.unknownField,
                        Phrase(en: "unknown field '\(entry.key)' in \(what.en)", zh: "\(what.zh)中有未知字段“\(entry.key)”")
                            + Suggestions.suggestion(entry.key, in: read),
                        at: entry.keyLocation, hint: Phrase(en: "known fields: ", zh: "已知字段：") + .list(read.sorted()))
        }
    }
}
