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

    /// The stop words, each packed into a `UInt32` by `packed` (all are four bytes or shorter).
    static let stopWords: [UInt32] = ["the", "a", "an", "of", "and", "or", "for", "in", "to", "on", "with", "by", "is", "are", "be"]
        .map { word in Array(word.utf8).withUnsafeBufferPointer { packed($0) } }

    /// A token's bytes, valid only during the call, and whether it is derived.
    public typealias EmitBytes = (UnsafeBufferPointer<UInt8>, Bool) -> Void

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
        forEachTokenBytes(in: text, hanTrigrams: hanTrigrams) { emit(String(decoding: $0, as: UTF8.self), $1) }
    }

    /// Calls `emit(bytes, isDerived)` for every token of `text`, in order, with the token's UTF-8
    /// bytes: no `String` is made per token (indexing a body counts its words by their bytes).
    public static func forEachTokenBytes(in text: String, hanTrigrams: Bool = false, _ emit: EmitBytes) {
        var state = State(hanTrigrams: hanTrigrams)
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {   // ASCII, the bulk of most text: a run of letters and digits goes into the word at once
                    if isASCIIWordByte(b) {
                        var end = i + 1
                        while end < bytes.count, isASCIIWordByte(bytes[end]) { end += 1 }
                        state.feedASCIIWord(UnsafeBufferPointer(rebasing: bytes[i..<end]), emit)
                        i = end
                    } else {
                        state.feed(Unicode.Scalar(b), emit)
                        i += 1
                    }
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
    private static func feedNonASCII(_ raw: Unicode.Scalar, _ state: inout State, _ emit: EmitBytes) {
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

    /// The tokenizer's state between characters, all in UTF-8 bytes.
    private struct State: ~Copyable {
        let hanTrigrams: Bool
        var hanCount = 0
        var han1: Unicode.Scalar = " ", han2: Unicode.Scalar = " "   // the last two Han characters
        var word = Scratch<UInt8>()      // the current letters-and-digits run
        var code = Scratch<UInt8>()      // the parts of the current code, each after its separator byte
        var partStarts = Scratch<Int>()  // where each part starts in `code`
        var pending: UInt8 = 0           // a separator just after a word (0: none)
        var letters = Scratch<UInt8>()   // a short letters-only word just before
        var hasLetters = false
        var scratch = Scratch<UInt8>()   // joined forms, Han pairs and stemmed words being emitted

        init(hanTrigrams: Bool) {
            self.hanTrigrams = hanTrigrams
        }

        mutating func feed(_ s: Unicode.Scalar, _ emit: EmitBytes) {
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
                if word.isEmpty, pending == 0, !partStarts.isEmpty { finishCode(emit) }
                word.append(s)
            } else {
                if hanCount > 0 { flushHan(emit) }
                let hadWord = !word.isEmpty
                flushWord(emit)
                if hadWord, s == "-" || s == "." || s == "/" || s == ":" {
                    pending = UInt8(v)
                } else {
                    if pending != 0 || s != " " { finishCode(emit) }
                    // Punctuation, or a separator followed by a space ("battery. 2017"), ends the phrase.
                    if s != " " || pending != 0 { hasLetters = false }
                    pending = 0
                }
            }
        }

        /// ASCII letters and digits (any case): what `feed` does with each of them, in fewer steps.
        mutating func feedASCIIWord(_ run: UnsafeBufferPointer<UInt8>, _ emit: EmitBytes) {
            if hanCount > 0 { flushHan(emit) }
            if word.isEmpty, pending == 0, !partStarts.isEmpty { finishCode(emit) }
            word.appendLowercasedASCII(run)
        }

        mutating func feedHan(_ s: Unicode.Scalar, _ emit: EmitBytes) {
            flushWord(emit)
            finishCode(emit)
            hasLetters = false
            pending = 0
            if hanCount >= 1 {
                scratch.removeAll()
                scratch.append(han2)
                scratch.append(s)
                emit(scratch.all, false)
                if hanTrigrams, hanCount >= 2 {
                    scratch.removeAll()
                    scratch.append(han1)
                    scratch.append(han2)
                    scratch.append(s)
                    emit(scratch.all, true)
                }
            }
            han1 = han2
            han2 = s
            hanCount += 1
        }

        mutating func finish(_ emit: EmitBytes) {
            flushHan(emit)
            flushWord(emit)
            finishCode(emit)
        }

        mutating func flushHan(_ emit: EmitBytes) {
            if hanCount == 1 {
                scratch.removeAll()
                scratch.append(han2)
                emit(scratch.all, false)
            }
            hanCount = 0
        }

        mutating func flushWord(_ emit: EmitBytes) {
            guard !word.isEmpty else { return }
            // Split where letters meet digits: "iec62133" → "iec", "62133" (digits are ASCII).
            var start = 0
            var lastIsDigit = word[0] >= 48 && word[0] <= 57
            var split = false
            for i in 1..<word.count {
                let b = word[i]
                if b & 0xC0 == 0x80 { continue }   // inside a multi-byte letter
                let digit = b >= 48 && b <= 57
                if digit != lastIsDigit {
                    emitPiece(start, i, emit)
                    split = true
                    start = i
                    lastIsDigit = digit
                }
            }
            emitPiece(start, word.count, emit)
            if split { emit(word.all, true) }
            addPart(emit)   // the glued form, or the one piece unstemmed: all of `word`
            word.removeAll()
        }

        /// Emits `word[start..<end]` stemmed, unless it is a stop word.
        private mutating func emitPiece(_ start: Int, _ end: Int, _ emit: EmitBytes) {
            let (keep, addY) = SearchTokenizer.stemmed(word.slice(start..<end))
            let stemmed: UnsafeBufferPointer<UInt8>
            if addY {
                scratch.removeAll()
                scratch.append(word.slice(start..<start + keep))
                scratch.append(UInt8(ascii: "y"))
                stemmed = scratch.all
            } else {
                stemmed = word.slice(start..<start + keep)
            }
            if !SearchTokenizer.isStopWord(stemmed) { emit(stemmed, false) }
        }

        /// Adds `word` as the next part of a code, or as the first part of a new one.
        mutating func addPart(_ emit: EmitBytes) {
            if partStarts.isEmpty || pending == 0 {
                finishCode(emit)   // leaves the code empty
            } else {
                code.append(pending)
            }
            partStarts.append(code.count)
            code.append(word.all)
            pending = 0
        }

        /// The end of part `i` in `code` (before the next part's separator).
        private func partEnd(_ i: Int) -> Int {
            i + 1 < partStarts.count ? partStarts[i + 1] - 1 : code.count
        }

        mutating func finishCode(_ emit: EmitBytes) {
            let count = partStarts.count
            guard count > 0 else { return }
            if count > 1 {
                scratch.removeAll()
                scratch.append(code.slice(0..<partEnd(0)))
                for i in 1..<count {
                    emit(code.slice(0..<partEnd(i)), true)
                    scratch.append(code.slice(partStarts[i]..<partEnd(i)))
                    emit(scratch.all, true)
                }
            }
            if hasLetters, code[0] >= 48, code[0] <= 57 {
                scratch.removeAll()
                scratch.append(letters.all)
                for i in 0..<count {
                    if i > 0 { scratch.append(code[partStarts[i] - 1]) }
                    scratch.append(code.slice(partStarts[i]..<partEnd(i)))
                    emit(scratch.all, true)
                }
            }
            // Only short letter words glue to a following number: prefixes of codes (IEC, EN, UN,
            // SNI, QCVN …), not ordinary words ("Guide 12").
            if count == 1, code.count <= 4, !code.all.contains(where: { $0 >= 48 && $0 <= 57 }),
               !SearchTokenizer.isStopWord(code.all) {
                letters.removeAll()
                letters.append(code.all)
                hasLetters = true
            } else {
                hasLetters = false
            }
            code.removeAll()
            partStarts.removeAll()
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
    static func isStopWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count <= 4 && stopWords.contains(packed(word))
    }

    /// Up to four bytes in one number (no stop word holds a zero byte, so lengths cannot clash).
    static func packed(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var v: UInt32 = 0
        for b in word.prefix(4) { v = v << 8 | UInt32(b) }
        return v
    }

    /// True for an ASCII letter (either case) or digit.
    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57)
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2FA1F).contains(v)
    }
}
