/// "Did you mean …" suggestions by edit distance.
enum Suggestions {
    /// The closest candidate to `word` within a distance that makes sense for its length.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3 + 1))
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased(), limit: limit)
            if d <= limit, best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// The same suggestion in both languages: ` (did you mean 'x'?)` / `（是不是“x”？）`, or nothing.
    static func suggestion(_ word: String, in candidates: some Sequence<String>) -> Phrase {
        let list = ties(word, in: candidates)
        guard !list.isEmpty else { return .empty }
        func joined(_ open: String, _ close: String, _ or: String, _ comma: String) -> String {
            let quoted = list.map { open + $0 + close }
            return quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: comma) + or + quoted.last!
        }
        return Phrase(en: " (did you mean \(joined("'", "'", " or ", ", "))?)",
                      zh: "（是不是\(joined("“", "”", "或", "、"))？）")
    }

    /// The closest candidates, equally close, at most three, sorted.
    static func ties(_ word: String, in candidates: some Sequence<String>) -> [String] {
        guard let best = closest(to: word, in: candidates) else { return [] }
        let limit = max(1, min(3, word.count / 3 + 1))
        let d = distance(word.lowercased(), best.lowercased(), limit: limit)
        return Array(Set(candidates).filter { distance(word.lowercased(), $0.lowercased(), limit: limit) == d }.sorted().prefix(3))
    }

    /// Edit distance counting a swap of two neighbours as one edit (optimal string alignment),
    /// or `limit + 1` when the lengths alone rule it out.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
