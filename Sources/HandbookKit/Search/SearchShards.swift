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
        var hash: UInt32 = 0x811C_9DC5
        func add(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { byte in
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
        }
        var scalars = token.unicodeScalars.makeIterator()
        if let first = scalars.next() {
            add(first)
            if !SearchTokenizer.isHan(first), let second = scalars.next() { add(second) }
        }
        return Int(hash % UInt32(count))
    }

    /// Some of the files: the token shards and document chunks an edit touched, and `meta.js`.
    struct Selection {
        var shards: Set<Int>
        var chunks: Set<Int>
    }

    /// Every file to write, or those of `only`: (path relative to the language's `search/index/`, contents).
    /// - Parameter sortedTokens: the index's tokens, sorted, when the caller has them already.
    func files(only: Selection? = nil, sortedTokens: [String]? = nil) -> [(String, [UInt8])] {
        let n = shardCount
        // Each shard's entries, `"token":[doc delta,weight,…]` joined by commas, written as bytes
        // (string interpolation per posting took a third of writing the index).
        var shards = [[UInt8]](repeating: [], count: n)
        var tokens = sortedTokens ?? index.postings.keys.sorted()
        if let only { tokens = tokens.filter { only.shards.contains(Self.shard(of: $0, count: n)) } }
        for token in tokens {
            let s = Self.shard(of: token, count: n)
            if !shards[s].isEmpty { shards[s].append(UInt8(ascii: ",")) }
            JSONText.append(token, to: &shards[s])
            shards[s].append(contentsOf: ":[".utf8)
            var previous = 0
            var first = true
            for p in index.postings[token]! {
                if !first { shards[s].append(UInt8(ascii: ",")) }
                Self.appendDecimal(p.doc - previous, to: &shards[s])
                shards[s].append(UInt8(ascii: ","))
                Self.appendDecimal(p.weight, to: &shards[s])
                previous = p.doc
                first = false
            }
            shards[s].append(UInt8(ascii: "]"))
        }
        var out: [(String, [UInt8])] = []
        // Per document, for ranking before any document chunk is loaded: its kind's rank (one
        // digit) and its title's length in code points.
        let kinds = index.documents.map { String($0.kind.rank) }.joined()
        let lengths = index.documents.map { String($0.title.unicodeScalars.count) }.joined(separator: ",")
        out.append(("meta.js", Array(("HB_SEARCH.meta({\"shards\":\(n),\"chunk\":\(Self.chunkSize),\"docs\":\(index.documents.count),"
                    + "\"kinds\":\"\(kinds)\",\"titles\":[\(lengths)]});\n").utf8)))
        for (i, entries) in shards.enumerated() where only?.shards.contains(i) ?? true {
            var file = Array("HB_SEARCH.shard(\(i),{".utf8)
            file.reserveCapacity(file.count + entries.count + 4)
            file.append(contentsOf: entries)
            file.append(contentsOf: "});\n".utf8)
            out.append(("s\(i).js", file))
        }
        let docs = index.documents
        for chunk in stride(from: 0, to: docs.count, by: Self.chunkSize) where only?.chunks.contains(chunk / Self.chunkSize) ?? true {
            var file = Array("HB_SEARCH.docs(\(chunk / Self.chunkSize),[".utf8)
            for (i, d) in docs[chunk..<min(docs.count, chunk + Self.chunkSize)].enumerated() {
                file.append(contentsOf: (i == 0 ? "[" : ",\n[").utf8)
                for (j, field) in [d.kind.rawValue, page.link(to: d.route, fileLinks: fileLinks), d.title, d.excerpt].enumerated() {
                    if j > 0 { file.append(UInt8(ascii: ",")) }
                    JSONText.append(field, to: &file)
                }
                file.append(UInt8(ascii: "]"))
            }
            file.append(contentsOf: "]);\n".utf8)
            out.append(("d\(chunk / Self.chunkSize).js", file))
        }
        return out
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            appendDecimal(UInt(value.magnitude), to: &out)
        } else {
            appendDecimal(UInt(value), to: &out)
        }
    }

    private static func appendDecimal(_ value: UInt, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
