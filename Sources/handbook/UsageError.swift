import Foundation
import HandbookKit

/// argument-parser's usage errors in Chinese: its own sentences are matched and rewritten, the
/// usage lines after them are kept, and our `validate()` messages are already Chinese.
enum UsageError {
    /// The value of `--lang` among the arguments (parsed by hand: parsing itself may have failed).
    static func languageFlag(_ arguments: [String]) -> MessageLanguage? {
        for (i, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return MessageLanguage(rawValue: String(argument.dropFirst(7))) }
            if argument == "--lang", i + 1 < arguments.count { return MessageLanguage(rawValue: arguments[i + 1]) }
        }
        return nil
    }

    /// Each of argument-parser's sentences and its Chinese; `$1`, `$2` are the quoted names.
    static let sentences: [(String, String)] = [
        (#"^Error: Missing expected argument '([^']*)'"#, "错误：缺少参数“$1”"),
        (#"^Error: Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "错误：没有“$1”这个选项，是不是“$2”？"),
        (#"^Error: Unknown option '([^']*)'"#, "错误：没有“$1”这个选项"),
        (#"^Error: Unexpected argument '([^']*)'"#, "错误：多余的参数“$1”"),
        (#"^Error: Missing value for '([^']*)'"#, "错误：“$1”缺少值"),
        (#"^Error: The value '([^']*)' is invalid for '([^']*)'"#, "错误：“$2”的值“$1”无效"),
        (#"^Error: Missing expected argument"#, "错误：缺少参数"),
        (#"^Error: "#, "错误："),
        (#"^Help: "#, "说明："),
        (#"^Usage: "#, "用法："),
        (#"^  See '([^']*)' for more details\."#, "  详见“$1”"),
        (#"^Did you mean '([^']*)'\?"#, "是不是“$1”？"),
    ]

    /// `message` (argument-parser's full error text) with its sentences in Chinese.
    static func chinese(_ message: String) -> String {
        message.components(separatedBy: "\n").map { line in
            for (pattern, replacement) in sentences {
                guard let regex = try? NSRegularExpression(pattern: pattern),
                      regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil else { continue }
                return regex.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line),
                                                      withTemplate: replacement)
            }
            return line
        }.joined(separator: "\n")
    }
}
