/// A table entity with an id, so duplicates can be found and reported where they are.
protocol Identified {
    var id: String { get }
    var location: SourceLocation { get }
}

extension Region: Identified {}
extension Standard: Identified {}
extension Scheme: Identified {}
extension Requirement: Identified {}
extension Centre: Identified {}
extension CertificationBody: Identified {}
