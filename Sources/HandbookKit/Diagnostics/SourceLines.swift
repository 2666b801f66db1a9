import Foundation

/// Reads the lines of files that diagnostics point at (each file once, as bytes).
public struct SourceLines {
    /// Creates an empty reader.
    public init() {}

    private var files: [String: [UInt8]] = [:]

    /// Line `number` (1-based) of the file at `path`, without its line ending.
    public mutating func line(_ number: Int, of path: String) -> String? {
        if files[path] == nil {
            guard let data = FileManager.default.contents(atPath: path), data.count < 16_000_000 else { return nil }
            files[path] = [UInt8](data)
        }
        guard let bytes = files[path], number >= 1 else { return nil }
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
