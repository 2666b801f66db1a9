/// Something that requests a web address and says what came of it: `URLProbe` on the network,
/// a stand-in in tests.
public protocol URLProbing: Sendable {
    /// Requests `url` (redirects followed) and says whether it answers, moved or failed.
    func probe(_ url: String) async -> ProbeOutcome
}
