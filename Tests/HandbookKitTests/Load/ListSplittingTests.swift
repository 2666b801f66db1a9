import Testing
@testable import HandbookKit

/// List cells split on `;` only outside brackets, so an item that explains itself in brackets stays whole.
@Suite("List splitting")
struct ListSplittingTests {
    @Test(arguments: [
        ("CB certificate;CB report", ["CB certificate", "CB report"]),
        ("SIRIM certificate (if chosen; Type 1b or Type 5);UN 38.3 report", ["SIRIM certificate (if chosen; Type 1b or Type 5)", "UN 38.3 report"]),
        ("证书（可选；第 5 类）；测试报告", ["证书（可选；第 5 类）", "测试报告"]),
        ("a [b; c] ; d", ["a [b; c] ", " d"]),
        ("unclosed (a; b", ["unclosed (a; b"]),
        ("closed) early; b", ["closed) early", " b"]),
    ])
    func splitsOutsideBrackets(_ text: String, _ expected: [String]) {
        #expect(RecordReader.splitOutsideBrackets(text).map(String.init) == expected)
    }
}
