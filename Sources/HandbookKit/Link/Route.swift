/// Where a page lives in the output: a path relative to the site root. Directory pages end in `/`
/// and are written as `index.html`.
public struct Route: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// e.g. `zh/markets/sa/` or `sitemap.xml`.
    public var path: String

    /// Creates a route.
    public init(_ path: String) {
        self.path = path
    }

    /// The file to write: `index.html` added to directory routes.
    public var file: String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }

    /// The link from this page to `target` (relative, so the site works under any base URL).
    /// With `fileLinks`, directory links end in `index.html` (for opening the site from disk).
    public func link(to target: Route, fileLinks: Bool = false, fragment: String? = nil) -> String {
        let from = directoryComponents
        var to = target.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let targetIsDirectory = target.path.isEmpty || target.path.hasSuffix("/")
        let last = targetIsDirectory ? nil : to.popLast()
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        var href = parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
        if let last {
            href += last
        } else if fileLinks {
            href += "index.html"
        } else if href.isEmpty {
            href = "./"
        }
        if let fragment, !fragment.isEmpty { href += "#" + fragment }
        return href
    }

    /// The absolute URL on `base` (which ends in `/`).
    public func absolute(base: String) -> String { base + path }

    /// The link from this page back to the site root (`../../`), or "" at the top.
    public var toRoot: String { String(repeating: "../", count: directoryComponents.count) }

    private var directoryComponents: [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if !(path.isEmpty || path.hasSuffix("/")) { parts.removeLast() }
        return parts
    }

    public var description: String { path }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}
