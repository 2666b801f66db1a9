/// A record or guide by kind and id (`market` `sa`, `req` `pv-module/sa`): what a link points at,
/// what back-links and the live site key guides by, and what a failed load leaves unavailable.
public struct RecordKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: CrossReference.Kind
    public var id: String

    public init(_ kind: CrossReference.Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// `kind:id`, as a cross-reference is written.
    public var description: String { "\(kind.rawValue):\(id)" }

    public static func < (a: RecordKey, b: RecordKey) -> Bool { (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id) }
}

extension CrossReference {
    /// What the reference points at, without its anchor.
    public var key: RecordKey { RecordKey(kind, id) }
}
