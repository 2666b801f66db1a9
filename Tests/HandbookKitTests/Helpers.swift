import Foundation
import Testing
@testable import HandbookKit

/// Paths and small tools shared by the HandbookKit tests.
enum TestPaths {
    /// The package root, found from this file's path (…/Tests/HandbookKitTests/Helpers.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The real theme.
    static let templates = packageRoot.appendingPathComponent("Templates").path
    /// Golden files, read from the source tree (they are not a declared resource).
    static let golden = packageRoot.appendingPathComponent("Tests/HandbookKitTests/Golden")
    /// The fixtures, from the test bundle's resources (`.copy("Fixtures")`).
    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    /// The valid fixture site.
    static var valid: String { fixtures.appendingPathComponent("valid").path }
}

/// The day the fixture's review ages are measured against.
let fixtureToday = Day("2026-11-27")!

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL
    var path: String { url.path }

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("handbook-tests-\(safe)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func sub(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

enum Files {
    /// Every regular file under `root` (hidden ones included), as sorted relative paths.
    static func list(_ root: String) -> [String] {
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let p = e.nextObject() as? String {
            if (e.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { out.append(p) }
        }
        return out.sorted()
    }

    /// Relative path → bytes for every file under `root`.
    static func snapshot(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for p in list(root) { out[p] = FileManager.default.contents(atPath: root + "/" + p) }
        return out
    }

    /// The same without what a build keeps for the next one (its state, search indexes and
    /// outlines; the `.handbook-output` marker stays): what a web server publishes, and the preview
    /// writes.
    static func published(_ root: String) -> [String: Data] {
        snapshot(root).filter { !$0.key.hasPrefix(".handbook-") || $0.key == ".handbook-output" }
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func copy(_ from: String, to: String) throws {
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    /// Names in `folder` that look like a build's staging or swap folder.
    static func leftovers(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".handbook-") }.sorted()
    }
}

/// Runs a program and returns its exit status, stdout and stderr.
@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
         input: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: Data) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    // Feed and drain concurrently so large outputs cannot block on a full pipe.
    nonisolated(unsafe) var stdoutData = Data(), stderrData = Data()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { stdoutData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { stderrData = err.fileHandleForReading.readDataToEndOfFile() }
    if let input { inp.fileHandleForWriting.write(input) }
    try inp.fileHandleForWriting.close()
    p.waitUntilExit()
    group.wait()
    return (p.terminationStatus, stdoutData, stderrData)
}

/// Decompresses gzip bytes with the system's `gzip` (an oracle independent of the code under test).
func gunzip(_ data: Data) throws -> Data {
    let r = try run("/bin/gzip", ["-dc"], input: data)
    guard r.status == 0 else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: String(decoding: r.stderr, as: UTF8.self)])
    }
    return r.stdout
}

extension Diagnostic {
    /// A diagnostic written in English only (both forms the English), for comparing with `english`.
    init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: HandbookKit.SourceLocation,
         hint: String? = nil) {
        self.init(severity, code, Phrase.verbatim(message), at: location, hint: hint.map(Phrase.verbatim))
    }

    /// The same diagnostic with its Chinese replaced by its English: what the English-only
    /// diagnostics above are compared with.
    var english: Diagnostic {
        Diagnostic(severity, code, .verbatim(text.en), at: location, hint: fix.map { .verbatim($0.en) })
    }
}
