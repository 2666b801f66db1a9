/// A growable buffer for hot loops: appending and clearing without the uniqueness checks and
/// generic range replacement an `Array` pays on every call. Owns its memory (noncopyable).
struct Scratch<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The elements so far (valid until the next change).
    var all: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    subscript(i: Int) -> Element { base[i] }

    /// The elements in `range` (valid until the next change).
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    mutating func append(_ e: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = e
        count += 1
    }

    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(to: count + elements.count) }
        (base + count).update(from: source, count: elements.count)
        count += elements.count
    }

    mutating func removeAll() { count = 0 }

    private mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }
}

extension Scratch where Element == UInt8 {
    /// Appends the UTF-8 encoding of `s`.
    mutating func append(_ s: Unicode.Scalar) {
        UTF8.encode(s) { append($0) }
    }

    /// Appends ASCII `bytes` with the letters A–Z made lower case.
    mutating func appendLowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        for (k, b) in bytes.enumerated() { base[count + k] = b >= 65 && b <= 90 ? b + 32 : b }
        count += bytes.count
    }
}
