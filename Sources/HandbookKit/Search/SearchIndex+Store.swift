/// The search index as a build keeps it in its output folder (`.handbook-search-<language>`), so
/// a build in place can change a few documents instead of indexing every page again: documents as
/// the index files show them, and each word's whole list of (document, weight).
extension SearchIndex {
    /// The first bytes of a stored index; another format is not read.
    static let storeHeader = Array("handbook-search 1\n".utf8)

    /// The index as bytes.
    /// - Parameter sortedTokens: the index's tokens, sorted, when the caller has them already.
    func stored(sortedTokens: [String]? = nil) -> [UInt8] {
        var out = ByteWriter(header: Self.storeHeader)
        out.number(documents.count)
        for d in documents {
            out.number(d.kind.rank)
            out.text(d.route.path)
            out.text(d.title)
            out.text(d.excerpt)
        }
        out.number(postings.count)
        for token in sortedTokens ?? postings.keys.sorted() {
            out.text(token)
            let list = uncut[token] ?? postings[token]!
            out.number(list.count)
            var previous = 0
            for p in list {
                out.number(p.doc - previous)
                out.number(p.weight)
                previous = p.doc
            }
        }
        return out.bytes
    }

    /// The index stored in `bytes` (without synonyms: see `with(synonyms:)`); nil when they are
    /// not a whole stored index.
    static func restore(_ bytes: [UInt8]) -> SearchIndex? {
        bytes.withUnsafeBufferPointer { buffer -> SearchIndex? in
            guard var input = ByteReader(buffer, header: storeHeader), let count = input.number(), count >= 0 else { return nil }
            var documents: [SearchDocument] = []
            documents.reserveCapacity(count)
            for _ in 0..<count {
                guard let rank = input.number(below: SearchDocument.Kind.allCases.count),
                      let route = input.text(), let title = input.text(), let excerpt = input.text() else { return nil }
                documents.append(SearchDocument(kind: SearchDocument.Kind.allCases[rank], route: Route(route), title: title,
                                                names: [], headings: [], body: "", excerpt: excerpt))
            }
            guard let tokens = input.number(), tokens >= 0 else { return nil }
            var postings: [String: [(doc: Int, weight: Int)]] = [:], uncut: [String: [(doc: Int, weight: Int)]] = [:]
            postings.reserveCapacity(tokens)
            for _ in 0..<tokens {
                guard let token = input.text(), let n = input.number(), n >= 0 else { return nil }
                var list: [(doc: Int, weight: Int)] = []
                list.reserveCapacity(n)
                var doc = 0
                for _ in 0..<n {
                    guard let delta = input.number(), let weight = input.number() else { return nil }
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
            guard input.isAtEnd else { return nil }
            return SearchIndex(documents: documents, postings: postings, uncut: uncut)
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
