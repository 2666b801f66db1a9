extension SearchIndex {
    /// What one document says of a token: its best field, and how often headings and body use it.
    struct TokenMarks {
        var field = 0, headings = 0, body = 0
        /// The least text weight (a synonym's phrase in the text).
        var textFloor = 0

        /// The token's weight: the field's weight plus the capped heading and body counts.
        var weight: Int {
            let text = min(headingCap, headings * headingWeight) + min(bodyCap, body * bodyWeight)
            return field + max(text, textFloor)
        }
    }

    /// One document's token weights: its token table as it is, or (for a document with two
    /// spellings of one text) a list merged by `String`.
    enum Weights: Sendable {
        case table(TokenTable<TokenMarks>)
        case merged([(token: String, weight: Int)])
    }

    /// Token weights of one document, each token once.
    static func weights(of d: SearchDocument, synonyms: [String: [String]]) -> [(token: String, weight: Int)] {
        switch weighed(d, synonyms: synonyms) {
        case .table(let table): zip(table.tokens, table.values).map { ($0, $1.weight) }
        case .merged(let list): list
        }
    }

    /// Token weights of one document, each token once, kept in its token table when it can be.
    static func weighed(_ d: SearchDocument, synonyms: [String: [String]]) -> Weights {
        var table = TokenTable<TokenMarks>(expected: d.body.utf8.count / 32)
        // No nested function here: one capturing `table` would make every update check access at run time.
        let fields = [(d.title, titleWeight)] + d.names.map { ($0, nameWeight) } + d.descriptions.map { ($0, descriptionWeight) }
            + [(d.summary, summaryWeight)]
        for (value, weight) in fields {
            SearchTokenizer.forEachTokenBytes(in: value, hanTrigrams: true) { token, _ in
                table.update(token, initial: TokenMarks()) { $0.field = max($0.field, weight) }
            }
        }
        for heading in d.headings {
            SearchTokenizer.forEachTokenBytes(in: heading) { token, _ in
                table.update(token, initial: TokenMarks()) { $0.headings += 1 }
            }
        }
        SearchTokenizer.forEachTokenBytes(in: d.body) { token, _ in
            table.update(token, initial: TokenMarks()) { $0.body += 1 }
        }
        if !synonyms.isEmpty {
            // A word standing for a phrase weighs as the best field holding the phrase; for a
            // phrase only in headings or body, as a body word at its cap.
            let levels = [([d.title], titleWeight), (d.names, nameWeight), (d.descriptions, descriptionWeight),
                          ([d.summary], summaryWeight)].map { ($0.0.joined(separator: " ").lowercased(), $0.1) }
            let inText = (d.headings.joined(separator: " ") + " " + d.body).lowercased()
            for (word, phrases) in synonyms {
                let lowered = phrases.map { $0.lowercased() }
                let field = levels.first { level in lowered.contains(where: level.0.contains) }?.1 ?? 0
                let text = field < descriptionWeight && lowered.contains(where: inText.contains)
                guard field > 0 || text else { continue }
                SearchTokenizer.forEachTokenBytes(in: word) { token, _ in
                    table.update(token, initial: TokenMarks()) {
                        $0.field = max($0.field, field)
                        if text { $0.textFloor = bodyCap }
                    }
                }
            }
        }
        return table.allTokens(isPlain) ? .table(table) : .merged(merged(table))
    }

    /// The table's tokens with their weights. Tokens are told apart by their bytes, so two
    /// spellings of one text (Hangul as a syllable or as its letters, a compatibility ideograph
    /// and the unified one it stands for) are counted apart; as `String`s they are one key, so
    /// their weights are added here. Tokens made of ASCII and unified Han ideographs only have
    /// one spelling among themselves (none of those characters decomposes or combines): a
    /// document with no other token, which is most of them, keeps its table as it is (hashing
    /// every Chinese pair as a `String` was a tenth of indexing a Chinese text).
    private static func merged(_ table: TokenTable<TokenMarks>) -> [(token: String, weight: Int)] {
        let tokens = table.tokens
        var list: [(token: String, weight: Int)] = []
        list.reserveCapacity(table.values.count)
        var others: [String: Int] = [:]
        for (token, marks) in zip(tokens, table.values) {
            if token.utf8.allSatisfy({ $0 < 0x80 }) {
                list.append((token, marks.weight))
            } else {
                others[token, default: 0] += marks.weight
            }
        }
        list += others.map { ($0.key, $0.value) }
        return list
    }

    /// True for a token of ASCII and unified Han ideographs (U+3400–U+4DBF, U+4E00–U+9FFF) only.
    static func isPlain(_ token: String) -> Bool {
        var copy = token
        return copy.withUTF8 { isPlain($0) }
    }

    /// `isPlain` of a token's UTF-8 bytes.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            // Both ranges are three-byte sequences: E3 90 80 (U+3400) to E4 B6 BF (U+4DBF), and
            // E4 B8 80 (U+4E00) to E9 BF BF (U+9FFF).
            guard b >= 0xE3, b <= 0xE9, i + 2 < bytes.count else { return false }
            let v = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            guard (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) else { return false }
            i += 3
        }
        return true
    }
}
