/// JSON string literals; by default safe inside HTML and JavaScript files.
public enum JSONText {
    /// `s` as a JSON string literal, with `<`, `>`, `&`, U+2028 and U+2029 escaped.
    public static func string(_ s: String) -> String {
        if !needsEscapes(s, scriptSafe: true) { return "\"" + s + "\"" }
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal to the bytes `out`: quotes, backslashes and control
    /// characters escaped as `JSONSerialization` escapes them (`\b`, `\f`, `\n`, `\r`, `\t`,
    /// `\u00xx`), and with `scriptSafe` also `<`, `>`, `&`, U+2028 and U+2029, which could end a
    /// `<script>` or break a JavaScript string.
    static func append(_ s: String, scriptSafe: Bool = true, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        guard needsEscapes(s, scriptSafe: scriptSafe) else {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        var copy = s
        copy.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                switch b {
                case 0x22: out.append(contentsOf: #"\""#.utf8)
                case 0x5C: out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case 0x3C where scriptSafe: out.append(contentsOf: #"\u003c"#.utf8)
                case 0x3E where scriptSafe: out.append(contentsOf: #"\u003e"#.utf8)
                case 0x26 where scriptSafe: out.append(contentsOf: #"\u0026"#.utf8)
                case 0xE2 where scriptSafe && i + 1 < bytes.count && bytes[i] == 0x80 && (bytes[i + 1] == 0xA8 || bytes[i + 1] == 0xA9):
                    out.append(contentsOf: (bytes[i + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    i += 2
                case ..<0x20:
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 15)])
                default: out.append(b)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// True when some byte of `s` must be escaped: a quote, a backslash, a control character,
    /// and with `scriptSafe` `<`, `>`, `&` or the first byte of U+2028 and U+2029 (most text has
    /// none: one pass over the bytes instead of a scalar-by-scalar copy).
    static func needsEscapes(_ s: String, scriptSafe: Bool) -> Bool {
        var copy = s
        return copy.withUTF8 { bytes in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C
                || (scriptSafe && (b == 0x3C || b == 0x3E || b == 0x26 || b == 0xE2)) {
                return true
            }
            return false
        }
    }
}
