/// A dated change to the handbook's facts (`data/changes`): a correction or an update, with the
/// records it touched, so readers see what changed and when.
public struct ChangeLogEntry: Sendable {
    public var date: Day
    /// The records it concerns, as typed references (`req:pv-module/sa`, `scheme:sa-iecee-rc`).
    public var records: [Ref]
    public var summary: LocalizedText
    public var sources: [SourceRef]
    public var location: SourceLocation
    /// A stable id for anchors and feed entries: the date and first record, with a number when
    /// another change has the same.
    public var id: String = ""
}
