/// Assigns stable, unique, never-empty heading ids that keep CJK characters.
public struct HeadingIDs: Sendable {
    private var used: Set<String> = []

    /// Creates an empty id set.
    public init() {}

    /// Returns a unique id for a heading: `custom` when given, else the slug of `text`;
    /// a duplicate gets `-1`, `-2`, … appended.
    public mutating func assign(custom: String?, text: String) -> String {
        let base = custom ?? Self.slug(text)
        var id = base
        var n = 1
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }

    /// The slug of a heading text: lower-case letters and digits of any script, `-` for spaces,
    /// punctuation dropped; `section` when nothing is left.
    public static func slug(_ text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// `slug` by Unicode properties, for text of any script.
    static func unicodeSlug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil || scalar == "_" {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if p.isWhitespace || scalar == "-" {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// `slug` of an ASCII text, byte by byte (no Unicode property lookups); nil for other text.
    static func asciiSlug(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingDash = false
            for b in bytes {
                if b >= 0x80 { return nil }
                let lower = b >= 65 && b <= 90 ? b + 32 : b
                if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) || lower == 95 {
                    if pendingDash, !out.isEmpty { out.append(45) }
                    pendingDash = false
                    out.append(lower)
                } else if lower == 32 || (lower >= 9 && lower <= 13) || lower == 45 {   // White_Space, or '-'
                    pendingDash = true
                }
            }
            return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
        }
    }

    /// Splits `Title {#id}` into `("Title", "id")`.
    static func splitCustomID(_ text: String) -> (String, String)? {
        var trimmed = Substring(text)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        guard trimmed.hasSuffix("}"), let brace = trimmed.lastIndex(of: "{"),
              trimmed[trimmed.index(after: brace)...].hasPrefix("#") else { return nil }
        let id = String(trimmed[trimmed.index(brace, offsetBy: 2)..<trimmed.index(before: trimmed.endIndex)])
        var rest = trimmed[..<brace]
        while rest.last == " " { rest = rest.dropLast() }
        return (String(rest), id)
    }

    /// True when a custom id is non-empty and made of letters, digits, `-` and `_`.
    static func isValidCustomID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_"
        }
    }
}
