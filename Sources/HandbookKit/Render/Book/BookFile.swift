/// One PDF edition made by the build: where it is, its edition and its size.
public struct BookFile: Sendable, Equatable {
    /// `zh/handbook-2026-12-04.pdf`.
    public var route: Route
    public var edition: Day
    public var bytes: Int

    /// Its path in the output folder.
    public var path: String { route.path }

    /// `3.4 MB` (one decimal), for the link on the home page.
    public var size: String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths >= 10 ? "\(tenths / 10).\(tenths % 10) MB" : "\(max(1, (bytes + 512) / 1024)) KB"
    }
}
