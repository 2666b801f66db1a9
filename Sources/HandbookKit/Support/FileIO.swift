import Foundation

/// Plain POSIX file access for the hot paths (reading thousands of guides, writing thousands of
/// pages): one `open` + `fstat` + `read` per file, `readdir` with file types, `mkdir` without
/// probing. Foundation's `FileManager` costs several extra system calls per file here.
enum FileIO {
    /// A failed file operation, with the system's reason.
    struct Failure: Error, CustomStringConvertible {
        /// What failed, in both languages (the system's reason stays as the system gives it).
        var phrase: Phrase
        var description: String { phrase.en }
    }

    enum ReadError: Error {
        case tooLarge(Int)
        case failed(String)
    }

    /// The bytes of the file at `path`, refusing files larger than `limit`.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.failed(reason())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.failed(reason())) }
        let size = Int(info.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let n = bytes.withUnsafeMutableBytes { Platform.read(fd, $0.baseAddress! + offset, size - offset) }
            if n < 0 { return .failure(.failed(reason())) }
            if n == 0 { break }
            offset += n
        }
        if offset < size { bytes.removeLast(size - offset) }
        return .success(bytes)
    }

    /// Every regular file under `root` as sorted relative paths; names starting with `.` are skipped.
    /// Symbolic links are followed only when they point to a regular file.
    static func listFiles(_ root: String) throws -> [String] {
        var skipped: [(String, Phrase)] = []
        return try listFiles(root, skipped: &skipped)
    }

    /// The same, also giving the symbolic links that were not followed: (relative path, why).
    static func listFiles(_ root: String, skipped: inout [(String, Phrase)]) throws -> [String] {
        var out: [String] = []
        try walk(root, prefix: "", into: &out, skipped: &skipped, depth: 0)
        return out.sorted()
    }

    private static func walk(_ folder: String, prefix: String, into out: inout [String], skipped: inout [(String, Phrase)],
                             depth: Int) throws {
        guard depth < 64 else { throw Failure(phrase: Phrase(en: "folders nested too deep under \(folder)", zh: "\(folder) 下的文件夹嵌套过深")) }
        guard let dir = opendir(folder) else { throw Failure(phrase: cannot("list", "列出", folder)) }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                var info = stat()
                if stat(path, &info) != 0 {
                    if errno == ELOOP {
                        skipped.append((prefix + name, Phrase(en: "this symbolic link leads in a loop and is ignored",
                                                              zh: "这个符号链接形成循环，已忽略")))
                    } else {
                        out.append(prefix + name)   // a broken link: listed, so reading it reports the problem
                    }
                    continue
                }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
                if entry.pointee.d_type == UInt8(DT_LNK), type == Int32(DT_DIR) {
                    skipped.append((prefix + name, Phrase(en: "this symbolic link to a folder is not followed and is ignored",
                                                          zh: "这个符号链接指向文件夹，不会跟随，已忽略")))
                    continue
                }
            }
            if type == Int32(DT_DIR) {
                try walk(path, prefix: prefix + name + "/", into: &out, skipped: &skipped, depth: depth + 1)
            } else if type == Int32(DT_REG) {
                out.append(prefix + name)
            }
        }
    }

    /// Creates `path` and any missing parents (no error when it exists).
    static func makeDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(phrase: cannot("create", "创建", path)) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw Failure(phrase: cannot("create", "创建", path)) }
        try makeDirectories(parent)
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(phrase: cannot("create", "创建", path)) }
    }

    /// A file's size and modification time, to notice that it changed.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    /// The stamp of the file at `path`, or nil when it cannot be read.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// Writes `bytes` to a new file at `path` (replacing any file there).
    static func write(_ path: String, _ bytes: [UInt8]) throws {
        KillSwitch.write()
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(phrase: cannot("write", "写入", path)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Platform.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw Failure(phrase: cannot("write", "写入", path)) }
            offset += n
        }
    }

    /// True when the file at `path` exists and holds exactly `bytes` (its size is checked first).
    static func hasContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        var buffer = [UInt8](repeating: 0, count: min(bytes.count, 1 << 16))
        var offset = 0
        while offset < bytes.count {
            let n = buffer.withUnsafeMutableBytes { Platform.read(fd, $0.baseAddress!, $0.count) }
            guard n > 0, offset + n <= bytes.count else { return false }
            if !bytes[offset..<(offset + n)].elementsEqual(buffer[0..<n]) { return false }
            offset += n
        }
        return true
    }

    /// Swaps two paths in one atomic step; false when the system or file system cannot (the caller
    /// then renames in two steps).
    static func exchange(_ a: String, _ b: String) -> Bool { Platform.exchange(a, b) }

    /// Marks the folder at `path` as the top of a hierarchy: ext4 then places each folder created
    /// directly inside it in a block group of its own choosing rather than its parent's. False when
    /// the file system does not support it.
    @discardableResult
    static func markTopDirectory(_ path: String) -> Bool { Platform.topDirectory(path, set: true) }

    /// True when the folder at `path` is marked as the top of a hierarchy.
    static func isTopDirectory(_ path: String) -> Bool { Platform.topDirectory(path, set: false) }

    /// True when `path` itself is a symbolic link.
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The absolute path with every link resolved, or nil.
    static func realPath(_ path: String) -> String? { Platform.realPath(path) }

    /// Hard-links `existing` as `new`; false when that is not possible (the caller then copies).
    static func link(_ existing: String, _ new: String) -> Bool { Platform.hardLink(existing, new) }

    private static func reason() -> String { String(cString: strerror(errno)) }

    /// `cannot <verb> <path>: <reason>` / `无法<verb> <path>：<reason>` (the reason as the system gives it).
    private static func cannot(_ en: String, _ zh: String, _ path: String) -> Phrase {
        let why = reason()
        return Phrase(en: "cannot \(en) \(path): \(why)", zh: "无法\(zh) \(path)：\(why)")
    }
}
