/// A certification body, test laboratory or authority (`data/bodies`).
public struct CertificationBody: Sendable {
    public var id: String
    public var name: LocalizedText
    /// The market it sits in, or `cn` for bodies in China.
    public var country: Ref
    public var roles: [BodyRole]
    /// IECEE categories it holds (`BATT`, `PV`, …), upper-case.
    public var ieceeCategories: [String]
    /// Accreditation, e.g. a CNAS number.
    public var accreditation: LocalizedText
    public var url: String?
    /// What it does, in a sentence or two.
    public var notes: LocalizedText
    public var sources: [SourceRef]
    public var confidence: Confidence?
    public var reviewed: Day?
    public var location: SourceLocation

    /// The country id of bodies in China, which is not a market of the handbook.
    public static let china = "cn"

    /// The IECEE product categories (as listed by the IECEE).
    public static let ieceeCategories = [
        "BATT", "CABL", "CAP", "CONT", "E3", "EMC", "HOUS", "HSTS", "INST", "LITE", "MEAS", "MED", "MISC", "OFF",
        "POW", "PROT", "PV", "SAFE", "TOOL", "TOYS", "TRON",
    ]
}
