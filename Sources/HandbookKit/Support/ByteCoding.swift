/// Writes numbers (LEB128 varints) and length-prefixed UTF-8 texts: the binary form of what a build
/// keeps for the next one (search indexes, body outlines).
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(header: [UInt8]) {
        bytes = header
    }

    mutating func number(_ n: Int) {
        var n = UInt(bitPattern: n)
        while n >= 0x80 {
            bytes.append(UInt8(n & 0x7F) | 0x80)
            n >>= 7
        }
        bytes.append(UInt8(n))
    }

    mutating func text(_ s: String) {
        number(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }
}

/// Reads what `ByteWriter` wrote; every read is nil past the end or on a malformed number.
struct ByteReader: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at: Int

    /// A reader of `bytes` after `header`; nil when they do not start with it.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, header: [UInt8]) {
        guard bytes.starts(with: header) else { return nil }
        self.bytes = bytes
        at = header.count
    }

    var isAtEnd: Bool { at == bytes.count }

    mutating func number() -> Int? {
        var n: UInt = 0, shift: UInt = 0
        while at < bytes.count, shift < 64 {
            let b = bytes[at]
            at += 1
            n |= UInt(b & 0x7F) << shift
            if b < 0x80 { return Int(bitPattern: n) }
            shift += 7
        }
        return nil
    }

    /// A number in `0..<limit`.
    mutating func number(below limit: Int) -> Int? {
        number().flatMap { (0..<limit).contains($0) ? $0 : nil }
    }

    mutating func text() -> String? {
        guard let n = number(), n >= 0, at + n <= bytes.count else { return nil }
        defer { at += n }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
    }
}
