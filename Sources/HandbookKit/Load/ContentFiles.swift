import Foundation

/// The edge where content is read from disk: lists and reads files under a root folder.
struct ContentFiles: Sendable {
    /// The root folder as the user gave it (used in diagnostics).
    let root: String

    /// Every regular file under `root`, as sorted relative paths; hidden files and folders skipped.
    func list() throws -> [String] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    enumerator.skipDescendants()
                }
                continue
            }
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { out.append(path) }
        }
        return out.sorted()
    }

    /// The path to show in diagnostics for a relative path.
    func display(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// Reads and decodes a text file (UTF-8, size-limited).
    func text(_ relative: String) -> Result<String, Diagnostic> {
        let path = display(relative)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > TextDecoder.maxFileSize {
            return .failure(Diagnostic(.error, .fileTooLarge,
                                       "file is \(size / 1_048_576) MB; the limit is \(TextDecoder.maxFileSize / 1_048_576) MB",
                                       at: SourceLocation(file: path), hint: "split it into smaller files"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(.error, .unreadableFile, "cannot read the file", at: SourceLocation(file: path)))
        }
        return TextDecoder.decode([UInt8](data), file: path)
    }
}
