import Foundation
import Testing
@testable import HandbookKit

/// The `handbook` executable, run as a user would (exit status, stdout, stderr).
@Suite("handbook command line")
struct HandbookCLITests {
    /// The built executable, next to the test bundle in the build products folder.
    static let executable: String? = {
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let e = Bundle.main.executableURL { folders.append(e.deletingLastPathComponent()) }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        folders.append(Bundle.module.bundleURL.deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("handbook").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }()

    /// 2026-11-27 as SOURCE_DATE_EPOCH.
    static let environment: [String: String] = {
        var e = ProcessInfo.processInfo.environment
        e["SOURCE_DATE_EPOCH"] = "\(fixtureToday.daysSinceEpoch * 86_400 + 3600)"
        return e
    }()

    func handbook(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Self.handbook(arguments, environment: Self.environment)
    }

    /// Runs the executable with `arguments` in `environment`: exit status, stdout and stderr.
    static func handbook(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let path = try #require(executable, "the handbook executable was not found next to the test bundle")
        let r = try run(path, arguments, environment: environment)
        return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
    }

    @Test func contentErrorExitsWithOneAndGCCStyleDiagnostics() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let file = content + "/products/battery.md"
        let text = try #require(Files.read(file))
        try Files.write(file, text.replacingOccurrences(of: "- [](market:sa)：", with: "- [](market:sx)："))
        let r = try handbook(["build", "--content", content, "--templates", TestPaths.templates,
                              "--output", tmp.sub("site"), "--quiet"])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        let lines = r.stderr.components(separatedBy: "\n")
        #expect(lines.contains("\(file):19:3: error: unknown market 'sx' in link (did you mean 'sa'?) [HB0203 unknown-link-target]"))
        #expect(lines.contains("    fix: link to one of: eu, sa"))
        // The fixture's own warnings (a stale review, a missing translation) are reported too.
        // The edit also makes the English translation of battery.md stale: a third warning.
        #expect(lines.contains("1 error, 3 warnings"))
        #expect(lines.contains("error: build failed; '\(tmp.sub("site"))' was left as it was"))
        // Every diagnostic line has the form path:line:col: severity: message [HBnnnn name].
        let diagnostics = lines.filter { $0.contains(": error: ") && !$0.hasPrefix("error:") }
        #expect(diagnostics.count == 1)
        for line in diagnostics {
            #expect(line.wholeMatch(of: /.+:[0-9]+:[0-9]+: (error|warning): .+ \[HB0[0-9]{3} [a-z0-9-]+\]/) != nil, "\(line)")
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.sub("site")))
    }

    @Test func invalidUTF8ExitsWithOne() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: content + "/pages/about.md"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("编码：".utf8) + Data([0xD6, 0xD0, 0x0A]))
        try handle.close()
        let r = try handbook(["check", "--content", content, "--templates", TestPaths.templates])
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: "\n")
            .contains("\(content)/pages/about.md:10:4: error: invalid UTF-8 byte 0xD6 [HB0102 invalid-utf8]"))
    }

    @Test func successfulBuildPrintsOneSummaryLine() throws {
        let tmp = TemporaryFolder()
        let r = try handbook(["build", "--content", TestPaths.valid, "--templates", TestPaths.templates,
                              "--output", tmp.sub("site"), "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.wholeMatch(of: /built 25 pages × 2 languages \(zh, en\), [0-9]+ files into .+\/ in [0-9]+ ms; files: [0-9]+ new, 0 changed, 0 deleted, 0 unchanged\n/) != nil, "\(r.stdout)")
        #expect(!r.stderr.contains(": error: "), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("0 errors, 2 warnings\n"), "\(r.stderr)")
        // Same bytes as the library build with the same day (the state names the program that wrote it).
        #expect(Files.published(tmp.sub("site")) == Files.published(FixtureSite.valid.output))
    }

    /// `build` shows 100 warnings in full and sums up the rest by code; `check` lists them all.
    @Test func buildCapsTheWarningsItShows() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        for i in 0..<120 {   // each without an English translation and with an unknown field
            try Files.write(content + "/pages/extra-\(i).md",
                            "---\ntitle: {zh: 页\(i), en: Page \(i)}\nreviewed: 2026-10-01\ncolour: red\n---\n\nText.\n")
        }
        let build = try handbook(["build", "--content", content, "--templates", TestPaths.templates,
                                  "--output", tmp.sub("site"), "--quiet"])
        #expect(build.status == 0)
        let lines = build.stderr.components(separatedBy: "\n")
        #expect(lines.filter { $0.contains(": warning: ") }.count == 100)
        #expect(lines.first { $0.hasPrefix("… and") } == "… and 142 more warnings not shown: 71 [HB0113 unknown-field], "
                + "71 [HB0401 missing-translation]; `handbook check` lists them all")
        #expect(lines.contains("0 errors, 242 warnings"))
        let check = try handbook(["check", "--content", content, "--templates", TestPaths.templates])
        #expect(check.stderr.components(separatedBy: "\n").filter { $0.contains(": warning: ") }.count == 242)
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let file = content + "/markets/eu.md"
        try Files.write(file, try #require(Files.read(file)).replacingOccurrences(of: "iso: EU\n", with: "iso: EU\nconfidnce: high\n"))
        let warning = "\(file):5:1: warning: unknown field 'confidnce' in market 'eu' (did you mean 'confidence'?) [HB0113 unknown-field]"

        let lenient = try handbook(["check", "--content", content, "--templates", TestPaths.templates])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.components(separatedBy: "\n").contains(warning))
        #expect(lenient.stderr.components(separatedBy: "\n").contains("0 errors, 3 warnings"))

        let strict = try handbook(["build", "--strict", "--content", content, "--templates", TestPaths.templates,
                                   "--output", tmp.sub("site")])
        #expect(strict.status == 1)
        #expect(strict.stderr.components(separatedBy: "\n").contains(warning))
        #expect(strict.stderr.components(separatedBy: "\n").contains("0 errors, 3 warnings (--strict: warnings fail)"))
    }

    @Test
    func strictFailureLeavesTheOutputUntouched() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let good = try handbook(["build", "--content", content, "--templates", TestPaths.templates, "--output", tmp.sub("site")])
        try #require(good.status == 0)
        let before = Files.snapshot(tmp.sub("site"))
        // A warning (unknown field) plus a visible change, so a replaced output would differ.
        let file = content + "/markets/eu.md"
        try Files.write(file, try #require(Files.read(file))
            .replacingOccurrences(of: "iso: EU\n", with: "iso: EU\nconfidnce: high\n")
            .replacingOccurrences(of: "CE 是自我声明。", with: "CE 是自我声明（新）。"))
        let strict = try handbook(["build", "--strict", "--content", content, "--templates", TestPaths.templates,
                                   "--output", tmp.sub("site")])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: build failed; '\(tmp.sub("site"))' was left as it was"))
        #expect(Files.snapshot(tmp.sub("site")) == before)
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func checkOnValidContentWritesNothing() throws {
        let tmp = TemporaryFolder()
        let r = try handbook(["check", "--content", TestPaths.valid, "--templates", TestPaths.templates])
        #expect(r.status == 0, "\(r.stderr)")
        // The fixture's two warnings are counted on stderr; "no problems found" would contradict them.
        #expect(r.stdout == "")
        #expect(r.stderr.hasSuffix("0 errors, 2 warnings\n"))
        #expect(Files.list(tmp.path).isEmpty)
        let clean = TemporaryFolder()
        let content = clean.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try Files.write(content + "/markets/eu.md", try #require(Files.read(content + "/markets/eu.md"))
            .replacingOccurrences(of: "reviewed: 2025-01-01", with: "reviewed: 2026-11-01"))
        try Files.write(content + "/pages/about.en.md", "About this handbook.\n")
        _ = try TranslationMarker.mark(["pages/about.en.md"], all: false, content: content)
        let quiet = try handbook(["check", "--content", content, "--templates", TestPaths.templates])
        #expect(quiet.stdout == "no problems found\n", "\(quiet.stderr)")
    }

    @Test(arguments: [["build", "--jobs", "0"], ["build", "--jobs", "-3"], ["check", "--jobs", "0"],
                      ["build", "--base-url", "ftp://example.org/"], ["build", "--no-such-option"], ["frobnicate"]])
    func badOptionsExitWithUsageError(_ arguments: [String]) throws {
        let tmp = TemporaryFolder()
        let r = try handbook(arguments + ["--content", TestPaths.valid, "--templates", TestPaths.templates,
                                          "--output", tmp.sub("site")])
        #expect(r.status == 64, "\(arguments): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.sub("site")))
    }

    @Test func jobsZeroMessage() throws {
        let r = try handbook(["build", "--jobs", "0"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--jobs must be at least 1"))
    }

    @Test func refusingTheOutputFolderIsAUsageError() throws {
        let tmp = TemporaryFolder()
        try Files.write(tmp.sub("site/notes.txt"), "mine")
        let r = try handbook(["build", "--content", TestPaths.valid, "--templates", TestPaths.templates,
                              "--output", tmp.sub("site")])
        #expect(r.status == 64)
        #expect(r.stderr.contains("error: refusing to replace '\(tmp.sub("site"))'"))
        #expect(Files.list(tmp.sub("site")) == ["notes.txt"])
    }

    @Test func checkShowsTheSourceLineWithACaretAndCanPrintJSON() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let file = content + "/products/battery.md"
        let text = try #require(Files.read(file))
        try Files.write(file, text.replacingOccurrences(of: "- [](market:sa)：", with: "- [](market:sx)："))
        let r = try handbook(["check", "--content", content, "--templates", TestPaths.templates])
        #expect(r.status == 1)
        let lines = r.stderr.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: "\(file):19:3: error: unknown market 'sx' in link (did you mean 'sa'?) [HB0203 unknown-link-target]"))
        #expect(lines[at + 1].hasPrefix("    - [](market:sx)："))
        #expect(lines[at + 2] == "      ^")
        #expect(lines[at + 3] == "    fix: link to one of: eu, sa")
        #expect(!r.stderr.contains("\u{1B}["))   // no colour when not on a terminal

        let json = try handbook(["check", "--content", content, "--templates", TestPaths.templates, "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.contains { $0["code"] as? String == "HB0203" && $0["line"] as? Int == 19 && $0["column"] as? Int == 3 })
        #expect(object["errors"] as? Int == 1)
    }

    @Test func planAnswersOrSaysWhatIsWrongWithExitSixtyFour() throws {
        let ok = try handbook(["plan", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--product", "battery",
                               "--markets", "sa,eu", "--report", "iec-62133-2:2017", "--differences", "sa", "--language", "en"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("Portable lithium batteries · IEC 62133-2:2017\nYour report covers 2 of 2 markets as is.\n"))
        #expect(ok.stdout.contains("\nSaudi Arabia: usable as is\n"))
        let bad = try handbook(["plan", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--product", "battery",
                                "--markets", "sa,sx", "--report", "iec-62133-2:2017", "--format", "csv"])
        #expect(bad.status == 64)
        #expect(bad.stdout == "")
        #expect(bad.stderr.contains("error: --markets: unknown market 'sx' (did you mean 'sa'?); markets: eu, sa\n"))
        let format = try handbook(["plan", "--product", "battery", "--markets", "sa", "--report", "x", "--format", "pdf"])
        #expect(format.status == 64)
    }
}
