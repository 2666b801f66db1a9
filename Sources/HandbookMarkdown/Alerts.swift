/// Recognises GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, ….
enum Alerts {
    /// If `blocks` (a block quote's content) starts with an alert marker, returns the kind and
    /// the content without the marker.
    static func split(_ blocks: [Block]) -> (AlertKind, [Block])? {
        guard case .paragraph(var inlines)? = blocks.first, case .text(let first)? = inlines.first,
              first.hasPrefix("[!"), let close = first.firstIndex(of: "]") else { return nil }
        let name = first[first.index(first.startIndex, offsetBy: 2)..<close].uppercased()
        guard let kind = AlertKind(rawValue: name) else { return nil }
        let rest = first[first.index(after: close)...]
        guard rest.allSatisfy({ $0 == " " }) else { return nil }
        inlines.removeFirst()
        if case .softBreak? = inlines.first { inlines.removeFirst() } else if case .lineBreak? = inlines.first {
            inlines.removeFirst()
        }
        var content = Array(blocks.dropFirst())
        if !inlines.isEmpty { content.insert(.paragraph(inlines), at: 0) }
        return (kind, content)
    }
}
