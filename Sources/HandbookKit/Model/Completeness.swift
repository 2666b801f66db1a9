/// How many of a record's facts the sources give, apart from how sure they are: "7 of 13 facts
/// known". A fact counts as known when it is recorded (a list with items, a text, a number, or a
/// vocabulary word other than `unknown`).
public struct Completeness: Sendable, Equatable {
    public var known: Int
    public var total: Int

    init(_ facts: [Bool]) {
        known = facts.filter { $0 }.count
        total = facts.count
    }
}

extension Requirement {
    /// Schemes, standards, CB reuse, local testing, documents, lead time, validity, representative,
    /// factory inspection, national differences, labelling, fees and samples.
    public var completeness: Completeness {
        Completeness([
            !schemes.isEmpty, !standards.isEmpty, cbReuse != .unknown, localTesting != .unknown,
            documents.values.values.contains { !$0.isEmpty }, leadTimeWeeks != nil, validityMonths != nil,
            localRepresentative != .unknown, factoryInspection != .unknown, nationalDifferences != .unknown,
            !labelling.isEmpty, !fees.isEmpty, !samples.isEmpty,
        ])
    }
}

extension Scheme {
    /// Authority, mark, obligation, CB acceptance, factory inspection, local testing, local
    /// representative and validity.
    public var completeness: Completeness {
        Completeness([
            !authority.isEmpty, !mark.isEmpty, obligation != .unknown, acceptsCB != .unknown,
            factoryInspection != .unknown, localTesting != .unknown, localRepresentative != .unknown, !validity.isEmpty,
        ])
    }
}
