// The only file that talks to libdeflate.
import Cdeflate
import Foundation

/// Gzip compression with a fixed header (no timestamp, no file name), so output is reproducible.
/// libdeflate compresses whole buffers about twice as fast as zlib at the same level and ratio.
enum Gzip {
    /// The compression level. Level 1 (nginx's default for on-the-fly gzip) took 0.50 s of CPU for
    /// the 10,000-page corpus against 1.15 s at level 6, for files 4–6% larger (31.5 MB against
    /// 30.3 MB there; 1.22 MB against 1.15 MB for the bundled handbook).
    static let level: Int32 = 1

    /// `bytes` compressed as a .gz file.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let compressor = Compressors.shared.take()
        defer { Compressors.shared.give(compressor) }
        let bound = libdeflate_gzip_compress_bound(compressor, bytes.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            count = bytes.withUnsafeBytes { input in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, out.baseAddress, bound)
            }
        }
    }

    /// Compressors kept for reuse (each holds about 1 MB of tables; one per thread at a time).
    private final class Compressors: @unchecked Sendable {
        static let shared = Compressors()
        private let lock = NSLock()
        private var idle: [OpaquePointer] = []

        func take() -> OpaquePointer {
            lock.lock()
            defer { lock.unlock() }
            if let c = idle.popLast() { return c }
            guard let c = libdeflate_alloc_compressor(Gzip.level) else { fatalError("libdeflate: out of memory") }
            return c
        }

        func give(_ c: OpaquePointer) {
            lock.lock()
            idle.append(c)
            lock.unlock()
        }
    }
}
