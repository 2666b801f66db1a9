/// Recognises GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, ….
enum Alerts {
    /// The kind named by an alert marker: the whole first text of the quote's first paragraph,
    /// `[!NOTE]` (any case) with nothing after it but spaces; nil for any other text.
    static func kind(ofMarker first: String) -> AlertKind? {
        guard first.hasPrefix("[!"), let close = first.firstIndex(of: "]") else { return nil }
        let name = first[first.index(first.startIndex, offsetBy: 2)..<close].uppercased()
        guard let kind = AlertKind(rawValue: name) else { return nil }
        let rest = first[first.index(after: close)...]
        guard rest.allSatisfy({ $0 == " " }) else { return nil }
        return kind
    }
}
