extension SourceCheck {
    /// What a source check did, counted by address (not by citation).
    public struct Summary: Sendable, Equatable {
        /// The addresses cited.
        public var urls: Int
        /// Those whose result came from the cache.
        public var cached: Int
        /// Those requested now.
        public var fetched = 0
        /// Those neither cached nor requested (offline).
        public var unchecked = 0
        /// Those that failed.
        public var failed = 0
        /// Those that moved permanently.
        public var moved = 0
        /// Why the cache could not be written, if it could not.
        public var cacheProblem: Phrase?

        /// Creates a summary.
        public init(urls: Int, cached: Int) {
            self.urls = urls
            self.cached = cached
        }

        /// One line: `sources: 12 URLs, 9 checked, 3 from cache; 2 failed, 1 moved`.
        public var text: Phrase {
            var en = "sources: \(urls) URL\(urls == 1 ? "" : "s"), \(fetched) checked, \(cached) from cache"
            var zh = "来源：共 \(urls) 个网址，检查 \(fetched) 个，来自缓存 \(cached) 个"
            if unchecked > 0 {
                en += ", \(unchecked) not checked (offline)"
                zh += "，\(unchecked) 个未检查（离线）"
            }
            en += "; \(failed) failed, \(moved) moved"
            zh += "；\(failed) 个失效，\(moved) 个已迁移"
            return Phrase(en: en, zh: zh)
        }
    }
}
