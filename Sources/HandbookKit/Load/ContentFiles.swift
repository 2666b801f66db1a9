/// The edge where content is read from disk: lists and reads files under a root folder.
struct ContentFiles: Sendable {
    /// The root folder as the user gave it (used in diagnostics).
    let root: String

    /// Every regular file under `root`, as sorted relative paths; hidden files and folders skipped.
    func list() throws -> [String] {
        try FileIO.listFiles(root)
    }

    /// The same, also giving the symbolic links not followed (loops, links to folders): (path, why).
    func list(skipped: inout [(String, String)]) throws -> [String] {
        try FileIO.listFiles(root, skipped: &skipped)
    }

    /// The path to show in diagnostics for a relative path.
    func display(_ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// Reads and decodes a text file (UTF-8, size-limited).
    func text(_ relative: String) -> Result<String, Diagnostic> {
        let path = display(relative)
        if FileIO.isSymbolicLink(path), let target = FileIO.realPath(path), let inside = FileIO.realPath(root),
           !target.hasPrefix(inside + "/") {
            return .failure(Diagnostic(.error, .unreadableFile, "this file is a link to \(target), outside the content folder",
                                       at: SourceLocation(file: path), hint: "copy the file into the content folder instead of linking it"))
        }
        switch FileIO.read(path, limit: TextDecoder.maxFileSize) {
        case .success(let bytes):
            return TextDecoder.decode(bytes, file: path)
        case .failure(.tooLarge(let size)):
            return .failure(Diagnostic(.error, .fileTooLarge,
                                       "file is \(megabytes(size)) MB; the limit is \(megabytes(TextDecoder.maxFileSize)) MB",
                                       at: SourceLocation(file: path), hint: "split it into smaller files"))
        case .failure(.failed(let reason)):
            return .failure(Diagnostic(.error, .unreadableFile, "cannot read the file: \(reason)", at: SourceLocation(file: path)))
        }
    }

    /// Bytes as megabytes with one decimal, rounded up (so a file over the limit never looks equal to it).
    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 1_048_575) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
