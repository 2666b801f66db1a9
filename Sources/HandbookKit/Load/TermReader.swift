/// Reads `terms` in site.yml: a map of preferred form → variants (one or a list).
enum TermReader {
    /// The terms of `value` (nil when site.yml has none); problems go to `log`.
    static func read(_ value: RawValue?, log: DiagnosticLog) -> [Term] {
        guard let value else { return [] }
        guard case .map(let map, _) = value else {
            log.error(.wrongType, Phrase(en: "'terms' should be a map of preferred form: variants to avoid",
                                         zh: "“terms”应为“首选词: 应避免的写法”的映射"),
                      at: value.location, hint: example)
            return []
        }
        var terms: [Term] = []
        var owner: [String: String] = [:]   // variant → the preferred form it belongs to
        for entry in map.entries {
            let variants = RecordReader.items(entry.value, key: "terms", log: log)
            for (variant, location) in variants {
                if variant == entry.key || map[variant] != nil {
                    log.error(.invalidValue,
                              Phrase(en: "'\(variant)' is a preferred form and cannot also be a variant to avoid",
                                     zh: "“\(variant)”是首选词，不能同时列为应避免的写法"),
                              at: location, hint: Phrase(en: "remove it from the list of '\(entry.key)'",
                                                         zh: "从“\(entry.key)”的列表中删去它"))
                } else if let other = owner[variant.lowercased()] {
                    log.error(.duplicateID,
                              Phrase(en: "'\(variant)' is already a variant of '\(other)'",
                                     zh: "“\(variant)”已列为“\(other)”应避免的写法"),
                              at: location, hint: Phrase(en: "keep it under one preferred form", zh: "只在一个首选词下列出"))
                } else {
                    owner[variant.lowercased()] = entry.key
                }
            }
            let kept = variants.map(\.0).filter { owner[$0.lowercased()] == entry.key }
            if !kept.isEmpty { terms.append(Term(preferred: entry.key, variants: kept)) }
        }
        return terms
    }

    static let example = Phrase(en: "e.g. terms: {光伏组件: [光伏板, 太阳能电池板], PV module: [solar panel]}",
                                zh: "例如 terms: {光伏组件: [光伏板, 太阳能电池板], PV module: [solar panel]}")
}
