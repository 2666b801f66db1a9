/// What one product needs to enter one market (`data/requirements`).
public struct Requirement: Sendable {
    public var product: Ref
    public var market: Ref
    public var schemes: [Ref]
    public var standards: [Ref]
    public var cbReuse: CBReuse
    public var localTesting: YesNo
    public var documents: LocalizedList
    /// Lead time in weeks, as a range (min == max for a single figure).
    public var leadTimeWeeks: ClosedRange<Int>?
    public var status: RequirementStatus
    public var effectiveFrom: Day?
    public var notes: LocalizedText
    public var sources: [SourceRef]
    public var confidence: Confidence?
    public var reviewed: Day?
    public var location: SourceLocation

    // What an exporter asks next: labels, representative, validity, fees, samples, inspection.

    /// Languages and marks required on the product or its package.
    public var labelling = LocalizedText()
    /// Whether a local representative (importer of record, authorised representative) is needed.
    public var localRepresentative = Requiredness.unknown
    /// Who may act as the local representative, and what they do.
    public var localRepresentativeNotes = LocalizedText()
    /// How long the certificate is valid, in months (a range when sources give one).
    public var validityMonths: ClosedRange<Int>?
    /// How the certificate is renewed.
    public var renewal = LocalizedText()
    /// Fees as published (never estimated).
    public var fees = LocalizedText()
    /// Samples to send for testing.
    public var samples = LocalizedText()
    /// Whether a factory inspection is part of certification.
    public var factoryInspection = YesNo.unknown
    /// Standards accepted, with editions where they matter.
    public var acceptedStandards: [AcceptedStandard] = []
    /// Whether a CB report must include the market's national differences.
    public var nationalDifferences = Requiredness.unknown
    /// Bodies that test or certify for it (`data/bodies`).
    public var labs: [Ref] = []

    /// `product/market`, the id used by `req:` links.
    public var id: String { "\(product.id)/\(market.id)" }
}
