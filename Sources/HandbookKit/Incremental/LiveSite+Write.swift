import Foundation

extension LiveSite {
    /// The first build: every file into a staging folder, swapped in whole (with the output
    /// folder's guards), as `handbook build` does.
    func swapIn(_ produced: [(String, [UInt8])]) throws -> [String] {
        let output = try OutputDirectory(path: options.output, protecting: [options.content, options.templates])
        do {
            for result in produced.parallelMap({ path, bytes in Result { try output.write(path, bytes) } }) { try result.get() }
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        hashes = [:]
        for (path, bytes) in produced { hashes[path] = Self.hash(bytes) }
        return produced.map(\.0)
    }

    /// Writes the files whose bytes differ from the served site's; with `removingOthers`, also
    /// removes the served files that were not produced. Returns the paths written or removed.
    func writeChanges(_ produced: [(String, [UInt8])], removingOthers: Bool) throws -> [String] {
        let live = LiveOutput(root: Self.absolute(options.output))
        BuildState.remove(live.root)   // the preview does not keep a build's state: the next build makes every file
        let changed = produced.map { ($0.0, $0.1, Self.hash($0.1)) }.filter { hashes[$0.0] != $0.2 }
        for result in changed.parallelMap({ path, bytes, _ in Result { try live.write(path, bytes) } }) { try result.get() }
        for (path, _, hash) in changed { hashes[path] = hash }
        var out = changed.map(\.0)
        if removingOthers {
            let kept = Set(produced.map(\.0))
            for path in hashes.keys where !kept.contains(path) {
                live.remove(path)
                hashes[path] = nil
                out.append(path)
            }
        }
        return out
    }

    /// Removes served files (when a page or search file is gone).
    func remove(_ paths: [String]) -> [String] {
        let live = LiveOutput(root: Self.absolute(options.output))
        BuildState.remove(live.root)
        for path in paths where hashes[path] != nil {
            live.remove(path)
            hashes[path] = nil
        }
        return paths
    }

    /// A hash of a file's bytes (to tell whether it changed).
    static func hash(_ bytes: [UInt8]) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// Renders `pages` and collects them with their paths.
    func render(_ site: SiteOutput, _ pages: [(PageKind, String)]) throws -> [(String, [UInt8])] {
        let collector = OutputCollector()
        try site.renderPages(pages, emit: collector.emit)
        return collector.files
    }
}
