extension YAMLReader {
    /// The YAML most front matter is, read without Yams: one `key: value` per line, keys of
    /// letters, digits, `_` and `-` in column 1, each value plain ASCII text or in double quotes
    /// without escapes, no comments, no key twice. Gives the `RawValue` (values and locations)
    /// that Yams gives, or nil for anything else, which then goes to Yams (parsing 10,000 guides'
    /// front matter with Yams was a fortieth of a build).
    static func flatMap(_ text: String, file: String, firstLine: Int) -> RawValue? {
        var copy = text
        return copy.withUTF8 { bytes -> RawValue? in
            var map = RawMap()
            var lineStart = 0, line = firstLine
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
                if lineEnd > lineStart {
                    guard let (key, value, valueColumn) = entry(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])),
                          map.entry(key) == nil else { return nil }
                    map.entries.append(.init(key: key, keyLocation: SourceLocation(file: file, line: line, column: 1),
                                             value: .scalar(value, SourceLocation(file: file, line: line, column: valueColumn))))
                }
                lineStart = lineEnd + 1
                line += 1
            }
            guard let first = map.entries.first else { return nil }
            return .map(map, first.keyLocation)
        }
    }

    /// One line's key, value and the value's column, or nil when the line is not that simple.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>) -> (String, String, Int)? {
        var colon = 0
        while colon < line.count, isKeyByte(line[colon], first: colon == 0) { colon += 1 }
        // "key: value": one space after the colon, and a value.
        guard colon > 0, colon + 2 < line.count, line[colon] == UInt8(ascii: ":"), line[colon + 1] == UInt8(ascii: " ")
        else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
        let raw = UnsafeBufferPointer(rebasing: line[(colon + 2)...])
        let column = colon + 3
        if raw[0] == UInt8(ascii: "\"") {
            guard raw.count >= 2, raw[raw.count - 1] == UInt8(ascii: "\"") else { return nil }
            let inner = UnsafeBufferPointer(rebasing: raw[1..<(raw.count - 1)])
            guard !inner.contains(UInt8(ascii: "\"")), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            let value = String(decoding: inner, as: UTF8.self)
            guard value.unicodeScalars.allSatisfy(isQuotable) else { return nil }
            return (key, value, column)
        }
        guard isPlain(raw) else { return nil }
        let value = String(decoding: raw, as: UTF8.self)
        return (key, ["~", "null", "Null", "NULL"].contains(value) ? "" : value, column)
    }

    /// A key's letters, digits, `_` and `-` (a letter or `_` first).
    private static func isKeyByte(_ b: UInt8, first: Bool) -> Bool {
        let lower = b | 0x20
        if lower >= 97 && lower <= 122 || b == UInt8(ascii: "_") { return true }
        return !first && (b >= 48 && b <= 57 || b == UInt8(ascii: "-"))
    }

    /// Printable ASCII that YAML reads as plain text as it stands: not starting with an indicator
    /// or a space, without `: `, ` #` or a tab, and not ending with a space or `:`.
    private static func isPlain(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = raw.first, let last = raw.last, !"-?:,[]{}#&*!|>'\"%@` ".utf8.contains(first),
              last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return false }
        for (i, b) in raw.enumerated() {
            guard b >= 0x20, b < 0x7F else { return false }
            if b == UInt8(ascii: ":"), raw[i + 1] == UInt8(ascii: " ") { return false }   // not last: checked above
            if b == UInt8(ascii: "#"), raw[i - 1] == UInt8(ascii: " ") { return false }   // not first: checked above
        }
        return true
    }

    /// A character libyaml takes as it is inside double quotes: printable, not a line break
    /// (U+0085, U+2028, U+2029) or a byte order mark.
    private static func isQuotable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...: true
        default: false
        }
    }
}
