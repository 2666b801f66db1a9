/// The edge where content is read from disk: lists and reads files under a root folder.
struct ContentFiles: Sendable {
    /// The root folder as the user gave it (used in diagnostics).
    let root: String

    /// Every regular file under `root`, as sorted relative paths; hidden files and folders skipped.
    func list() throws -> [String] {
        try FileIO.listFiles(root)
    }

    /// The same, also giving the symbolic links not followed (loops, links to folders): (path, why).
    func list(skipped: inout [(String, Phrase)]) throws -> [String] {
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
            return .failure(Diagnostic(.error, .unreadableFile,
                                       Phrase(en: "this file is a link to \(target), outside the content folder",
                                              zh: "这个文件是链接，指向内容文件夹之外的 \(target)"),
                                       at: SourceLocation(file: path),
                                       hint: Phrase(en: "copy the file into the content folder instead of linking it",
                                                    zh: "把文件复制到内容文件夹中，不要用链接")))
        }
        switch FileIO.read(path, limit: TextDecoder.maxFileSize) {
        case .success(let bytes):
            return TextDecoder.decode(bytes, file: path)
        case .failure(.tooLarge(let size)):
            return .failure(Diagnostic(.error, .fileTooLarge,
                                       Phrase(en: "file is \(megabytes(size)) MB; the limit is \(megabytes(TextDecoder.maxFileSize)) MB",
                                              zh: "文件大小为 \(megabytes(size)) MB，超过了 \(megabytes(TextDecoder.maxFileSize)) MB 的上限"),
                                       at: SourceLocation(file: path), hint: Phrase(en: "split it into smaller files", zh: "把它拆成几个较小的文件")))
        case .failure(.failed(let reason)):
            return .failure(Diagnostic(.error, .unreadableFile, Phrase(en: "cannot read the file: \(reason)", zh: "无法读取文件：\(reason)"),
                                       at: SourceLocation(file: path)))
        }
    }

    /// Bytes as megabytes with one decimal, rounded up (so a file over the limit never looks equal to it).
    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 1_048_575) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
