/// An inverted index over search documents: token → (document, weight). Built once per language,
/// written as shards for the browser, and queried here by the same rules as `search.js`.
///
/// A weight says in which field the token is: 300 the displayed title, 200 a name or code, 100 a
/// descriptive title, 50 the summary, 0 elsewhere; the rest (at most 35) counts headings and
/// body text.
public struct SearchIndex: Sendable {
    static let titleWeight = 300, nameWeight = 200, descriptionWeight = 100, summaryWeight = 50
    static let headingWeight = 10, headingCap = 30, bodyWeight = 1, bodyCap = 5
    /// A word in more documents than this keeps only its best-weighted ones (a word that common
    /// says little, and its list would cost readers a large download on a big handbook).
    static let maxPostings = 2_000

    public private(set) var documents: [SearchDocument]
    /// token → (document index, weight), by document index.
    public private(set) var postings: [String: [(doc: Int, weight: Int)]] = [:]
    /// The whole lists of tokens whose `postings` were cut to `maxPostings` (kept for `replace`).
    private(set) var uncut: [String: [(doc: Int, weight: Int)]] = [:]
    /// True when `documents` keep their whole text (else only what the index files show, and
    /// `replace` finds a document's old words in the postings).
    private(set) var keepsText = true
    /// While documents are added: the postings by the tokens' bytes, so a token seen in many
    /// documents is hashed as a `String` once, in `finish` (merging by `String` each token of
    /// each document was a fifth of the index's time).
    private var growing = TokenTable<[(doc: Int, weight: Int)]>(expected: 1 << 14)
    private(set) var synonyms: [String: [String]]

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
        index.keepsText = keepText
        return index
    }

    /// An index as stored (`SearchIndex+Store`): documents as shown, postings with the whole lists
    /// of the most common words in `uncut`.
    init(documents: [SearchDocument], postings: [String: [(doc: Int, weight: Int)]],
         uncut: [String: [(doc: Int, weight: Int)]], synonyms: [String: [String]] = [:]) {
        self.documents = documents
        self.postings = postings
        self.uncut = uncut
        self.synonyms = synonyms
        keepsText = false
    }

    /// The same index, reading `synonyms` when documents are replaced.
    func with(synonyms: [String: [String]]) -> SearchIndex {
        var index = self
        index.synonyms = synonyms
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
    static func cut(_ list: [(doc: Int, weight: Int)]) -> [(doc: Int, weight: Int)] {
        let kept = list.sorted { ($0.weight, -$0.doc) > ($1.weight, -$1.doc) }.prefix(Self.maxPostings)
        return kept.sorted { $0.doc < $1.doc }
    }

    /// Replaces document `i` (same place in the list) and updates the postings as a new index of
    /// the changed documents would have them. Returns the tokens whose postings changed.
    mutating func replace(_ i: Int, with d: SearchDocument) -> Set<String> {
        replace([(i, d)])
    }

    /// Replaces several documents at once (see `replace(_:with:)`). When the documents do not keep
    /// their text, their old words are read from the postings, in one pass for all of them.
    mutating func replace(_ replacements: [(Int, SearchDocument)]) -> Set<String> {
        var olds: [Int: [String: Int]] = [:]
        if keepsText {
            for (i, _) in replacements {
                olds[i] = Dictionary(uniqueKeysWithValues: Self.weights(of: documents[i], synonyms: synonyms).map { ($0.token, $0.weight) })
            }
        } else {
            let wanted = Set(replacements.map(\.0))
            for i in wanted { olds[i] = [:] }
            for (token, cut) in postings {
                for p in uncut[token] ?? cut where wanted.contains(p.doc) { olds[p.doc]![token] = p.weight }
            }
        }
        var changed = Set<String>()
        for (i, d) in replacements {
            let old = olds[i] ?? [:]
            let new = Dictionary(uniqueKeysWithValues: Self.weights(of: d, synonyms: synonyms).map { ($0.token, $0.weight) })
            documents[i] = keepsText ? d : d.shown
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
        }
        return changed
    }

    /// Prefix matching needs two letters or digits, or one Han character.
    static func allowsPrefix(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first else { return false }
        return SearchTokenizer.isHan(first) || token.unicodeScalars.count >= 2
    }
}
