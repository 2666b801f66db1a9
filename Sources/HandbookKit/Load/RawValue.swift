/// A value read from YAML or CSV, before it is given a type: a scalar, a list or a map, each with
/// its location so every later error can point at the exact cell or key.
public indirect enum RawValue: Sendable {
    case scalar(String, SourceLocation)
    case list([RawValue], SourceLocation)
    case map(RawMap, SourceLocation)

    /// Where the value starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(_, let l), .list(_, let l), .map(_, let l): l
        }
    }

    /// The scalar's text, or nil for lists and maps.
    public var scalar: String? {
        if case .scalar(let s, _) = self { s } else { nil }
    }

    /// A word for the kind of value, for messages.
    var kindName: Phrase {
        switch self {
        case .scalar: Phrase(en: "a single value", zh: "单个值")
        case .list: Phrase(en: "a list", zh: "列表")
        case .map: Phrase(en: "a map", zh: "映射")
        }
    }
}

/// An ordered map of keys to raw values, remembering where each key is.
public struct RawMap: Sendable {
    /// One key and its value.
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: RawValue
    }

    /// The entries in file order.
    public var entries: [Entry] = []

    /// The value for `key`, if present.
    public subscript(key: String) -> RawValue? {
        entries.first { $0.key == key }?.value
    }

    /// The entry for `key`, if present.
    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}
