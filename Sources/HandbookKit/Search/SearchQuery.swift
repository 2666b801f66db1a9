/// A query as the index matches it: its tokens, the word that may match as a prefix, and the
/// units a document must cover to match the whole query (`search.js` builds the same).
struct SearchQuery {
    /// Tokens a document must hold to match (each at most once).
    var base: [String]
    /// Joined forms (codes as typed, Chinese phrases of three or more characters) that only help
    /// ranking (each at most once, none a base token).
    var derived: [String]
    /// The last base token, matched as a prefix too, unless the query ends with a space.
    var prefix: String?
    /// What a document must cover, each unit a list of tokens any of which covers it: a word, a
    /// lone Chinese character, or a character of a longer Chinese run with the pairs it is part
    /// of (`沙特电池`: 沙 by 沙特; 特 by 沙特 or 特电; 电 by 特电 or 电池; 池 by 电池).
    var units: [[String]]

    init(_ query: String) {
        let tokens = SearchTokenizer.tokens(query, hanTrigrams: true)
        var seen = Set<String>()
        base = tokens.filter { !$0.isDerived && seen.insert($0.text).inserted }.map(\.text)
        derived = tokens.filter { $0.isDerived && seen.insert($0.text).inserted }.map(\.text)
        prefix = query.last.map { !$0.isWhitespace } ?? false ? tokens.last(where: { !$0.isDerived })?.text : nil
        var units: [[String]] = []
        var seenRuns = Set<[Unicode.Scalar]>()
        for token in base where !token.unicodeScalars.contains(where: SearchTokenizer.isHan) {
            units.append([token])
        }
        var runs: [[Unicode.Scalar]] = []
        var run: [Unicode.Scalar] = []
        for scalar in query.unicodeScalars {
            if SearchTokenizer.isHan(scalar) {
                run.append(scalar)
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        if !run.isEmpty { runs.append(run) }
        for run in runs where seenRuns.insert(run).inserted {
            let pairs = zip(run, run.dropFirst()).map { String($0.0) + String($0.1) }
            if pairs.isEmpty {
                units.append([String(run[0])])
            } else {
                for i in run.indices {
                    units.append((i > 0 ? [pairs[i - 1]] : []) + (i < pairs.count ? [pairs[i]] : []))
                }
            }
        }
        self.units = units
    }
}
