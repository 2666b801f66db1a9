import Foundation

/// Writes single files into an output folder that is being served: each file (and its `.gz`) is
/// written beside its place and renamed over it, so a reader never gets half a file.
struct LiveOutput: Sendable {
    /// The output folder (already checked by `OutputDirectory`).
    let root: String

    /// Replaces (or creates) one file and its `.gz` when it is text.
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let path = root + "/" + relative
        if let slash = relative.lastIndex(of: "/") { try FileIO.makeDirectories(root + "/" + relative[..<slash]) }
        try Self.replace(path, bytes)
        if OutputDirectory.isCompressible(relative) { try Self.replace(path + ".gz", Gzip.compress(bytes)) }
    }

    /// Removes one file and its `.gz`, and folders left empty.
    func remove(_ relative: String) {
        unlink(root + "/" + relative)
        unlink(root + "/" + relative + ".gz")
        var folder = (relative as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(root + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    private static func replace(_ path: String, _ bytes: [UInt8]) throws {
        let temporary = (path as NSString).deletingLastPathComponent + "/.handbook-tmp-" + (path as NSString).lastPathComponent
        try FileIO.write(temporary, bytes)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            let why = String(cString: strerror(errno))
            throw OutputDirectory.Failure(Phrase(en: "cannot replace \(path): \(why)", zh: "无法替换 \(path)：\(why)"))
        }
    }
}
