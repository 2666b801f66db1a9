/// An inverted index over search documents: token → (document, weight). Built once per language,
/// written as shards for the browser, and queried here by the same rules as `search.js`.
public struct SearchIndex: Sendable {
    /// Weight of a token in a title or name, a heading, and (per occurrence, capped) the body.
    static let titleWeight = 100, headingWeight = 10, bodyWeight = 1, bodyCap = 5

    public let documents: [SearchDocument]
    /// token → flat list of (document index, weight), by document index.
    public private(set) var postings: [String: [(doc: Int, weight: Int)]] = [:]

    /// Indexes `documents`; `synonyms` maps a word readers type to the phrases it stands for
    /// (`ess` → `energy storage`): a document with the phrase is also found by the word.
    public init(_ documents: [SearchDocument], synonyms: [String: [String]] = [:]) {
        self.documents = documents
        let perDocument = documents.parallelMap { Self.weights(of: $0, synonyms: synonyms) }
        var postings: [String: [(doc: Int, weight: Int)]] = [:]
        for (i, weights) in perDocument.enumerated() {
            for (token, weight) in weights { postings[token, default: []].append((i, weight)) }
        }
        self.postings = postings
    }

    /// Token weights of one document.
    static func weights(of d: SearchDocument, synonyms: [String: [String]]) -> [String: Int] {
        var title: [String: Int] = [:], other: [String: Int] = [:]
        func add(_ text: String, weight: Int, cap: Int, into map: inout [String: Int]) {
            for token in SearchTokenizer.tokens(text) { map[token.text] = min(cap, (map[token.text] ?? 0) + weight) }
        }
        for text in [d.title] + d.names { add(text, weight: titleWeight, cap: titleWeight, into: &title) }
        for text in d.headings { add(text, weight: headingWeight, cap: headingWeight * 3, into: &other) }
        add(d.body, weight: bodyWeight, cap: bodyCap, into: &other)
        var out = other.merging(title) { a, b in a + b }
        if !synonyms.isEmpty {
            let inTitle = ([d.title] + d.names).joined(separator: " ").lowercased()
            let inBody = (d.headings.joined(separator: " ") + " " + d.body).lowercased()
            for (word, phrases) in synonyms {
                let weight = phrases.contains { inTitle.contains($0.lowercased()) } ? titleWeight
                    : phrases.contains { inBody.contains($0.lowercased()) } ? bodyCap : 0
                guard weight > 0 else { continue }
                for token in SearchTokenizer.tokens(word) { out[token.text] = max(out[token.text] ?? 0, weight) }
            }
        }
        return out
    }

    /// The documents matching `query`, best first (the ranking `search.js` uses):
    /// most query words matched, then total weight, then kind (markets and products first), then
    /// shorter titles. The last word also matches as a prefix (at half weight) unless the query
    /// ends with a space.
    public func search(_ query: String, limit: Int = 50) -> [Int] {
        let tokens = SearchTokenizer.tokens(query)
        let base = Array(Set(tokens.filter { !$0.isDerived }.map(\.text)))
        guard !base.isEmpty else { return [] }
        let derived = Set(tokens.filter(\.isDerived).map(\.text)).subtracting(base)
        let prefix = query.last.map { !$0.isWhitespace } ?? false ? tokens.last(where: { !$0.isDerived })?.text : nil
        var matched: [Int: Int] = [:], score: [Int: Int] = [:]
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
            }
        }
        for token in derived {
            for p in postings[token] ?? [] where matched[p.doc] != nil { score[p.doc, default: 0] += p.weight }
        }
        let ranked = matched.keys.sorted { a, b in
            if matched[a]! != matched[b]! { return matched[a]! > matched[b]! }
            if score[a]! != score[b]! { return score[a]! > score[b]! }
            let ka = documents[a].kind.rank, kb = documents[b].kind.rank
            if ka != kb { return ka < kb }
            let la = documents[a].title.unicodeScalars.count, lb = documents[b].title.unicodeScalars.count
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
