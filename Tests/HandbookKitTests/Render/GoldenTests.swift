import Foundation
import Testing
@testable import HandbookKit

/// Whole pages of the valid fixture compared byte for byte with Tests/HandbookKitTests/Golden/.
/// Re-record after an intended change with `HANDBOOK_RECORD=1 swift test --filter GoldenTests`,
/// then review the diff of the golden files.
@Suite("Golden pages")
struct GoldenTests {
    static let pages = [
        "zh/markets/sa/index.html",           // guide: table, alert, cross-references, stale-free review, edit link
        "en/products/battery/sa/index.html",  // requirement page built from the CSV row
        "en/about/index.html",                // body falling back to Chinese, with the notice
    ]

    static var recording: Bool { ProcessInfo.processInfo.environment["HANDBOOK_RECORD"] == "1" }

    @Test(arguments: pages)
    func pageMatchesGolden(_ page: String) throws {
        let actual = try Data(contentsOf: URL(fileURLWithPath: FixtureSite.valid.output + "/" + page))
        let golden = TestPaths.golden.appendingPathComponent(page.replacingOccurrences(of: "/", with: "--"))
        if Self.recording {
            try FileManager.default.createDirectory(at: TestPaths.golden, withIntermediateDirectories: true)
            try actual.write(to: golden)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: golden.path),
                                    "no golden file \(golden.lastPathComponent); record with HANDBOOK_RECORD=1")
        if actual != expected {
            let a = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
            let e = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
            Issue.record("""
            \(page) differs from \(golden.lastPathComponent) at line \(line + 1):
              expected: \(line < e.count ? e[line] : "<end>")
              actual:   \(line < a.count ? a[line] : "<end>")
            """)
        }
    }
}
