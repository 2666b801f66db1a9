/// References not to report as unknown, because the guide or table they point into failed to load
/// (its own errors say what to fix): single records, and kinds whose table had errors (rows may
/// be missing).
public struct Unavailable: Sendable {
    public var records: Set<RecordKey> = []
    public var kinds: Set<CrossReference.Kind> = []

    public init(records: Set<RecordKey> = [], kinds: Set<CrossReference.Kind> = []) {
        self.records = records
        self.kinds = kinds
    }

    public func contains(_ key: RecordKey) -> Bool { kinds.contains(key.kind) || records.contains(key) }
}
