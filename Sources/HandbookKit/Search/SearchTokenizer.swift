/// Splits text into search tokens, the same way at build time (Swift) and at query time
/// (`Templates/assets/search.js` mirrors this file; change both together).
///
/// - Text is normalised: full-width ASCII forms and the ideographic space become ASCII, letters
///   become lower case.
/// - Han characters: every pair of neighbours (bigram), so any substring of two or more
///   characters is found without a dictionary; a lone character is a token of its own.
/// - Letters and digits: lower-cased words, split where letters meet digits; English words
///   lose a plural or -ing/-ed ending; a few stop words are dropped.
/// - Codes: parts joined by `-`, `.`, `/` or `:` (`62133-2:2017`, `8507.60`) also give the joined
///   forms (`62133-2`, `621332`, `8507.60`, `850760`), and a word before a number gives the glued
///   form of a short word (up to four letters) with it (`IEC 62133` → `iec62133`), so codes are
///   found however they are typed. These derived
///   tokens help ranking but a query does not require them.
public enum SearchTokenizer {
    /// One token and whether a query must match it (base) or it only helps (derived).
    public struct Token: Hashable, Sendable {
        public var text: String
        public var isDerived: Bool
    }

    static let stopWords: Set<String> = ["the", "a", "an", "of", "and", "or", "for", "in", "to", "on", "with", "by", "is", "are", "be"]

    /// The tokens of `text` in order (with repeats). With `hanTrigrams` (titles, and queries), runs of
    /// three or more Han characters also give their trigrams as derived tokens, so a title holding
    /// the exact phrase ranks above one that only holds its pairs apart.
    public static func tokens(_ text: String, hanTrigrams: Bool = false) -> [Token] {
        var out: [Token] = []
        forEachToken(in: text, hanTrigrams: hanTrigrams) { out.append(Token(text: $0, isDerived: $1)) }
        return out
    }

    /// Calls `emit(token, isDerived)` for every token of `text`, in order.
    public static func forEachToken(in text: String, hanTrigrams: Bool = false, _ emit: (String, Bool) -> Void) {
        var state = State(hanTrigrams: hanTrigrams)
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {   // ASCII, the bulk of most text: letters and digits go straight into the word
                    let lower = b >= 65 && b <= 90 ? b + 32 : b
                    if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
                        state.feedWordByte(lower, emit)
                    } else {
                        state.feed(Unicode.Scalar(lower), emit)
                    }
                    i += 1
                    continue
                }
                // One scalar of valid UTF-8 (a String's bytes always are).
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                i += length
                feedNonASCII(Unicode.Scalar(v) ?? "\u{FFFD}", &state, emit)
            }
        }
        state.finish(emit)
    }

    /// Lower-cases and folds one scalar above ASCII into `state`.
    private static func feedNonASCII(_ raw: Unicode.Scalar, _ state: inout State, _ emit: (String, Bool) -> Void) {
        let v = raw.value
        if v >= 0xFF01 && v <= 0xFF5E {
            let ascii = v - 0xFEE0
            state.feed(Unicode.Scalar(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii)!, emit)
        } else if v == 0x3000 {
            state.feed(" ", emit)
        } else if isHan(raw) {
            state.feedHan(raw, emit)
        } else if raw.properties.changesWhenLowercased {
            for s in raw.properties.lowercaseMapping.unicodeScalars { state.feed(s, emit) }
        } else {
            state.feed(raw, emit)
        }
    }

    /// The tokenizer's state between characters.
    private struct State {
        let hanTrigrams: Bool
        var hanCount = 0
        var han1: Unicode.Scalar = " ", han2: Unicode.Scalar = " "   // the last two Han characters
        var word: [UInt8] = []                                       // the current letters-and-digits run, UTF-8
        var parts: [String] = []                                     // parts of the current code
        var separators: [Unicode.Scalar] = []                        // the separator before each later part
        var pending: Unicode.Scalar?
        var previousLetters: String?                                 // a letters-only word just before

        init(hanTrigrams: Bool) {
            self.hanTrigrams = hanTrigrams
        }

        mutating func feed(_ s: Unicode.Scalar, _ emit: (String, Bool) -> Void) {
            let v = s.value
            let isWord: Bool
            if v < 0x80 {
                isWord = (v >= 97 && v <= 122) || (v >= 48 && v <= 57)
            } else if SearchTokenizer.isHan(s) {
                feedHan(s, emit)
                return
            } else {
                isWord = s.properties.isAlphabetic
            }
            if isWord {
                if hanCount > 0 { flushHan(emit) }
                if word.isEmpty, pending == nil, !parts.isEmpty { finishCode(emit) }
                if v < 0x80 { word.append(UInt8(v)) } else { word.append(contentsOf: String(s).utf8) }
            } else {
                if hanCount > 0 { flushHan(emit) }
                let hadWord = !word.isEmpty
                flushWord(emit)
                if hadWord, s == "-" || s == "." || s == "/" || s == ":" {
                    pending = s
                } else {
                    if pending != nil || s != " " { finishCode(emit) }
                    // Punctuation, or a separator followed by a space ("battery. 2017"), ends the phrase.
                    if s != " " || pending != nil { previousLetters = nil }
                    pending = nil
                }
            }
        }

        /// An ASCII letter (lower case) or digit: the same as `feed` does with it, in fewer steps.
        mutating func feedWordByte(_ b: UInt8, _ emit: (String, Bool) -> Void) {
            if hanCount > 0 { flushHan(emit) }
            if word.isEmpty, pending == nil, !parts.isEmpty { finishCode(emit) }
            word.append(b)
        }

        mutating func feedHan(_ s: Unicode.Scalar, _ emit: (String, Bool) -> Void) {
            flushWord(emit)
            finishCode(emit)
            previousLetters = nil
            pending = nil
            if hanCount >= 1 {
                var pair = String()
                pair.unicodeScalars.append(han2)
                pair.unicodeScalars.append(s)
                emit(pair, false)
                if hanTrigrams, hanCount >= 2 {
                    var triple = String()
                    triple.unicodeScalars.append(han1)
                    triple.unicodeScalars.append(contentsOf: pair.unicodeScalars)
                    emit(triple, true)
                }
            }
            han1 = han2
            han2 = s
            hanCount += 1
        }

        mutating func finish(_ emit: (String, Bool) -> Void) {
            flushHan(emit)
            flushWord(emit)
            finishCode(emit)
        }

        mutating func flushHan(_ emit: (String, Bool) -> Void) {
            if hanCount == 1 { emit(String(han2), false) }
            hanCount = 0
        }

        mutating func flushWord(_ emit: (String, Bool) -> Void) {
            guard !word.isEmpty else { return }
            // Split where letters meet digits: "iec62133" → "iec", "62133" (digits are ASCII).
            var start = 0
            var lastIsDigit = word[0] >= 48 && word[0] <= 57
            var first: String?
            for i in 1..<word.count {
                let b = word[i]
                if b & 0xC0 == 0x80 { continue }   // inside a multi-byte letter
                let digit = b >= 48 && b <= 57
                if digit != lastIsDigit {
                    let piece = emitPiece(start, i, emit)
                    if first == nil { first = piece }
                    start = i
                    lastIsDigit = digit
                }
            }
            let last = emitPiece(start, word.count, emit)
            if first != nil {
                let glued = String(decoding: word, as: UTF8.self)
                emit(glued, true)
                addPart(glued, emit)
            } else {
                addPart(last, emit)
            }
            word.removeAll(keepingCapacity: true)
        }

        /// Emits `word[start..<end]` stemmed (unless it is a stop word); returns it unstemmed.
        private func emitPiece(_ start: Int, _ end: Int, _ emit: (String, Bool) -> Void) -> String {
            word.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
                let piece = String(decoding: bytes, as: UTF8.self)
                let (keep, addY) = SearchTokenizer.stemmed(bytes)
                let stemmed = keep == bytes.count ? piece
                    : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<keep]), as: UTF8.self) + (addY ? "y" : "")
                if !SearchTokenizer.isStopWord(stemmed) { emit(stemmed, false) }
                return piece
            }
        }

        mutating func addPart(_ part: String, _ emit: (String, Bool) -> Void) {
            if parts.isEmpty || pending == nil {
                finishCode(emit)   // leaves `parts` empty
                parts.append(part)
            } else {
                separators.append(pending!)
                parts.append(part)
            }
            pending = nil
        }

        mutating func finishCode(_ emit: (String, Bool) -> Void) {
            if parts.count > 1 {
                var withSeparators = parts[0], withoutSeparators = parts[0]
                for i in 1..<parts.count {
                    withSeparators += String(separators[i - 1]) + parts[i]
                    withoutSeparators += parts[i]
                    emit(withSeparators, true)
                    emit(withoutSeparators, true)
                }
            }
            if let letters = previousLetters, let c = parts.first?.utf8.first, c >= 48, c <= 57 {
                var glued = letters + parts[0]
                emit(glued, true)
                for i in 1..<max(1, parts.count) {
                    glued += String(separators[i - 1]) + parts[i]
                    emit(glued, true)
                }
            }
            // Only short letter words glue to a following number: prefixes of codes (IEC, EN, UN,
            // SNI, QCVN …), not ordinary words ("Guide 12").
            if parts.count == 1, parts[0].utf8.count <= 4, !parts[0].utf8.contains(where: { $0 >= 48 && $0 <= 57 }),
               !SearchTokenizer.isStopWord(parts[0]) {
                previousLetters = parts[0]
            } else if !parts.isEmpty {
                previousLetters = nil
            }
            parts.removeAll(keepingCapacity: true)
            separators.removeAll(keepingCapacity: true)
        }
    }

    /// A light English stemmer (plural and -ing/-ed endings, only on letters-only words): how
    /// many of a word's UTF-8 bytes to keep, and whether a "y" follows them.
    static func stemmed(_ w: UnsafeBufferPointer<UInt8>) -> (keep: Int, addY: Bool) {
        let n = w.count
        guard n > 3, w.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return (n, false) }
        func ends(_ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            return n >= k && (0..<k).allSatisfy { w[n - k + $0] == suffix.utf8Start[$0] }
        }
        if ends("ies"), n > 4 { return (n - 3, true) }
        if ends("sses") { return (n - 2, false) }
        if ends("ing"), n > 5 { return (n - 3, false) }
        if ends("ed"), n > 4 { return (n - 2, false) }
        if ends("s"), !ends("ss"), !ends("us") { return (n - 1, false) }
        return (n, false)
    }

    /// True for the stop words (all of them four bytes or shorter).
    static func isStopWord(_ word: String) -> Bool {
        word.utf8.count <= 4 && stopWords.contains(word)
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2FA1F).contains(v)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Letters and digits of any script other than Han (Latin, Cyrillic, Arabic …).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 97 && v <= 122) || (v >= 48 && v <= 57) }
        return s.properties.isAlphabetic && !isHan(s)
    }
}
