import Testing
@testable import HandbookKit

@Suite("SearchShards")
struct SearchShardsTests {
    func doc(_ title: String, body: String = "", excerpt: String = "") -> SearchDocument {
        SearchDocument(kind: .page, route: Route("en/\(title.lowercased())/"), title: title, names: [], headings: [],
                       body: body, excerpt: excerpt)
    }

    /// The shard of a token hashes its first Han character, or its first two other characters.
    @Test func shardHashesTheTokensFirstCharacters() {
        func fnv(_ key: String) -> UInt32 {
            key.utf8.reduce(0x811C_9DC5) { ($0 ^ UInt32($1)) &* 0x0100_0193 }
        }
        for (token, key) in [("battery", "ba"), ("b", "b"), ("", ""), ("沙特", "沙"), ("é沙", "é沙"), ("62133-2", "62")] {
            #expect(SearchShards.shard(of: token, count: 7) == Int(fnv(key) % 7), "\(token)")
            #expect(SearchShards.shard(of: token, count: 256) == Int(fnv(key) % 256), "\(token)")
        }
    }

    /// Every file, byte for byte: postings as document deltas and weights in token order, the
    /// documents' rows with their fields escaped for a script.
    @Test func filesHoldEveryPostingAndDocument() {
        let index = SearchIndex([doc("Alpha", body: "cell"), doc("Beta", body: "cell", excerpt: "a <b> & \"c\"")])
        let files = Dictionary(uniqueKeysWithValues: SearchShards(index: index, page: Route("en/search/"), fileLinks: false)
            .files().map { ($0.0, String(decoding: $0.1, as: UTF8.self)) })
        #expect(files.keys.sorted() == ["d0.js", "meta.js", "s0.js"])
        var expected = ""
        for token in index.postings.keys.sorted() {
            var previous = 0
            let list = index.postings[token]!.map { p -> String in
                defer { previous = p.doc }
                return "\(p.doc - previous),\(p.weight)"
            }
            expected += (expected.isEmpty ? "" : ",") + "\"\(token)\":[" + list.joined(separator: ",") + "]"
        }
        #expect(index.postings["cell"]?.map(\.doc) == [0, 1])
        #expect(files["s0.js"] == "HB_SEARCH.shard(0,{" + expected + "});\n")
        #expect(files["meta.js"] == "HB_SEARCH.meta({\"shards\":1,\"chunk\":50,\"docs\":2,\"kinds\":\"66\",\"titles\":[5,4]});\n")
        #expect(files["d0.js"] == """
            HB_SEARCH.docs(0,[["page","../alpha/","Alpha",""],
            ["page","../beta/","Beta","a \\u003cb\\u003e \\u0026 \\"c\\""]]);

            """)
    }

    @Test func decimalsAsStringWritesThem() {
        for value in [0, 7, 10, 99, 1234567, -1, -120, Int.max, Int.min] {
            var bytes: [UInt8] = []
            SearchShards.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}
