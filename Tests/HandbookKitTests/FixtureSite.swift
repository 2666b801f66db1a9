import Foundation
import Testing
@testable import HandbookKit

/// Builds of the valid fixture, shared by the tests that only read the output.
enum FixtureSite {
    /// Where shared builds go; removed when the test process exits.
    static let sharedRoot: String = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("handbook-tests-shared-\(getpid())").path
        try? FileManager.default.removeItem(atPath: root)
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FixtureSite.sharedRoot) }
        return root
    }()

    struct Built: Sendable {
        let output: String
        let summary: BuildSummary?
        let diagnostics: [Diagnostic]

        func text(_ relative: String) -> String {
            guard let s = Files.read(output + "/" + relative) else {
                Issue.record("missing output file \(relative)")
                return ""
            }
            return s
        }
    }

    /// The valid fixture built once with the real theme and a fixed day.
    static let valid: Built = build(content: TestPaths.valid, into: sharedRoot + "/valid")

    static func options(content: String, output: String, baseURL: String? = nil, fileLinks: Bool = false) -> BuildOptions {
        BuildOptions(content: content, templates: TestPaths.templates, output: output, baseURL: baseURL,
                     fileLinks: fileLinks, today: fixtureToday)
    }

    static func build(content: String, into output: String, baseURL: String? = nil, fileLinks: Bool = false,
                      clean: Bool = false) -> Built {
        let log = DiagnosticLog()
        var options = options(content: content, output: output, baseURL: baseURL, fileLinks: fileLinks)
        options.clean = clean
        let summary = try? Pipeline.build(options, log: log)
        return Built(output: output, summary: summary ?? nil, diagnostics: log.all)
    }

    /// Every HTML page of a language: (route path, file) pairs for the 25 pages per language.
    /// The Atom feeds beside market, product and scheme pages in language `l`.
    static func recordFeeds(_ l: String) -> [String] {
        ["markets/sa/", "markets/eu/", "products/battery/", "products/pv/", "schemes/sa-iecee-rc/", "schemes/eu-lvd/"]
            .map { "\(l)/\($0)feed.xml" }
    }

    static func pagePaths(_ l: String) -> [String] {
        ["", "markets/", "markets/sa/", "markets/eu/", "products/", "products/battery/", "products/pv/",
         "products/battery/sa/", "products/battery/eu/", "products/pv/sa/", "schemes/", "schemes/sa-iecee-rc/",
         "schemes/eu-lvd/", "standards/", "standards/iec-62133-2/", "standards/un-38-3/", "standards/iec-61215/",
         "bodies/", "bodies/saso/", "bodies/battery-lab/", "matrix/", "planner/", "updates/", "search/", "about/"].map { "\(l)/\($0)" }
    }
}
