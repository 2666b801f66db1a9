/// The search index as a build keeps it in its output folder (`.handbook-search-<language>`), so
/// a build in place can change a few documents instead of indexing every page again: documents as
/// the index files show them, and each word's whole list of (document, weight).
extension SearchIndex {
    /// The first bytes of a stored index; another format is not read.
    static let storeHeader = Array("handbook-search 1\n".utf8)

    /// The index as bytes.
    func stored() -> [UInt8] {
        var out = Self.storeHeader
        func number(_ n: Int) {
            var n = UInt(bitPattern: n)
            while n >= 0x80 {
                out.append(UInt8(n & 0x7F) | 0x80)
                n >>= 7
            }
            out.append(UInt8(n))
        }
        func text(_ s: String) {
            number(s.utf8.count)
            out.append(contentsOf: s.utf8)
        }
        number(documents.count)
        for d in documents {
            number(d.kind.rank)
            text(d.route.path)
            text(d.title)
            text(d.excerpt)
        }
        number(postings.count)
        for (token, cut) in postings.sorted(by: { $0.key < $1.key }) {
            text(token)
            let list = uncut[token] ?? cut
            number(list.count)
            var previous = 0
            for p in list {
                number(p.doc - previous)
                number(p.weight)
                previous = p.doc
            }
        }
        return out
    }

    /// The index stored in `bytes`; nil when they are not a whole stored index.
    static func restore(_ bytes: [UInt8], synonyms: [String: [String]]) -> SearchIndex? {
        guard bytes.starts(with: storeHeader) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> SearchIndex? in
            var at = storeHeader.count
            func number() -> Int? {
                var n: UInt = 0, shift: UInt = 0
                while at < buffer.count, shift < 64 {
                    let b = buffer[at]
                    at += 1
                    n |= UInt(b & 0x7F) << shift
                    if b < 0x80 { return Int(bitPattern: n) }
                    shift += 7
                }
                return nil
            }
            func text() -> String? {
                guard let n = number(), n >= 0, at + n <= buffer.count else { return nil }
                defer { at += n }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[at..<at + n]), as: UTF8.self)
            }
            guard let count = number(), count >= 0 else { return nil }
            var documents: [SearchDocument] = []
            documents.reserveCapacity(count)
            for _ in 0..<count {
                guard let rank = number(), SearchDocument.Kind.allCases.indices.contains(rank),
                      let route = text(), let title = text(), let excerpt = text() else { return nil }
                documents.append(SearchDocument(kind: SearchDocument.Kind.allCases[rank], route: Route(route), title: title,
                                                names: [], headings: [], body: "", excerpt: excerpt))
            }
            guard let tokens = number(), tokens >= 0 else { return nil }
            var postings: [String: [(doc: Int, weight: Int)]] = [:], uncut: [String: [(doc: Int, weight: Int)]] = [:]
            postings.reserveCapacity(tokens)
            for _ in 0..<tokens {
                guard let token = text(), let n = number(), n >= 0 else { return nil }
                var list: [(doc: Int, weight: Int)] = []
                list.reserveCapacity(n)
                var doc = 0
                for _ in 0..<n {
                    guard let delta = number(), let weight = number() else { return nil }
                    doc += delta
                    guard doc < count else { return nil }
                    list.append((doc, weight))
                }
                if n > maxPostings {
                    uncut[token] = list
                    postings[token] = cut(list)
                } else {
                    postings[token] = list
                }
            }
            guard at == buffer.count else { return nil }
            return SearchIndex(documents: documents, postings: postings, uncut: uncut, synonyms: synonyms)
        }
    }
}

extension SearchIndex {
    /// Puts `docs` in place of the documents with the same routes (the others stay) and says which
    /// index files at `page` that changed: the shards and chunks to write again, and the shard
    /// files no longer written. Nil when no document changed. The preview and the build in place
    /// both update their indexes this way.
    mutating func replacing(_ docs: [SearchDocument], page: Route, fileLinks: Bool) -> (only: SearchShards.Selection, gone: [String])? {
        var position: [Route: Int] = [:]
        for (i, d) in documents.enumerated() { position[d.route] = i }
        let shardsBefore = SearchShards(index: self, page: page, fileLinks: fileLinks).shardCount
        let replacements = docs.compactMap { d in position[d.route].flatMap { documents[$0] != d ? ($0, d) : nil } }
        if replacements.isEmpty { return nil }
        let tokens = replace(replacements)
        let n = SearchShards(index: self, page: page, fileLinks: fileLinks).shardCount
        let only = SearchShards.Selection(
            shards: n == shardsBefore ? Set(tokens.map { SearchShards.shard(of: $0, count: n) }) : Set(0..<n),
            chunks: Set(replacements.map { $0.0 / SearchShards.chunkSize }))
        return (only, (n..<max(n, shardsBefore)).map { page.path + "index/s\($0).js" })
    }
}
