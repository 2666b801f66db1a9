/// A 64-bit hash of bytes that is the same in every process (Swift's `Hasher` is seeded per
/// process), so a build can compare what it makes with what an earlier build recorded. It reads
/// eight bytes per step; it is not cryptographic, only a guard against accidental equality.
enum StableHash {
    private static let k1: UInt64 = 0x9E37_79B1_85EB_CA87, k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// The hash of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = k2 &+ UInt64(bytes.count) &* k1
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = ((h ^ (w &* k1)) << 31 | (h ^ (w &* k1)) >> 33) &* k2
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ (tail &* k1)) &* k2
        h ^= h >> 29
        h = h &* k1
        return h ^ (h >> 32)
    }

    /// The hash of `bytes`.
    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The hash of `text`'s UTF-8.
    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// Sixteen hex digits.
    static func hex(_ hash: UInt64) -> String {
        let s = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
