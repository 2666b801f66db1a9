/// One concept's preferred wording and the variants to avoid (`terms` in site.yml), e.g.
/// `光伏组件: [光伏板, 太阳能电池板]`.
public struct Term: Sendable, Hashable {
    /// The form to write.
    public var preferred: String
    /// The forms `handbook check` flags, each with the fix `preferred`.
    public var variants: [String]

    /// Creates a term.
    public init(preferred: String, variants: [String]) {
        self.preferred = preferred
        self.variants = variants
    }
}
