/// A standard a requirement accepts, with the edition when it matters (`iec-62133-2:2017`).
public struct AcceptedStandard: Sendable, Hashable {
    /// The standard's id in `data/standards`.
    public var standard: Ref
    /// The edition as listed in the standard's `editions` (`2017`), or nil for any edition.
    public var edition: String?

    /// `id:edition` as written.
    public var written: String { edition.map { "\(standard.id):\($0)" } ?? standard.id }
}
