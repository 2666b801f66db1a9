/// What a translation says it translates: the version of its original's body (`translation_of`
/// in the translation's front matter), and where it says so.
public struct TranslationStamp: Sendable, Hashable {
    /// The version (`TranslationStamp.version(of:)`) of the original's body the translation follows.
    public var version: String
    /// The `translation_of` line.
    public var location: SourceLocation

    /// Creates a stamp.
    public init(version: String, location: SourceLocation) {
        self.version = version
        self.location = location
    }

    /// The version of a body: ten hex digits of a stable hash of its words, so that changes only
    /// to spaces, line breaks and blank lines leave it alone.
    public static func version(of body: String) -> String {
        var body = body
        let hash = body.withUTF8 { text -> UInt64 in
            // The words, one space between them, written into a buffer as long as the text.
            let words = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, text.count))
            defer { words.deallocate() }
            var count = 0
            var pendingSpace = false
            for byte in text {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        words[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    words[count] = byte
                    count += 1
                }
            }
            return StableHash.of(UnsafeRawBufferPointer(start: words, count: count))
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}
