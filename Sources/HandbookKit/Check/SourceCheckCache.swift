import Foundation

/// What `check --sources` found for each address, kept for a day so the next run asks the network
/// only about addresses it has not checked since. A small JSON file (`version`, then one entry per
/// address with when it was fetched); a missing, corrupt or unknown file is an empty cache.
public struct SourceCheckCache: Sendable {
    /// Where the cache is kept unless `--cache` says otherwise (relative to the working directory).
    public static let defaultPath = ".handbook-cache/sources.json"
    /// How long a result is trusted: a day from when it was fetched.
    public static let lifetime: Double = 86_400
    static let version = 1

    /// The cache file.
    public var path: String
    /// Each address's outcome and when it was fetched.
    public private(set) var entries: [String: (outcome: ProbeOutcome, fetched: Date)] = [:]

    /// An empty cache to be written at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The cache at `path`; empty when there is no file or it cannot be understood.
    public static func read(_ path: String) -> SourceCheckCache {
        var cache = SourceCheckCache(path: path)
        guard let data = FileManager.default.contents(atPath: path),
              let file = try? JSONDecoder().decode(File.self, from: data), file.version == version else { return cache }
        for entry in file.entries {
            guard let outcome = entry.outcome, let fetched = Self.time(entry.fetched) else { continue }
            cache.entries[entry.url] = (outcome, fetched)
        }
        return cache
    }

    /// The outcome of `url` when it was fetched less than a day before `now`.
    public func fresh(_ url: String, now: Date) -> ProbeOutcome? {
        guard let entry = entries[url] else { return nil }
        let age = now.timeIntervalSince(entry.fetched)
        return age >= 0 && age < Self.lifetime ? entry.outcome : nil
    }

    /// Keeps `outcome` for `url`, fetched at `fetched`.
    public mutating func record(_ url: String, _ outcome: ProbeOutcome, fetched: Date) {
        entries[url] = (outcome, Date(timeIntervalSince1970: fetched.timeIntervalSince1970.rounded(.down)))
    }

    /// Forgets the results that are no longer fresh at `now`.
    public mutating func removeStale(now: Date) {
        entries = entries.filter { fresh($0.key, now: now) != nil }
    }

    /// Writes the cache: to a temporary file beside it, then renamed over it (a reader never sees
    /// half a file), creating its folder when needed.
    public func write() throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let file = File(version: Self.version, entries: entries.keys.sorted().map { url in
            Entry(url: url, fetched: Self.text(entries[url]!.fetched), entries[url]!.outcome)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let temporary = path + ".\(UUID().uuidString).tmp"
        try (encoder.encode(file) + Data([10])).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            unlink(temporary)
            throw POSIXError(code)
        }
    }

    private static func text(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func time(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    private struct File: Codable {
        var version: Int
        var entries: [Entry]
    }

    /// One address in the file: `result` is live, moved, host-not-found, refused, timeout, http,
    /// tls, too-many-redirects or other, with `status`, `to`, `detail` or `seconds` as it needs.
    private struct Entry: Codable {
        var url: String
        var fetched: String
        var result: String
        var status: Int?
        var to: String?
        var detail: String?
        var seconds: Double?

        init(url: String, fetched: String, _ outcome: ProbeOutcome) {
            self.url = url
            self.fetched = fetched
            switch outcome {
            case .live(let status): (result, self.status) = ("live", status)
            case .moved(let to, let status): (result, self.to, self.status) = ("moved", to, status)
            case .failed(.hostNotFound(let host)): (result, detail) = ("host-not-found", host)
            case .failed(.refused): result = "refused"
            case .failed(.timeout(let seconds)): (result, self.seconds) = ("timeout", seconds)
            case .failed(.http(let status)): (result, self.status) = ("http", status)
            case .failed(.tls(let detail)): (result, self.detail) = ("tls", detail)
            case .failed(.tooManyRedirects): result = "too-many-redirects"
            case .failed(.other(let detail)): (result, self.detail) = ("other", detail)
            }
        }

        /// The outcome, or nil for an entry this version does not know.
        var outcome: ProbeOutcome? {
            switch (result, status, to, detail, seconds) {
            case ("live", let status?, _, _, _): .live(status: status)
            case ("moved", let status?, let to?, _, _): .moved(to: to, status: status)
            case ("host-not-found", _, _, let host?, _): .failed(.hostNotFound(host: host))
            case ("refused", _, _, _, _): .failed(.refused)
            case ("timeout", _, _, _, let seconds?): .failed(.timeout(seconds: seconds))
            case ("http", let status?, _, _, _): .failed(.http(status: status))
            case ("tls", _, _, let detail?, _): .failed(.tls(detail: detail))
            case ("too-many-redirects", _, _, _, _): .failed(.tooManyRedirects)
            case ("other", _, _, let detail?, _): .failed(.other(detail: detail))
            default: nil
            }
        }
    }
}
