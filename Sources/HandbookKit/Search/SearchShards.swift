/// Writes a search index as small JavaScript files under `L/search/index/`, loaded with `<script>`
/// (so search also works from `file://`): `meta.js`, token shards `s<n>.js` and document chunks
/// `d<n>.js`. A query loads `meta.js`, the shards of its words and the chunks of the results shown.
struct SearchShards {
    let index: SearchIndex
    /// The search page, from which document links are made relative.
    let page: Route
    let fileLinks: Bool

    /// Documents per chunk file.
    static let chunkSize = 50

    /// The number of token shards: about 4,000 postings each, between 1 and 256.
    var shardCount: Int {
        let postings = index.postings.values.reduce(0) { $0 + $1.count }
        return max(1, min(256, postings / 4_000))
    }

    /// The shard of a token: its first Han character or first two other characters, hashed
    /// (32-bit FNV-1a of the UTF-8 bytes), so every token with a given prefix is in one shard.
    static func shard(of token: String, count: Int) -> Int {
        let scalars = Array(token.unicodeScalars)
        let key = scalars.isEmpty ? "" : SearchTokenizer.isHan(scalars[0]) ? String(scalars[0])
            : String(String.UnicodeScalarView(scalars.prefix(2)))
        var hash: UInt32 = 0x811C_9DC5
        for byte in key.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }

    /// Some of the files: the token shards and document chunks an edit touched, and `meta.js`.
    struct Selection {
        var shards: Set<Int>
        var chunks: Set<Int>
    }

    /// Every file to write, or those of `only`: (path relative to the language's `search/index/`, contents).
    func files(only: Selection? = nil) -> [(String, String)] {
        let n = shardCount
        var shards = [[String]](repeating: [], count: n)
        var tokens = Array(index.postings.keys)
        if let only { tokens = tokens.filter { only.shards.contains(Self.shard(of: $0, count: n)) } }
        for token in tokens.sorted() {
            var entry = JSONText.string(token) + ":["
            var previous = 0
            var first = true
            for p in index.postings[token]! {
                entry += (first ? "" : ",") + "\(p.doc - previous),\(p.weight)"
                previous = p.doc
                first = false
            }
            shards[Self.shard(of: token, count: n)].append(entry + "]")
        }
        var out: [(String, String)] = []
        // Per document, for ranking before any document chunk is loaded: its kind's rank (one
        // digit) and its title's length in code points.
        let kinds = index.documents.map { String($0.kind.rank) }.joined()
        let lengths = index.documents.map { String($0.title.unicodeScalars.count) }.joined(separator: ",")
        out.append(("meta.js", "HB_SEARCH.meta({\"shards\":\(n),\"chunk\":\(Self.chunkSize),\"docs\":\(index.documents.count),"
                    + "\"kinds\":\"\(kinds)\",\"titles\":[\(lengths)]});\n"))
        for (i, entries) in shards.enumerated() where only?.shards.contains(i) ?? true {
            out.append(("s\(i).js", "HB_SEARCH.shard(\(i),{" + entries.joined(separator: ",") + "});\n"))
        }
        let docs = index.documents
        for chunk in stride(from: 0, to: docs.count, by: Self.chunkSize) where only?.chunks.contains(chunk / Self.chunkSize) ?? true {
            let rows = docs[chunk..<min(docs.count, chunk + Self.chunkSize)].map { d in
                "[" + [d.kind.rawValue, page.link(to: d.route, fileLinks: fileLinks), d.title, d.excerpt]
                    .map(JSONText.string).joined(separator: ",") + "]"
            }
            out.append(("d\(chunk / Self.chunkSize).js",
                        "HB_SEARCH.docs(\(chunk / Self.chunkSize),[" + rows.joined(separator: ",\n") + "]);\n"))
        }
        return out
    }
}

/// JSON string literals safe inside HTML and JavaScript files.
public enum JSONText {
    /// `s` as a JSON string literal, with `<`, `>`, `&`, U+2028 and U+2029 escaped.
    public static func string(_ s: String) -> String {
        if !needsEscapes(s) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    appendScriptSafe(scalar, to: &out)
                }
            }
        }
        return out + "\""
    }

    /// True when some byte of `s` must be escaped: a quote, a backslash, a control character,
    /// `<`, `>`, `&`, or the first byte of U+2028 and U+2029 (most text has none: one pass over
    /// the bytes instead of a scalar-by-scalar copy).
    static func needsEscapes(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { bytes in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 || b == 0xE2 {
                return true
            }
            return false
        }
    }

    /// Appends `scalar`, escaping the characters that could end a `<script>` or break a JavaScript
    /// string (`<`, `>`, `&`, U+2028, U+2029).
    static func appendScriptSafe(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "<": out += "\\u003c"
        case ">": out += "\\u003e"
        case "&": out += "\\u0026"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default: out.unicodeScalars.append(scalar)
        }
    }
}
