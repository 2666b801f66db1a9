/// The closed vocabularies of the content format. Each accepts the words editors write
/// (YAML's unquoted `yes` is the word yes, never a boolean).
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {}

/// How sure the handbook is of a fact.
public enum Confidence: String, Vocabulary { case high, medium, low }

/// yes / no / unknown.
public enum YesNo: String, Vocabulary { case yes, no, unknown }

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
