import Testing
@testable import HandbookKit

@Suite("TextDecoder")
struct TextDecoderTests {
    let file = "Content/pages/x.md"

    func decode(_ bytes: [UInt8]) -> Result<String, Diagnostic> { TextDecoder.decode(bytes, file: file) }
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The failure, in English only (to compare with English-only diagnostics).
    func failure(_ b: [UInt8]) -> Diagnostic? {
        if case .failure(let d) = decode(b) { return d.english }
        return nil
    }

    @Test func validUTF8WithCJKAndEmoji() throws {
        #expect(try decode(bytes("认证 ✓ 😀\n")).get() == "认证 ✓ 😀\n")
    }

    @Test func invalidByteReportsLineAndCharacterColumn() {
        #expect(failure(bytes("ab\n认c") + [0xFF] + bytes("d\n")) == Diagnostic(
            .error, .invalidUTF8, "invalid UTF-8 byte 0xFF", at: SourceLocation(file: file, line: 2, column: 3),
            hint: "save the file as UTF-8 (it may be GBK or Latin-1)"))
    }

    @Test func gbkTextIsRefusedAtItsFirstByte() {
        // "中文" in GBK is D6 D0 CE C4.
        let d = failure(bytes("# 标题\n标题：") + [0xD6, 0xD0, 0xCE, 0xC4])
        #expect(d?.message == "invalid UTF-8 byte 0xD6")
        #expect(d?.location == SourceLocation(file: file, line: 2, column: 4))
    }

    @Test(arguments: [
        ([0x61, 0xE4, 0xB8], "0xE4"),              // truncated at the end
        ([0x61, 0xC0, 0x80], "0xC0"),              // overlong two-byte form
        ([0x61, 0xE0, 0x80, 0x80], "0xE0"),        // overlong three-byte form
        ([0x61, 0xED, 0xA0, 0x80], "0xED"),        // UTF-16 surrogate
        ([0x61, 0xF4, 0x90, 0x80, 0x80], "0xF4"),  // above U+10FFFF
        ([0x61, 0x80], "0x80"),                    // lone continuation byte
        ([0x61, 0xF8, 0x80, 0x80, 0x80], "0xF8"),  // five-byte lead
    ] as [([UInt8], String)])
    func malformedSequences(_ b: [UInt8], _ byte: String) {
        let d = failure(b)
        #expect(d?.message == "invalid UTF-8 byte \(byte)")
        #expect(d?.location == SourceLocation(file: file, line: 1, column: 2))
    }

    @Test(arguments: [[0xFF, 0xFE, 0x61, 0x00], [0xFE, 0xFF, 0x00, 0x61], [0xEF, 0xBB, 0xBF, 0xFF, 0xFE]] as [[UInt8]])
    func utf16IsRefused(_ b: [UInt8]) {
        #expect(failure(b) == Diagnostic(.error, .invalidUTF8, "file is UTF-16; content files must be UTF-8",
                                         at: SourceLocation(file: file), hint: "save the file as UTF-8"))
    }

    @Test func utf8BOMIsStripped() throws {
        #expect(try decode([0xEF, 0xBB, 0xBF] + bytes("---\na: 1\n")).get() == "---\na: 1\n")
    }

    @Test func crlfAndLoneCRAreNormalised() throws {
        #expect(try decode(bytes("a\r\nb\rc\n\r\n")).get() == "a\nb\nc\n\n")
    }

    @Test func nulIsRefusedWithItsPosition() {
        #expect(failure(bytes("ab\ncd\0ef")) == Diagnostic(
            .error, .invalidUTF8, "file contains a NUL byte", at: SourceLocation(file: file, line: 2, column: 3),
            hint: "remove the NUL character; is this a binary file?"))
    }

    @Test func invalidByteAfterCRLFLinesCountsLines() {
        #expect(failure(bytes("a\r\nb\r\n") + [0xFF])?.location.line == 3)
    }

    @Test
    func invalidByteAfterLoneCRLinesCountsLines() {
        // The decoder turns each lone CR into a line break, so every later stage counts these as lines 1–3.
        #expect(failure(bytes("a\rb\r") + [0xFF])?.location == SourceLocation(file: file, line: 3, column: 1))
    }
}
