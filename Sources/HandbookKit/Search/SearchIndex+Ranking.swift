extension SearchIndex {
    /// The documents matching `query`, best first (the ranking `search.js` mirrors). The query's
    /// units are its words and, in a run of Chinese characters, each character (covered by either
    /// pair it is part of, so `沙特电池` is covered by `沙特` and `电池` without `特电`; see
    /// `SearchQuery`). Documents are ordered by:
    /// 1. most units matched anywhere, so documents matching all of them come first;
    /// 2. all units matched in the title, a name or a descriptive title (a product's opening
    ///    sentence of what it covers is one);
    /// 3. most joined forms matched in a field (a code as typed, a Chinese phrase of three or
    ///    more characters rather than its pairs apart);
    /// 4. most units matched in any field (title, name, descriptive title, summary);
    /// 5. for documents matching all units in those fields (2.): the kind (markets and products
    ///    before the requirements, standards and pages that name them), then the better fields,
    ///    then the shorter title (the more specific page);
    /// 6. otherwise, or on a tie, the better fields, total weight, kind and title length.
    /// The last word also matches as a prefix (at half weight) unless the query ends with a space.
    public func search(_ query: String, limit: Int = 50) -> [Int] {
        Array(results(query).documents.prefix(limit))
    }

    /// Every document matching `query`, best first as `search` ranks them, and how many of them
    /// (the first ones) match every unit of the query.
    public func results(_ query: String) -> (documents: [Int], complete: Int) {
        let q = SearchQuery(query)
        guard !q.units.isEmpty else { return ([], 0) }
        // The best weight of each base token in each document.
        var best: [String: [Int: Int]] = [:]
        var matches: [Int: Match] = [:]
        for token in q.base {
            var weights: [Int: Int] = [:]
            for p in postings[token] ?? [] { weights[p.doc] = max(weights[p.doc] ?? 0, p.weight) }
            if token == q.prefix, Self.allowsPrefix(token) {
                let length = token.unicodeScalars.count
                for (key, list) in postings where key.unicodeScalars.count > length && key.hasPrefix(token) {
                    for p in list { weights[p.doc] = max(weights[p.doc] ?? 0, p.weight / 2) }
                }
            }
            best[token] = weights
            for (doc, weight) in weights {
                matches[doc, default: Match(doc: doc, kind: documents[doc].kind.rank,
                                            titleLength: documents[doc].title.unicodeScalars.count)].score += weight
            }
        }
        var strong: [Int: Int] = [:]
        for unit in q.units {
            var unitBest: [Int: Int] = [:]
            for token in unit {
                for (doc, weight) in best[token] ?? [:] { unitBest[doc] = max(unitBest[doc] ?? 0, weight) }
            }
            for (doc, weight) in unitBest {
                matches[doc]!.covered += 1
                matches[doc]!.levels += Self.level(weight)
                if weight >= Self.descriptionWeight { strong[doc, default: 0] += 1 }
                if weight >= Self.summaryWeight { matches[doc]!.inFields += 1 }
            }
        }
        for (doc, count) in strong where count == q.units.count { matches[doc]!.allInFields = true }
        for token in q.derived {
            for p in postings[token] ?? [] where matches[p.doc] != nil {
                matches[p.doc]!.score += p.weight
                if p.weight >= Self.summaryWeight { matches[p.doc]!.phrases += 1 }
            }
        }
        let ranked = matches.values.sorted(by: Match.isBetter)
        return (ranked.map(\.doc), ranked.prefix { $0.covered == q.units.count }.count)
    }

    /// What a document matched of a query, for ranking.
    struct Match {
        let doc: Int
        /// The kind's rank and the title's length in code points.
        let kind: Int, titleLength: Int
        /// Units matched anywhere, and in any field (summary or better).
        var covered = 0, inFields = 0
        /// Whether every unit is in the title, a name or a descriptive title.
        var allInFields = false
        /// Joined forms matched in a field.
        var phrases = 0
        /// The units' fields added up (`level`), and the weights of all matched tokens added up.
        var levels = 0, score = 0

        init(doc: Int, kind: Int, titleLength: Int) {
            self.doc = doc
            self.kind = kind
            self.titleLength = titleLength
        }

        /// The ranking of `SearchIndex.search`.
        static func isBetter(_ a: Match, than b: Match) -> Bool {
            if a.covered != b.covered { return a.covered > b.covered }
            if a.allInFields != b.allInFields { return a.allInFields }
            if a.phrases != b.phrases { return a.phrases > b.phrases }
            if a.inFields != b.inFields { return a.inFields > b.inFields }
            if a.allInFields {
                if a.kind != b.kind { return a.kind < b.kind }
                if a.levels != b.levels { return a.levels > b.levels }
                if a.titleLength != b.titleLength { return a.titleLength < b.titleLength }
            }
            if a.levels != b.levels { return a.levels > b.levels }
            if a.score != b.score { return a.score > b.score }
            if a.kind != b.kind { return a.kind < b.kind }
            if a.titleLength != b.titleLength { return a.titleLength < b.titleLength }
            return a.doc < b.doc
        }
    }

    /// The field a weight says a token is in: 4 the title, 3 a name, 2 a descriptive title, 1 the
    /// summary, 0 none.
    static func level(_ weight: Int) -> Int {
        weight >= titleWeight ? 4 : weight >= nameWeight ? 3 : weight >= descriptionWeight ? 2 : weight >= summaryWeight ? 1 : 0
    }
}
