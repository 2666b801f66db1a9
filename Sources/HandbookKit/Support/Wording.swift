/// Small pieces the diagnostics share in both languages.
extension Phrase {
    /// Items joined: `a, b, c` / `a、b、c`; beyond `limit` items, the rest as `, …` / ` 等`.
    static func list(_ items: some Collection<String>, limit: Int = .max) -> Phrase {
        let shown = items.prefix(limit)
        let more = items.count > limit
        return Phrase(en: shown.joined(separator: ", ") + (more ? ", …" : ""),
                      zh: shown.joined(separator: "、") + (more ? " 等" : ""))
    }
}
