/// Escaping for HTML text and attribute values, and safety checks for URLs.
public enum HTMLEscape {
    /// Appends `text` to `out` with `&`, `<`, `>` and `"` escaped.
    public static func append(_ text: String, to out: inout String) {
        // Fast path: nothing to escape (a loop over the bytes themselves, not the UTF-8 view).
        var copy = text
        let clean = copy.withUTF8 { bytes in
            for b in bytes where b == 38 || b == 60 || b == 62 || b == 34 { return false }
            return true
        }
        if clean {
            out += text
            return
        }
        let utf8 = text.utf8
        var chunkStart = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let replacement: String?
            switch utf8[i] {
            case 38: replacement = "&amp;"
            case 60: replacement = "&lt;"
            case 62: replacement = "&gt;"
            case 34: replacement = "&quot;"
            default: replacement = nil
            }
            if let replacement {
                out += Substring(utf8[chunkStart..<i])
                out += replacement
                chunkStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out += Substring(utf8[chunkStart..<utf8.endIndex])
    }

    /// Appends the UTF-8 `text` to `out` with `&`, `<`, `>` and `"` escaped.
    public static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var chunkStart = 0
        for i in 0..<text.count {
            let replacement: StaticString
            switch text[i] {
            case 38: replacement = "&amp;"
            case 60: replacement = "&lt;"
            case 62: replacement = "&gt;"
            case 34: replacement = "&quot;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[chunkStart..<i]))
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            chunkStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[chunkStart...]))
    }

    /// `text` with `&`, `<`, `>` and `"` escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// True for URLs that must never reach a page: `javascript:`, `vbscript:`, `file:` and
    /// `data:` other than raster images (the same rule as cmark's safe mode).
    public static func isDangerousURL(_ url: String) -> Bool {
        let lower = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }.prefix(16).lowercased()
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                .contains { lower.hasPrefix($0) }
        }
        return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
    }

    /// Percent-encodes characters that may not appear raw in an `href`, then HTML-escapes it.
    public static func href(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ", "<", ">", "\"", "\\", "^", "`", "{", "|", "}":
                out += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            case "&": out += "&amp;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
