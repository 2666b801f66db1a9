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
        // On the bytes (every page makes dozens of links): the folders of both paths end at their
        // last "/"; whole folders in common are skipped, each other folder of this page is a "../".
        var href = ""
        var fromPath = path, toPath = target.path
        fromPath.withUTF8 { from in
            toPath.withUTF8 { to in
                let fromEnd = (from.lastIndex(of: 47) ?? -1) + 1, toEnd = (to.lastIndex(of: 47) ?? -1) + 1
                var i = 0, common = 0
                while i < fromEnd, i < toEnd, from[i] == to[i] {
                    i += 1
                    if from[i - 1] == 47 { common = i }
                }
                let ups = from[common..<fromEnd].reduce(0) { $0 + ($1 == 47 ? 1 : 0) }
                href = String(repeating: "../", count: ups)
                href += String(decoding: UnsafeBufferPointer(rebasing: to[common..<toEnd]), as: UTF8.self)
                href += String(decoding: UnsafeBufferPointer(rebasing: to[toEnd...]), as: UTF8.self)
            }
        }
        if target.path.isEmpty || target.path.hasSuffix("/") {
            if fileLinks { href += "index.html" } else if href.isEmpty { href = "./" }
        }
        if let fragment, !fragment.isEmpty { href += "#" + fragment }
        return href
    }

    /// The absolute URL on `base` (which ends in `/`).
    public func absolute(base: String) -> String { base + path }

    /// The link from this page back to the site root (`../../`), or "" at the top.
    public var toRoot: String { String(repeating: "../", count: path.utf8.reduce(0) { $0 + ($1 == 47 ? 1 : 0) }) }

    public var description: String { path }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}
