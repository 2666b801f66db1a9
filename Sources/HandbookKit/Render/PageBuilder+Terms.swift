/// The site's `terms` as a table on the page that asks for them (`show_terms: yes`).
extension PageBuilder {
    /// The terms written in this page's language (Chinese terms on Chinese pages, the others on
    /// the rest) as `{rows: [{preferred, variants}]}`: the form to write and the variants not to;
    /// nil when there are none.
    func termTable() -> [String: Any]? {
        let chinese = l.hasPrefix("zh")
        let rows: [[String: Any]] = h.config.terms.filter { Self.isChinese($0.preferred) == chinese }.map {
            ["preferred": $0.preferred, "variants": $0.variants.joined(separator: chinese ? "、" : ", ")]
        }
        return rows.isEmpty ? nil : ["rows": rows]
    }

    /// True when `text` has a CJK ideograph.
    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
