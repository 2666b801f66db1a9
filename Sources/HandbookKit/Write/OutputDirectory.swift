import Foundation

/// Stage 5, write: a staging folder beside the output that is swapped in only when the whole build
/// succeeded, so a failed or killed build leaves the previous site untouched.
public final class OutputDirectory: @unchecked Sendable {
    /// A reason the output folder cannot be used or written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, in English and Chinese (a system's reason stays as the system gives it).
        public var phrase: Phrase
        /// True when the folder was refused (a usage error), false when writing failed.
        public var isRefusal = false
        /// The English.
        public var description: String { phrase.en }

        init(_ phrase: Phrase, isRefusal: Bool = false) {
            self.phrase = phrase
            self.isRefusal = isRefusal
        }

        /// `error` as a failure: itself when it is one, a file operation's failure in both
        /// languages, or else its text after a Chinese lead-in.
        init(_ error: any Error) {
            switch error {
            case let failure as Failure: self = failure
            case let failure as FileIO.Failure: self.init(failure.phrase)
            default: self.init(Phrase(en: "\(error)", zh: "写入失败：\(error)"))
            }
        }
    }

    /// The file that marks a folder as written by handbook.
    static let marker = ".handbook-output"
    /// Extensions that get a `.gz` copy.
    static let compressible: Set<String> = ["html", "css", "js", "xml", "json", "csv", "txt", "svg"]

    /// The output folder (absolute).
    public let target: URL
    /// Where this build writes before the swap.
    let staging: URL
    private let fm = FileManager.default
    /// True when there is no previous output: every file is new, and page folders are spread
    /// (see `makeSpreadingFolders`).
    private let isFirstBuild: Bool
    /// True when files of the previous output may be linked into the new one: not when a build in
    /// place was stopped while writing (a page and its `.gz` may then be of different builds).
    private let reusesPrevious: Bool
    /// Receives the time spent compressing and writing (`--timings`).
    var timer: StageTimer?

    /// Checks that `path` may be an output folder: not `/`, the home folder, a folder holding or
    /// inside one of `protecting`, a file, or a non-empty folder handbook did not write.
    /// Returns it absolute, with symbolic links resolved.
    public static func check(_ path: String, protecting: [String]) throws -> URL {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let home = URL(fileURLWithPath: NSHomeDirectory()).standardizedFileURL.resolvingSymlinksInPath()
        if target.path == "/" || target.path == home.path {
            let root = target.path == "/"
            throw Failure(Phrase(en: "refusing to use '\(path)' as the output folder: it is \(root ? "the root folder" : "your home folder")",
                                 zh: "拒绝把“\(path)”用作输出文件夹：它是\(root ? "根文件夹" : "你的主文件夹")"), isRefusal: true)
        }
        for protected in protecting {
            let p = URL(fileURLWithPath: protected).standardizedFileURL.resolvingSymlinksInPath()
            if p.path == target.path || p.path.hasPrefix(target.path + "/") || target.path.hasPrefix(p.path + "/") {
                throw Failure(Phrase(en: "refusing to use '\(path)' as the output folder: it would overwrite or be inside '\(protected)'",
                                     zh: "拒绝把“\(path)”用作输出文件夹：它会覆盖“\(protected)”或位于其中"), isRefusal: true)
            }
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Failure(Phrase(en: "'\(path)' exists and is not a folder", zh: "“\(path)”已存在，但不是文件夹"), isRefusal: true)
            }
            let entries = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            if !entries.isEmpty, !entries.contains(Self.marker) {
                throw Failure(Phrase(en: "refusing to replace '\(path)': it holds files that handbook did not write (no \(Self.marker)); choose another --output or empty it",
                                     zh: "拒绝替换“\(path)”：其中有不是 handbook 写入的文件（没有 \(Self.marker)）；请换一个 --output，或清空它"),
                              isRefusal: true)
            }
        }
        return target
    }

    /// Checks that `path` is safe to replace, then creates an empty staging folder beside it.
    /// - Parameters:
    ///   - path: the output folder.
    ///   - protecting: folders that must never be inside or equal to the output (content, templates).
    public init(path: String, protecting: [String]) throws {
        let target = try Self.check(path, protecting: protecting)
        self.target = target
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        Self.removeLeftovers(of: target)
        isFirstBuild = !fm.fileExists(atPath: target.path)
        reusesPrevious = !isFirstBuild && !fm.fileExists(atPath: target.appendingPathComponent(BuildState.writing).path)
        staging = parent.appendingPathComponent(".\(name).handbook-tmp-\(getpid())")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            FileIO.markTopDirectory(staging.path)
            let marker = Array("handbook\n".utf8)
            let previous = target.appendingPathComponent(Self.marker).path
            if !(FileIO.hasContents(previous, marker) && FileIO.link(previous, staging.appendingPathComponent(Self.marker).path)) {
                try FileIO.write(staging.appendingPathComponent(Self.marker).path, marker)
            }
        } catch {
            throw Failure(Phrase(en: "cannot create the output folder next to '\(path)': \(error.localizedDescription)",
                                 zh: "无法在“\(path)”旁边创建输出文件夹：\(error.localizedDescription)"))
        }
    }

    /// Removes what killed builds left beside the output folder `target` (staging folders, and a
    /// previous output put aside by a two-step swap, which is put back when the output is missing).
    static func removeLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(".\(target.lastPathComponent).handbook-") }
        if !fm.fileExists(atPath: target.path), let old = leftovers.first(where: { $0.contains(".handbook-old-") }) {
            try? fm.moveItem(at: parent.appendingPathComponent(old), to: target)
        }
        for leftover in leftovers where fm.fileExists(atPath: parent.appendingPathComponent(leftover).path) {
            try? fm.removeItem(at: parent.appendingPathComponent(leftover))
        }
    }

    /// How each file of this build compares with the previous output (for `--print-plan`).
    public enum Change: String, Sendable { case new, changed, unchanged }

    private let changesLock = NSLock()
    private var changes: [String: Change] = [:]

    /// True for text files, which get a `.gz` beside them.
    static func isCompressible(_ relative: String) -> Bool {
        relative.lastIndex(of: ".").map { compressible.contains(String(relative[relative.index(after: $0)...])) } ?? false
    }

    /// Writes one file (and its `.gz` when it is text) into the staging folder. A file whose bytes
    /// equal the previous output's is hard-linked from it instead, keeping its modification time,
    /// so a rebuild rewrites only what changed and `rsync` sends only that.

    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        let path = staging.path + "/" + relative
        if let slash = relative.lastIndex(of: "/") {
            try makeSpreadingFolders(relative[..<slash])
            try FileIO.makeDirectories(staging.path + "/" + relative[..<slash])
        }
        let previous = target.path + "/" + relative
        let compress = Self.isCompressible(relative)
        let change: Change
        // Without a previous output, every file is new (two failing lookups saved per file).
        if reusesPrevious, FileIO.hasContents(previous, bytes) {
            change = .unchanged
            if !FileIO.link(previous, path) { try FileIO.write(path, bytes) }
            if compress, !FileIO.link(previous + ".gz", path + ".gz") { try FileIO.write(path + ".gz", Gzip.compress(bytes)) }
        } else {
            change = !isFirstBuild && fm.fileExists(atPath: previous) ? .changed : .new
            let gz = compress ? timed(timer, "compress (.gz)") { Gzip.compress(bytes) } : nil
            try timed(timer, "write files") {
                try FileIO.write(path, bytes)
                if let gz { try FileIO.write(path + ".gz", gz) }
            }
        }
        changesLock.lock()
        changes[relative] = change
        if compress { changes[relative + ".gz"] = change }
        changesLock.unlock()
    }

    private let topLock = NSLock()
    private var spreadingFolders: Set<Substring> = []

    /// Creates the first two levels of `folder` (`en`, then `en/markets`) so that ext4 spreads what
    /// they hold over the disk. ext4 gives a new folder the block group of its parent, or, inside a
    /// folder marked as a top (`markTopDirectory`), the group with the fewest folders searched from
    /// a hash of its name. Without marks the whole tree lands in the group an `rm -rf` of the
    /// previous output has just emptied, where every new inode means rescanning the inodes freed
    /// in the last seconds. So the staging folder and the first level are marked, the first level
    /// is made under a fresh name and renamed, and on a first build the second level is marked too.
    /// Figures: docs/performance.md.
    private func makeSpreadingFolders(_ folder: Substring) throws {
        let first = folder.firstIndex(of: "/").map { folder[..<$0] } ?? folder
        let second = folder[first.endIndex...].dropFirst().prefix { $0 != "/" }
        let level2 = second.isEmpty ? nil : folder[..<second.endIndex]
        topLock.lock()
        defer { topLock.unlock() }
        if !spreadingFolders.contains(first) {
            let final = staging.path + "/" + first
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let fresh = staging.path + "/.\(first).\(getpid()).\(now.tv_sec).\(now.tv_nsec)"
            if mkdir(fresh, 0o755) == 0, rename(fresh, final) != 0 {
                rmdir(fresh)
            }
            try FileIO.makeDirectories(final)
            FileIO.markTopDirectory(final)
            spreadingFolders.insert(first)
        }
        // Spreading every page's folder costs kernel time of its own: it pays only for a first
        // build, which likely follows an `rm -rf` of the previous output. A rebuild links
        // unchanged files from the previous output instead.
        if isFirstBuild, let level2, !spreadingFolders.contains(level2) {
            let path = staging.path + "/" + level2
            try FileIO.makeDirectories(path)
            FileIO.markTopDirectory(path)
            spreadingFolders.insert(level2)
        }
    }

    /// What this build wrote compared with the previous output: new, changed and unchanged files,
    /// and the files of the previous output it did not write (they go with the swap).
    /// - Parameter sorted: sort the lists (for printing); the counts alone need no sorting.
    public func plan(sorted: Bool = true) -> (new: [String], changed: [String], unchanged: Int, deleted: [String]) {
        changesLock.lock()
        defer { changesLock.unlock() }
        let old = (try? FileIO.listFiles(target.path)) ?? []
        var new: [String] = [], changed: [String] = [], deleted = old.filter { changes[$0] == nil }
        var unchanged = 0
        for (path, change) in changes {
            switch change {
            case .new: new.append(path)
            case .changed: changed.append(path)
            case .unchanged: unchanged += 1
            }
        }
        if sorted {
            new.sort()
            changed.sort()
            deleted.sort()
        }
        return (new, changed, unchanged, deleted)
    }

    /// Writes text as UTF-8.
    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Array(text.utf8))
    }

    /// Swaps the staging folder in place of the output folder: in one atomic step where the system
    /// allows (so a build killed at any moment leaves a complete output), else in two renames.
    public func commit() throws {
        if fm.fileExists(atPath: target.path), FileIO.exchange(staging.path, target.path) {
            try? fm.removeItem(at: staging)   // now the previous output
            return
        }
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).handbook-old-\(getpid())")
        do {
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: old)
            }
            try fm.moveItem(at: staging, to: target)
            try? fm.removeItem(at: old)
        } catch {
            if !fm.fileExists(atPath: target.path), fm.fileExists(atPath: old.path) {
                try? fm.moveItem(at: old, to: target)
            }
            throw Failure(Phrase(en: "cannot replace the output folder: \(error.localizedDescription)",
                                 zh: "无法替换输出文件夹：\(error.localizedDescription)"))
        }
    }

    /// Removes the staging folder (after a failed build); the previous output stays.
    public func discard() {
        try? fm.removeItem(at: staging)
    }
}
