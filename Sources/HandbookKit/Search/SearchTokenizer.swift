import Foundation

/// Splits text into search tokens, the same way at build time (Swift) and at query time
/// (`Templates/assets/search.js` mirrors this file; change both together).
///
/// - Han characters: every pair of neighbours (bigram), so any substring of two or more
///   characters is found without a dictionary; a lone character is a token of its own.
/// - Letters and digits: lower-cased words, split where letters meet digits; English words
///   lose a plural or -ing/-ed ending; a few stop words are dropped.
/// - Codes: parts joined by `-`, `.`, `/` or `:` (`62133-2:2017`, `8507.60`) also give the joined
///   forms (`62133-2`, `621332`, `8507.60`, `850760`), and a word before a number gives the glued
///   form (`IEC 62133` → `iec62133`), so codes are found however they are typed. These derived
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
        var han: [Unicode.Scalar] = []
        var word: [Unicode.Scalar] = []          // the current letters-and-digits run
        var parts: [String] = []                 // parts of the current code (words split by separators)
        var separators: [Unicode.Scalar] = []    // the separator before each part after the first
        var pendingSeparator: Unicode.Scalar?
        var previousLetters: String?             // a letters-only code just before, for `iec62133`

        func flushHan() {
            if han.count == 1 {
                out.append(Token(text: String(String.UnicodeScalarView(han)), isDerived: false))
            } else if han.count > 1 {
                for i in 0..<(han.count - 1) {
                    out.append(Token(text: String(String.UnicodeScalarView([han[i], han[i + 1]])), isDerived: false))
                }
            }
            if hanTrigrams, han.count > 2 {
                for i in 0..<(han.count - 2) {
                    out.append(Token(text: String(String.UnicodeScalarView(han[i...(i + 2)])), isDerived: true))
                }
            }
            han.removeAll()
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            // Split where letters meet digits: "iec62133" → "iec", "62133".
            var piece: [Unicode.Scalar] = []
            var pieces: [String] = []
            for scalar in word {
                if let last = piece.last, isDigit(last) != isDigit(scalar) {
                    pieces.append(String(String.UnicodeScalarView(piece)))
                    piece.removeAll()
                }
                piece.append(scalar)
            }
            pieces.append(String(String.UnicodeScalarView(piece)))
            if pieces.count > 1 {
                // Glued letters and digits count as one part of the code, joined both ways.
                for p in pieces { emitBase(p) }
                let glued = pieces.joined()
                out.append(Token(text: glued, isDerived: true))
                addPart(glued, isGlued: true)
            } else {
                emitBase(pieces[0])
                addPart(pieces[0], isGlued: false)
            }
            word.removeAll()
        }
        func emitBase(_ text: String) {
            let stemmed = stem(text)
            if !stopWords.contains(stemmed) { out.append(Token(text: stemmed, isDerived: false)) }
        }
        func addPart(_ part: String, isGlued: Bool) {
            if parts.isEmpty || pendingSeparator == nil {
                finishCode()
                parts = [part]
            } else {
                separators.append(pendingSeparator!)
                parts.append(part)
            }
            pendingSeparator = nil
        }
        func finishCode() {
            if parts.count > 1 {
                var withSeparators = parts[0], withoutSeparators = parts[0]
                for i in 1..<parts.count {
                    withSeparators += String(separators[i - 1]) + parts[i]
                    withoutSeparators += parts[i]
                    out.append(Token(text: withSeparators, isDerived: true))
                    out.append(Token(text: withoutSeparators, isDerived: true))
                }
            }
            if let letters = previousLetters, let first = parts.first, let c = first.unicodeScalars.first, isDigit(c) {
                var glued = letters + first
                out.append(Token(text: glued, isDerived: true))
                for i in 1..<max(1, parts.count) {
                    glued += String(separators[i - 1]) + parts[i]
                    out.append(Token(text: glued, isDerived: true))
                }
            }
            if parts.count == 1, let only = parts.first, only.unicodeScalars.allSatisfy({ !isDigit($0) }),
               !stopWords.contains(only) {
                previousLetters = only
            } else if !parts.isEmpty {
                previousLetters = nil
            }
            parts.removeAll()
            separators.removeAll()
        }

        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in normalized.unicodeScalars {
            if isHan(scalar) {
                flushWord()
                finishCode()
                previousLetters = nil
                pendingSeparator = nil
                han.append(scalar)
            } else if isWordScalar(scalar) {
                flushHan()
                if word.isEmpty, pendingSeparator == nil, !parts.isEmpty { finishCode() }
                word.append(scalar)
            } else {
                flushHan()
                let hadWord = !word.isEmpty
                flushWord()
                if hadWord, scalar == "-" || scalar == "." || scalar == "/" || scalar == ":" {
                    pendingSeparator = scalar
                } else {
                    if pendingSeparator != nil || scalar != " " { finishCode() }
                    // Punctuation, or a separator followed by a space ("battery. 2017"), ends the phrase.
                    if scalar != " " || pendingSeparator != nil { previousLetters = nil }
                    pendingSeparator = nil
                }
            }
        }
        flushHan()
        flushWord()
        finishCode()
        return out
    }

    /// A light English stemmer: plural and -ing/-ed endings (only on letters-only words).
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return word }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.hasSuffix("ing"), word.count > 5 { return String(word.dropLast(3)) }
        if word.hasSuffix("ed"), word.count > 4 { return String(word.dropLast(2)) }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") { return String(word.dropLast()) }
        return word
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2FA1F).contains(v)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// Letters and digits of any script other than Han (Latin, Cyrillic, Arabic …).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return ("a"..."z").contains(s) || isDigit(s) }
        return s.properties.isAlphabetic && !isHan(s)
    }
}
