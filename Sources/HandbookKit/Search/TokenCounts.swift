/// How often each token occurs in one text: an open-addressing table hashed with FNV-1a over the
/// token's bytes. Counting a document's words through `[String: Int]` took half the time of
/// indexing it (SipHash, and canonical-equivalence hashing for every Chinese pair).
struct TokenCounts {
    private(set) var tokens: [String] = []
    private(set) var counts: [Int] = []
    private var slots: [Int32]     // index + 1 into `tokens`; 0 is empty
    private var hashes: [UInt32]   // the hash of each token, by index
    private var mask: Int

    /// A table sized for about `expected` distinct tokens.
    init(expected: Int = 64) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        hashes = []
        mask = size - 1
    }

    /// Counts one more `token`.
    mutating func add(_ token: String) {
        var copy = token
        let hash = copy.withUTF8 { bytes -> UInt32 in
            var h: UInt32 = 0x811C_9DC5
            for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
            return h
        }
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if hashes[entry - 1] == hash, tokens[entry - 1] == token {
                counts[entry - 1] += 1
                return
            }
            slot = (slot + 1) & mask
        }
        tokens.append(token)
        counts.append(1)
        hashes.append(hash)
        slots[slot] = Int32(tokens.count)
        if tokens.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (i, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }
}
