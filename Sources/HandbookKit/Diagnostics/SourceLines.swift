import Foundation

/// Reads the lines of files that diagnostics point at. Diagnostics come sorted by file, so only
/// the last file read is kept (keeping them all held the whole content in memory again).
public struct SourceLines {
    /// Creates an empty reader.
    public init() {}

    private var path: String?
    private var bytes: [UInt8]?

    /// Line `number` (1-based) of the file at `path`, without its line ending.
    public mutating func line(_ number: Int, of path: String) -> String? {
        if path != self.path {
            self.path = path
            // Never more than the loader reads (a 1 GB file is refused, not read to show a line).
            if case .success(let read) = FileIO.read(path, limit: TextDecoder.maxFileSize) { bytes = read } else { bytes = nil }
        }
        guard let bytes, number >= 1 else { return nil }
        var start = 0, current = 1
        while current < number {
            guard let newline = bytes[start...].firstIndex(of: 10) else { return nil }
            start = newline + 1
            current += 1
        }
        var end = bytes[start...].firstIndex(of: 10) ?? bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
