import Foundation

extension SourceCheck {
    /// How `check --sources` runs.
    public struct Settings: Sendable {
        /// Never touch the network: report only what the cache knows.
        public var offline: Bool
        /// Seconds each request may take, redirects included.
        public var timeout: Double
        /// The cache file.
        public var cachePath: String
        /// How many requests may be in flight at once.
        public var concurrency: Int
        /// The time the cache's ages are measured against (now when nil; fixed in tests).
        public var now: Date?

        /// Settings; the defaults are the command line's.
        public init(offline: Bool = false, timeout: Double = 10, cachePath: String = SourceCheckCache.defaultPath,
                    concurrency: Int = 8, now: Date? = nil) {
            self.offline = offline
            self.timeout = timeout
            self.cachePath = cachePath
            self.concurrency = concurrency
            self.now = now
        }
    }
}
