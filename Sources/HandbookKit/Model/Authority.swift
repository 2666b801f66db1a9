/// A market authority named in a market's front matter.
public struct Authority: Sendable {
    public var name: LocalizedText
    public var url: String?
    public var role: LocalizedText
}
