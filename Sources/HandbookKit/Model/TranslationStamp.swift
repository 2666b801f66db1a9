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
        var words: [UInt8] = []
        words.reserveCapacity(body.utf8.count)
        var pendingSpace = false
        for byte in body.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                pendingSpace = !words.isEmpty
            default:
                if pendingSpace { words.append(UInt8(ascii: " ")) }
                pendingSpace = false
                words.append(byte)
            }
        }
        let hash = StableHash.of(words)
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}
