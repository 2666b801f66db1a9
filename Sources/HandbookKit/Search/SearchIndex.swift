/// An inverted index over search documents: token → (document, weight). Built once per language,
/// written as shards for the browser, and queried here by the same rules as `search.js`.
///
/// A weight's hundreds say in which field the token is (3 the displayed title, 2 a name or code,
/// 1 a descriptive title, 0 elsewhere); the rest (at most 35) counts headings and body text.
public struct SearchIndex: Sendable {
    static let titleWeight = 300, nameWeight = 200, descriptionWeight = 100
    static let headingWeight = 10, headingCap = 30, bodyWeight = 1, bodyCap = 5
    /// A word in more documents than this keeps only its best-weighted ones (a word that common
    /// says little, and its list would cost readers a large download on a big handbook).
    static let maxPostings = 2_000

    public private(set) var documents: [SearchDocument]
    /// token → (document index, weight), by document index.
    public private(set) var postings: [String: [(doc: Int, weight: Int)]] = [:]
    /// The whole lists of tokens whose `postings` were cut to `maxPostings` (kept for `replace`).
    private var uncut: [String: [(doc: Int, weight: Int)]] = [:]
    /// While documents are added: the postings by the tokens' bytes, so a token seen in many
    /// documents is hashed as a `String` once, in `finish` (merging by `String` each token of
    /// each document was a fifth of the index's time).
    private var growing = TokenTable<[(doc: Int, weight: Int)]>(expected: 1 << 14)
    let synonyms: [String: [String]]

    /// Indexes `documents`; `synonyms` maps a word readers type to the phrases it stands for
    /// (`ess` → `energy storage`): a document with the phrase is also found by the word.
    public init(_ documents: [SearchDocument], synonyms: [String: [String]] = [:]) {
        self.init(synonyms: synonyms)
        append(documents.parallelMap { ($0, Self.weighed($0, synonyms: synonyms)) })
        finish()
    }

    /// The search index of `h` in language `l`, built in batches so the documents' text is never
    /// all in memory at once. Without `keepText`, documents keep only what the index files show
    /// (kind, route, title, excerpt): enough to write the index, not to `replace` documents.
    static func build(_ h: Handbook, language l: String, keepText: Bool, timer: StageTimer? = nil) -> SearchIndex {
        let synonyms = h.config.searchSynonyms
        let c = SearchDocuments(h, language: l)
        var index = SearchIndex(synonyms: synonyms)
        let weigh: @Sendable (SearchDocument) -> (SearchDocument, Weights) = { d in
            let weights = timed(timer, "search: tokens and weights") { Self.weighed(d, synonyms: synonyms) }
            return (keepText ? d : d.shown, weights)
        }
        let page: @Sendable (FreePage) -> SearchDocument = { p in timed(timer, "search: page text") { c.page(p) } }
        index.append(c.tables().parallelMap(weigh))
        for start in stride(from: 0, to: h.pages.count, by: Self.batch) {
            let batch = h.pages[start..<min(h.pages.count, start + Self.batch)].map { $0 }.parallelMap { weigh(page($0)) }
            timed(timer, "search: merge into the index") { index.append(batch) }
        }
        index.finish()
        return index
    }

    /// Free pages indexed at a time by `build`.
    static let batch = 512

    private init(synonyms: [String: [String]]) {
        documents = []
        self.synonyms = synonyms
    }

    /// Adds documents, with their token weights, at the end.
    private mutating func append(_ weighed: [(SearchDocument, Weights)]) {
        for (d, weights) in weighed {
            let i = documents.count
            documents.append(d)
            switch weights {
            case .table(let table):
                table.forEach { token, hash, marks in
                    growing.update(token, hash: hash, initial: []) { $0.append((i, marks.weight)) }
                }
            case .merged(let list):
                for (token, weight) in list {
                    var token = token
                    token.withUTF8 { bytes in growing.update(bytes, initial: []) { $0.append((i, weight)) } }
                }
            }
        }
    }

    /// Makes `postings` (merging the lists of two spellings of one text, which are one `String`),
    /// and cuts the lists of the most common words (keeping them whole in `uncut`).
    private mutating func finish() {
        postings.reserveCapacity(growing.count)
        let tokens = growing.tokens
        for (token, list) in zip(tokens, growing.values) {
            if let other = postings[token] {
                postings[token] = (other + list).sorted { $0.doc < $1.doc }
            } else {
                postings[token] = list
            }
        }
        growing = TokenTable(expected: 0)
        for (token, list) in postings where list.count > Self.maxPostings {
            uncut[token] = list
            postings[token] = Self.cut(list)
        }
    }

    /// The best-weighted `maxPostings` of a list, in document order.
    private static func cut(_ list: [(doc: Int, weight: Int)]) -> [(doc: Int, weight: Int)] {
        let kept = list.sorted { ($0.weight, -$0.doc) > ($1.weight, -$1.doc) }.prefix(Self.maxPostings)
        return kept.sorted { $0.doc < $1.doc }
    }

    /// Replaces document `i` (same place in the list) and updates the postings as a new index of
    /// the changed documents would have them. Returns the tokens whose postings changed.
    mutating func replace(_ i: Int, with d: SearchDocument) -> Set<String> {
        let old = Dictionary(uniqueKeysWithValues: Self.weights(of: documents[i], synonyms: synonyms).map { ($0.token, $0.weight) })
        let new = Dictionary(uniqueKeysWithValues: Self.weights(of: d, synonyms: synonyms).map { ($0.token, $0.weight) })
        documents[i] = d
        var changed = Set<String>()
        for token in Set(old.keys).union(new.keys) where old[token] != new[token] {
            changed.insert(token)
            var list = uncut[token] ?? postings[token] ?? []
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid].doc < i { lo = mid + 1 } else { hi = mid }
            }
            if lo < list.count, list[lo].doc == i { list.remove(at: lo) }
            if let w = new[token] { list.insert((i, w), at: lo) }
            if list.count > Self.maxPostings {
                uncut[token] = list
                postings[token] = Self.cut(list)
            } else {
                uncut[token] = nil
                postings[token] = list.isEmpty ? nil : list
            }
        }
        return changed
    }

    /// The documents matching `query`, best first (the ranking `search.js` mirrors):
    /// 1. most query words matched anywhere;
    /// 2. most joined forms matched in a title, name or descriptive title (a code as typed, a
    ///    Chinese phrase of three or more characters rather than its pairs apart);
    /// 3. most query words matched in those fields;
    /// 4. when some are, the kind (markets and products before the requirements, standards and
    ///    pages that name them), then the better field (title, name, description), then the shorter
    ///    title (the more specific page);
    /// 5. otherwise, or on a tie, total weight, kind and title length.
    /// The last word also matches as a prefix (at half weight) unless the query ends with a space.
    public func search(_ query: String, limit: Int = 50) -> [Int] {
        let tokens = SearchTokenizer.tokens(query, hanTrigrams: true)
        let base = Array(Set(tokens.filter { !$0.isDerived }.map(\.text)))
        guard !base.isEmpty else { return [] }
        let derived = Set(tokens.filter(\.isDerived).map(\.text)).subtracting(base)
        let prefix = query.last.map { !$0.isWhitespace } ?? false ? tokens.last(where: { !$0.isDerived })?.text : nil
        var matched: [Int: Int] = [:], score: [Int: Int] = [:], inFields: [Int: Int] = [:], fields: [Int: Int] = [:]
        var phrase: [Int: Int] = [:]
        for token in base {
            var best: [Int: Int] = [:]
            for p in postings[token] ?? [] { best[p.doc] = max(best[p.doc] ?? 0, p.weight) }
            if token == prefix, Self.allowsPrefix(token) {
                let length = token.unicodeScalars.count
                for (key, list) in postings where key.unicodeScalars.count > length && key.hasPrefix(token) {
                    for p in list { best[p.doc] = max(best[p.doc] ?? 0, p.weight / 2) }
                }
            }
            for (doc, weight) in best {
                matched[doc, default: 0] += 1
                score[doc, default: 0] += weight
                fields[doc, default: 0] += weight / 100
                if weight >= Self.descriptionWeight { inFields[doc, default: 0] += 1 }
            }
        }
        for token in derived {
            for p in postings[token] ?? [] where matched[p.doc] != nil {
                score[p.doc, default: 0] += p.weight
                if p.weight >= Self.descriptionWeight { phrase[p.doc, default: 0] += 1 }
            }
        }
        let ranked = matched.keys.sorted { a, b in
            if matched[a]! != matched[b]! { return matched[a]! > matched[b]! }
            let pa = phrase[a] ?? 0, pb = phrase[b] ?? 0
            if pa != pb { return pa > pb }
            let ia = inFields[a] ?? 0, ib = inFields[b] ?? 0
            if ia != ib { return ia > ib }
            let ka = documents[a].kind.rank, kb = documents[b].kind.rank
            let la = documents[a].title.unicodeScalars.count, lb = documents[b].title.unicodeScalars.count
            if ia > 0 {
                if ka != kb { return ka < kb }
                if fields[a]! != fields[b]! { return fields[a]! > fields[b]! }
                if la != lb { return la < lb }
            }
            if score[a]! != score[b]! { return score[a]! > score[b]! }
            if ka != kb { return ka < kb }
            if la != lb { return la < lb }
            return a < b
        }
        return Array(ranked.prefix(limit))
    }

    /// Prefix matching needs two letters or digits, or one Han character.
    static func allowsPrefix(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first else { return false }
        return SearchTokenizer.isHan(first) || token.unicodeScalars.count >= 2
    }
}
