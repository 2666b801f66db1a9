#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns file bytes into text: UTF-8 only, BOM removed, CRLF normalised, NUL refused.
enum TextDecoder {
    /// Files above this size are refused with a message rather than read into memory.
    static let maxFileSize = 16 * 1024 * 1024

    /// The decoded text, or a diagnostic pointing at the first bad byte.
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return .failure(Diagnostic(.error, .invalidUTF8,
                                       Phrase(en: "file is UTF-16; content files must be UTF-8", zh: "文件是 UTF-16 编码，内容文件必须是 UTF-8"),
                                       at: SourceLocation(file: file), hint: Phrase(en: "save the file as UTF-8", zh: "把文件另存为 UTF-8")))
        }
        // Fast path: the standard library's validation (vectorised) and no NUL byte. It accepts
        // exactly what the loop below accepts; the loop runs only to locate a problem.
        func has(_ byte: Int32) -> Bool {
            body.withUnsafeBytes { $0.baseAddress.map { memchr($0, byte, body.count) != nil } ?? false }
        }
        if !has(0), let text = String(validating: body, as: UTF8.self) {
            return .success(has(13) ? text.replacingCRLF() : text)
        }
        var line = 1, column = 1
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            let length: Int
            switch b {
            case 0x00:
                return .failure(Diagnostic(.error, .invalidUTF8, Phrase(en: "file contains a NUL byte", zh: "文件中有 NUL 字节"),
                                           at: SourceLocation(file: file, line: line, column: column),
                                           hint: Phrase(en: "remove the NUL character; is this a binary file?",
                                                        zh: "删除 NUL 字符；这是不是二进制文件？")))
            case 0x0A: line += 1; column = 0; length = 1
            case 0x0D:
                length = 1
                if i + 1 >= body.endIndex || body[i + 1] != 0x0A { line += 1; column = 0 }
            case 0x01...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= body.endIndex
            if valid, length > 1 {
                for k in 1..<length where body[i + k] & 0xC0 != 0x80 { valid = false }
                if valid, length == 3 {
                    let v = (UInt32(b & 0x0F) << 12) | (UInt32(body[i + 1] & 0x3F) << 6)
                    if v < 0x800 || (0xD800...0xDFFF).contains(v) { valid = false }
                }
                if valid, length == 4 {
                    let v = (UInt32(b & 0x07) << 18) | (UInt32(body[i + 1] & 0x3F) << 12)
                    if v < 0x10000 || v > 0x10FFFF { valid = false }
                }
            }
            guard valid else {
                let byte = "0x" + String(b, radix: 16, uppercase: true)
                return .failure(Diagnostic(.error, .invalidUTF8, Phrase(en: "invalid UTF-8 byte \(byte)", zh: "无效的 UTF-8 字节 \(byte)"),
                                           at: SourceLocation(file: file, line: line, column: column),
                                           hint: Phrase(en: "save the file as UTF-8 (it may be GBK or Latin-1)",
                                                        zh: "把文件另存为 UTF-8（它可能是 GBK 或 Latin-1 编码）")))
            }
            i += length
            column += 1
        }
        var text = String(decoding: body, as: UTF8.self)
        if text.utf8.contains(13) {
            text = text.replacingCRLF()
        }
        return .success(text)
    }
}

extension String {
    /// The text with `\r\n` and lone `\r` turned into `\n`.
    func replacingCRLF() -> String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for b in utf8 {
            if b == 13 {
                out.append(10)
                previousCR = true
            } else {
                if !(b == 10 && previousCR) { out.append(b) }
                previousCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
