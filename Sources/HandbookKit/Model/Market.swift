/// A country or bloc guide (`markets/<id>.md`).
public struct Market: Sendable {
    public var id: String
    public var name: LocalizedText
    public var region: Ref
    public var iso: String
    public var blocs: [String]
    public var authorities: [Authority]
    /// IECEE membership: yes, no or unknown.
    public var ieceeMember: YesNo
    /// The market's IECEE National Certification Bodies (`data/bodies`).
    public var ieceeNCBs: [Ref]
    public var ieceeNotes: LocalizedText
    public var reviewed: Day?
    /// Where `reviewed` is written (for the stale-review warning).
    public var reviewedLocation: SourceLocation
    public var confidence: Confidence?
    public var sources: [SourceRef]
    public var summary: LocalizedText
    public var guide: Guide
    public var location: SourceLocation
}
