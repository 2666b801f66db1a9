/// The distinct tokens of one document, each with a value: an open-addressing table hashed with
/// FNV-1a over the token's bytes, which it keeps in one buffer. Weighing a document's words
/// through `[String: Int]` took half the time of indexing it (a `String` per word, SipHash, and
/// canonical-equivalence hashing for every Chinese pair); a `String` is now made once per
/// distinct token.
struct TokenTable<Value> {
    private(set) var values: [Value] = []
    private var bytes: [UInt8] = []    // every distinct token's bytes, one after another
    private var ends: [Int] = []       // where each token ends in `bytes`
    private var slots: [Int32]         // index + 1 into `values`; 0 is empty
    private var hashes: [UInt32]       // the hash of each token, by index
    private var mask: Int

    /// A table sized for about `expected` distinct tokens.
    init(expected: Int = 64) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        hashes = []
        mask = size - 1
    }

    /// The distinct tokens, in the order first seen (with `values` at the same places).
    var tokens: [String] {
        bytes.withUnsafeBufferPointer { all in
            ends.indices.map { i in
                String(decoding: UnsafeBufferPointer(rebasing: all[(i == 0 ? 0 : ends[i - 1])..<ends[i]]), as: UTF8.self)
            }
        }
    }

    /// The number of distinct tokens.
    var count: Int { values.count }

    /// True when every token's bytes satisfy `predicate`.
    func allTokens(_ predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            ends.indices.allSatisfy { predicate(UnsafeBufferPointer(rebasing: all[($0 == 0 ? 0 : ends[$0 - 1])..<ends[$0]])) }
        }
    }

    /// Calls `body` with each token's bytes (valid during the call), hash and value, in the order
    /// first seen.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt32, Value) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for i in ends.indices {
                body(UnsafeBufferPointer(rebasing: all[(i == 0 ? 0 : ends[i - 1])..<ends[i]]), hashes[i], values[i])
            }
        }
    }

    /// Changes the value of the token with these UTF-8 bytes (`initial` if it is new).
    mutating func update(_ token: UnsafeBufferPointer<UInt8>, initial: Value, _ change: (inout Value) -> Void) {
        update(token, hash: Self.hash(token), initial: initial, change)
    }

    /// The FNV-1a hash of a token's bytes.
    static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for b in token { hash = (hash ^ UInt32(b)) &* 0x0100_0193 }
        return hash
    }

    /// `update` for a token whose `hash` is known (taken from another table).
    mutating func update(_ token: UnsafeBufferPointer<UInt8>, hash: UInt32, initial: Value, _ change: (inout Value) -> Void) {
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if hashes[entry - 1] == hash, equals(entry - 1, token) {
                change(&values[entry - 1])
                return
            }
            slot = (slot + 1) & mask
        }
        bytes.append(contentsOf: token)
        ends.append(bytes.count)
        values.append(initial)
        change(&values[values.count - 1])
        hashes.append(hash)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    /// Whether token `i` has the bytes of `token` (compared in place: most tokens are a few
    /// bytes, shorter than a call to `memcmp` is worth).
    private func equals(_ i: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = i == 0 ? 0 : ends[i - 1]
        guard ends[i] - start == token.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            for k in 0..<token.count where all[start + k] != token[k] { return false }
            return true
        }
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

extension TokenTable: Sendable where Value: Sendable {}
