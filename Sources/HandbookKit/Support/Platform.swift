#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls that differ between platforms, in one place. `handbook` is built and tested
/// on Linux (glibc); elsewhere the Linux-only calls report that they cannot, and callers take
/// their portable path (two renames instead of an atomic exchange, no folder placement hint).
public enum Platform {
    /// `read(2)`.
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `write(2)`.
    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// The size and modification time of the running program (Linux: `/proc/self/exe`), so a
    /// build made by another version of the program is not taken as current; nil elsewhere.
    static var executableStamp: FileIO.Stamp? {
        #if os(Linux)
        FileIO.stamp("/proc/self/exe")
        #else
        nil
        #endif
    }

    /// `realpath(3)`, or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `link(2)`: true when `new` now names the file `existing` names.
    static func hardLink(_ existing: String, _ new: String) -> Bool {
        #if canImport(Glibc)
        Glibc.link(existing, new) == 0
        #else
        Darwin.link(existing, new) == 0
        #endif
    }

    /// Swaps two paths in one atomic step (Linux `renameat2` with `RENAME_EXCHANGE`); false when
    /// the system or file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        renameat2(AT_FDCWD, a, AT_FDCWD, b, 2) == 0   // 2 = RENAME_EXCHANGE
        #else
        false
        #endif
    }

    /// Reads or sets a folder's ext4 "top of hierarchy" flag (`chattr +T`, Linux `FS_TOPDIR_FL`):
    /// false when the system or file system has no such flag.
    static func topDirectory(_ path: String, set: Bool) -> Bool {
        #if os(Linux)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // FS_IOC_GETFLAGS, FS_IOC_SETFLAGS and FS_TOPDIR_FL from linux/fs.h.
        let getFlags: UInt = 0x8008_6601, setFlags: UInt = 0x4008_6602, topDirectory = 0x0002_0000
        var flags = 0
        guard ioctl(fd, getFlags, &flags) == 0 else { return false }
        guard set else { return flags & topDirectory != 0 }
        flags |= topDirectory
        return ioctl(fd, setFlags, &flags) == 0
        #else
        false
        #endif
    }

    /// The command that opens a URL in the desktop's browser.
    public static var openCommand: String {
        #if os(Linux)
        "xdg-open"
        #else
        "open"
        #endif
    }
}

#if os(Linux)
/// glibc's `renameat2` (2.28 and later), which Swift's Glibc module does not expose.
@_silgen_name("renameat2")
private func renameat2(_ oldDirectory: Int32, _ oldPath: UnsafePointer<CChar>, _ newDirectory: Int32,
                       _ newPath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
#endif
