import Foundation

/// Maps request paths to files of the output folder, never outside it: `..` and `.` segments,
/// encoded or not, backslashes, NUL bytes, hidden files and symbolic links that lead out are refused.
public struct SiteFiles: Sendable {
    /// What a request path leads to.
    public enum Lookup: Equatable, Sendable {
        /// A file to send (absolute path).
        case file(String)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        /// Nothing there.
        case notFound
        /// A path that tries to leave the output folder, or that is not a valid path.
        case forbidden
    }

    /// The output folder, absolute and with symbolic links resolved.
    public let root: String

    /// Serves files from `root`.
    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Finds the file for a request path as sent (`/en/markets/sa/`, percent-encoded).
    public func lookup(_ requestPath: String) -> Lookup {
        let rawPath = requestPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard rawPath.hasPrefix("/"), let path = rawPath.removingPercentEncoding,
              !path.contains("\\"), !path.contains("\u{0}") else { return .forbidden }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        var file = root + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else { return .redirect(rawPath + "/") }
            file += "/index.html"
        }
        guard let real = realPath(file) else { return .notFound }
        guard real.hasPrefix(root + "/") else { return .forbidden }
        return .file(real)
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The site's own 404 page, if it has one.
    public var notFoundPage: String? {
        let file = root + "/404.html"
        return FileManager.default.fileExists(atPath: file) ? file : nil
    }

    /// The content type of a file, with `charset=utf-8` for text.
    public static func contentType(_ path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        let text: [String: String] = [
            "html": "text/html", "css": "text/css", "js": "text/javascript", "json": "application/json",
            "xml": "application/xml", "csv": "text/csv", "txt": "text/plain", "svg": "image/svg+xml",
            "md": "text/markdown",
        ]
        if let type = text[ext] { return type + "; charset=utf-8" }
        let binary: [String: String] = [
            "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
            "ico": "image/x-icon", "woff": "font/woff", "woff2": "font/woff2", "pdf": "application/pdf",
            "gz": "application/gzip",
        ]
        return binary[ext] ?? "application/octet-stream"
    }
}
