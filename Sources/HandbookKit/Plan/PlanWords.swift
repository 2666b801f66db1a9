/// The words of one language for `handbook plan`: UI strings and the handbook's names.
struct PlanWords {
    let h: Handbook
    let l: String
    let strings: [String: String]

    func t(_ key: String) -> String { strings[key] ?? key }
    func text(_ value: LocalizedText) -> String { value.text(l, fallbacks: h.config.fallbacks(for: l)) }
    func market(_ id: String) -> String { h.market(id).map { text($0.name) } ?? id }
    /// A standard's number without its edition (`IEC 61730`), as questions name it.
    func standard(_ id: String) -> String {
        let code = h.standard(id)?.code ?? id
        return code.split(separator: ":").first.map(String.init) ?? code
    }
    func fill(_ key: String, _ values: [String: String]) -> String {
        values.reduce(t(key)) { $0.replacing("{\($1.key)}", with: $1.value) }
    }
    /// `6` or `6–10`, as the pages write ranges.
    func range(_ r: ClosedRange<Int>) -> String { PageBuilder.weeks(r) }
    /// Market names joined as a list (`Saudi Arabia, EU`; `沙特阿拉伯、欧盟`).
    func markets(_ ids: [String]) -> String { ids.map(market).joined(separator: t("list_separator")) }
    /// A scheme's name.
    func scheme(_ id: String) -> String { h.scheme(id).map { text($0.name) } ?? id }
    /// A body's name.
    func body(_ id: String) -> String { h.body(id).map { text($0.name) } ?? id }
}
