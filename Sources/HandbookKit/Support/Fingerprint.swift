/// A short, stable content hash (64-bit FNV-1a) for fingerprinted asset names.
enum Fingerprint {
    /// Ten hex digits of the FNV-1a hash of `bytes`.
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}
