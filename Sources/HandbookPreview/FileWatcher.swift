import Foundation
#if os(Linux)
import Glibc

/// Watches folders (and every folder below them, including new ones) with Linux inotify and
/// reports the paths of files created, written, moved or removed. One blocking reader thread;
/// no polling of files.
public final class FileWatcher: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var stopped = false
    private let onChange: @Sendable ([String]) -> Void

    /// Starts watching `roots`; `onChange` is called on the watcher's thread with absolute paths.
    public init(_ roots: [String], onChange: @escaping @Sendable ([String]) -> Void) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw WatchError(message: "cannot watch files: \(String(cString: strerror(errno)))") }
        self.onChange = onChange
        for root in roots { try watchTree(root) }
        let thread = Thread { [self] in readLoop() }
        thread.name = "handbook-watcher"
        thread.start()
    }

    /// A folder that cannot be watched (for example, too many folders for the system's limit).
    public struct WatchError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Stops watching; the reader thread ends within a fraction of a second.
    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY
                                     | IN_DELETE_SELF | IN_ATTRIB)

    /// Watches `folder` and the folders inside it; returns the files found in new folders.
    @discardableResult
    private func watchTree(_ folder: String) throws -> [String] {
        let wd = inotify_add_watch(fd, folder, Self.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else {
            let reason = errno == ENOSPC
                ? "the system's limit of watched folders is reached (raise fs.inotify.max_user_watches)"
                : String(cString: strerror(errno))
            throw WatchError(message: "cannot watch \(folder): \(reason)")
        }
        lock.lock()
        folders[wd] = folder
        lock.unlock()
        var found: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                found += (try? watchTree(path)) ?? []
            } else {
                found.append(path)
            }
        }
        return found
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            lock.lock()
            let done = stopped
            lock.unlock()
            if done { break }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { continue }
            var paths: [String] = []
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                lock.lock()
                let folder = folders[wd]
                if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
                lock.unlock()
                guard let folder, !name.isEmpty else { continue }
                let path = folder + "/" + name
                paths.append(path)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    paths += (try? watchTree(path)) ?? []
                }
            }
            if !paths.isEmpty { onChange(paths) }
        }
        close(fd)
    }
}
#else
/// File watching uses Linux inotify; on other systems `handbook serve` says so instead of
/// watching.
public final class FileWatcher: @unchecked Sendable {
    public init(_ roots: [String], onChange: @escaping @Sendable ([String]) -> Void) throws {
        throw WatchError(message: "watching files needs Linux (inotify); run handbook build after each edit instead")
    }

    public struct WatchError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public func stop() {}
}
#endif
