import Testing
@testable import HandbookKit

/// Recall over the bundled handbook: every market, product and standard is found in the top five
/// results by its names and codes, in both languages' indexes.
@Suite("Search recall on Content/")
struct SearchRecallTests {
    static let handbook = BundledContentTests.loaded.0!
    static let indexes: [String: SearchIndex] = Dictionary(uniqueKeysWithValues: handbook.config.languages.map {
        ($0, SearchIndex(SearchDocuments.collect(handbook, language: $0), synonyms: handbook.config.searchSynonyms))
    })

    /// The 2–4 character substrings of the runs of Chinese characters in a name.
    static func substrings(_ name: String) -> [String] {
        var out = Set<String>()
        for run in name.split(whereSeparator: { !$0.unicodeScalars.allSatisfy(SearchTokenizer.isHan) }) {
            let chars = Array(run)
            for length in 2...4 where chars.count >= length {
                for start in 0...(chars.count - length) { out.insert(String(chars[start..<(start + length)])) }
            }
        }
        return out.sorted()
    }

    /// Checks that `query` finds `route` in the top five of `language`'s index; returns a failure text.
    static func found(_ query: String, _ route: Route, in language: String) -> String? {
        let index = indexes[language]!
        let top = index.search(query, limit: 5).map { index.documents[$0].route }
        return top.contains(route) ? nil : "'\(query)' (\(language)) does not find \(route.path) in the top 5"
    }

    /// How many searchable pages of the same kind or a kind ranked before it (markets, then
    /// products, …) have `text` in their title, names or descriptive titles: a substring shared by more than five of
    /// them cannot put each of them in a top five, so such queries are not asked.
    static func nameCount(_ text: String, kind: SearchDocument.Kind) -> Int {
        indexes["zh"]!.documents.filter { d in
            d.kind.rank <= kind.rank && ([d.title] + d.names + d.descriptions).contains { $0.contains(text) }
        }.count
    }

    @Test func marketsAreFoundByEveryPartOfTheirNameAndTheirISOCode() {
        var failures: [String] = []
        var queries = 0
        for m in Self.handbook.markets {
            for l in ["zh", "en"] {
                let route = Routes.market(l, m.id)
                for q in Self.substrings(m.name.text("zh")) where Self.nameCount(q, kind: .market) <= 5 {
                    queries += 1
                    if let f = Self.found(q, route, in: l) { failures.append(f) }
                }
                for q in [m.name.text("en"), m.iso] {
                    queries += 1
                    if let f = Self.found(q, route, in: l) { failures.append(f) }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(queries) queries failed:\n\(failures.joined(separator: "\n"))")
        #expect(queries > 200)
    }

    @Test func productsAreFoundByTheirNamesAndHSCodes() {
        var failures: [String] = []
        for p in Self.handbook.products {
            for l in ["zh", "en"] {
                let route = Routes.product(l, p.id)
                var queries = Self.substrings(p.name.text("zh")).filter { Self.nameCount($0, kind: .product) <= 5 }
                queries += [p.name.text("en")]
                for q in queries {
                    if let f = Self.found(q, route, in: l) { failures.append(f) }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func standardsAreFoundByTheirCodeAndTitle() {
        var failures: [String] = []
        for s in Self.handbook.standards {
            for l in ["zh", "en"] {
                let route = Routes.standard(l, s.id)
                var queries = [s.code, s.title.text(l)]
                // A word with synonyms (印尼 → 印度尼西亚) asks for more than the title: it is not a recall query.
                let synonyms = Set(Self.handbook.config.searchSynonyms.keys.map { $0.lowercased() })
                queries += Self.substrings(s.title.text("zh")).filter {
                    Self.nameCount($0, kind: .standard) <= 5 && !synonyms.contains($0.lowercased())
                }
                for q in queries {
                    if let f = Self.found(q, route, in: l) { failures.append(f) }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

