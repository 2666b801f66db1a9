/// The closed vocabularies of the content format. Each accepts the words editors write
/// (YAML's unquoted `yes` is the word yes, never a boolean).
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

/// How sure the handbook is of a fact; `low < medium < high`.
public enum Confidence: String, Vocabulary, Comparable {
    case high, medium, low

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }
}

/// yes / no / unknown.
public enum YesNo: String, Vocabulary { case yes, no, unknown }

/// Whether something is required: a local representative, national differences in a CB report.
public enum Requiredness: String, Vocabulary {
    case required
    case notRequired = "not-required"
    case unknown
}

/// Whether a scheme accepts an IECEE CB test report.
public enum AcceptsCB: String, Vocabulary { case yes, partial, no, unknown }

/// How far a CB report can be reused for a requirement.
public enum CBReuse: String, Vocabulary { case full, partial, none, unknown }

/// Whether a scheme is required by law.
public enum Obligation: String, Vocabulary {
    case mandatory, voluntary
    case projectDriven = "project-driven"
    case unknown
}

/// Whether a requirement applies yet (`unknown` when the cell is left empty).
public enum RequirementStatus: String, Vocabulary {
    case inForce = "in-force", announced, proposed, unknown
}

/// Where a regulatory event stands: a draft open for comment, adopted, in force, postponed or withdrawn.
public enum EventStage: String, Vocabulary {
    case draft, adopted
    case inForce = "in-force"
    case postponed, withdrawn
}

/// What a body does in certification (`data/bodies`).
public enum BodyRole: String, Vocabulary {
    /// IECEE National Certification Body: issues and recognises CB certificates.
    case ncb
    /// IECEE CB Testing Laboratory: tests and writes CB test reports.
    case cbtl
    /// A regulator or market authority.
    case authority
    /// An EU notified body.
    case notifiedBody = "notified-body"
    /// An accreditation body (CNAS, …).
    case accreditation
    /// A certification or conformity-assessment body of a national scheme.
    case conformityBody = "conformity-body"
}

/// What kind of publisher a source is; pages list official sources first.
public enum SourceKind: String, Vocabulary {
    /// A regulator, ministry, official journal or government portal.
    case official
    /// A standards body or the standard itself.
    case standard
    /// A certification or accreditation body (NCB, notified body, accreditation body).
    case accreditedBody = "accredited-body"
    /// A test lab or consultancy writing about a rule.
    case lab
    /// News, trade press or an association.
    case news

    /// The order pages list sources in: official first.
    var rank: Int { Self.allCases.firstIndex(of: self)! }
}
