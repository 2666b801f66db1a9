extension JSONValue {
    /// The value as UTF-8 JSON: object members sorted by key; `pretty` lays it out as
    /// `JSONSerialization`'s `.prettyPrinted` does (two-space indents, `"key" : value`, an empty
    /// container as an opening line, a blank line and its closing line), and `scriptSafe` escapes
    /// `<`, `>`, `&`, U+2028 and U+2029 so the text can sit inside `<script>`. Slashes are not
    /// escaped. (Written here rather than with `JSONSerialization`: that sorts keys with ICU
    /// collation and goes through `Any`, a twentieth of a 10,000-page build.)
    func bytes(pretty: Bool = false, scriptSafe: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, scriptSafe: scriptSafe, indent: 0)
        return out
    }

    /// The value as a `String` (see `bytes`).
    func text(pretty: Bool = false, scriptSafe: Bool = false) -> String {
        String(decoding: bytes(pretty: pretty, scriptSafe: scriptSafe), as: UTF8.self)
    }

    private func write(to out: inout [UInt8], pretty: Bool, scriptSafe: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .string(let s): JSONText.append(s, scriptSafe: scriptSafe, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 2) }
                item.write(to: &out, pretty: pretty, scriptSafe: scriptSafe, indent: indent + 2)
            }
            if pretty { Self.close(&out, indent, empty: items.isEmpty) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (i, (key, value)) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 2) }
                JSONText.append(key, scriptSafe: scriptSafe, to: &out)
                out.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
                value.write(to: &out, pretty: pretty, scriptSafe: scriptSafe, indent: indent + 2)
            }
            if pretty { Self.close(&out, indent, empty: members.isEmpty) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(10)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Before a container's closing bracket: a line break (two for an empty one) and the indent.
    private static func close(_ out: inout [UInt8], _ indent: Int, empty: Bool) {
        if empty { out.append(10) }
        newline(&out, indent)
    }
}
