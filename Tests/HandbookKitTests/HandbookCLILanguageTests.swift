import Foundation
import Testing
@testable import HandbookKit

/// `--lang`, `HANDBOOK_LANG` and the locale: what a Chinese editor sees from the command line.
@Suite("handbook command line in Chinese")
struct HandbookCLILanguageTests {
    func handbook(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        var environment = HandbookCLITests.environment
        environment["HANDBOOK_LANG"] = nil
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = "C.UTF-8"
        environment.merge(extra) { _, new in new }
        return try HandbookCLITests.handbook(arguments, environment: environment)
    }

    @Test func aContentErrorInChineseWithTheCaretUnderTheWideCharacters() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let file = content + "/products/battery.md"
        let text = try #require(Files.read(file))
        try Files.write(file, text.replacingOccurrences(of: "- [](market:sa)：[](req:battery/sa)", with: "- [](market:sa)：[](req:battery/sx)"))
        let r = try handbook(["build", "--content", content, "--templates", TestPaths.templates, "--output", tmp.sub("site"),
                              "--quiet", "--lang", "zh"])
        #expect(r.status == 1)
        let lines = r.stderr.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasPrefix("\(file):19:17: 错误：") }, "\(r.stderr)")
        #expect(lines[at].hasSuffix(" [HB0203 unknown-link-target]"))
        #expect(lines[at + 1] == "    - [](market:sa)：[](req:battery/sx)")
        #expect(lines[at + 2] == String(repeating: " ", count: 4 + 17) + "^")   // "：" is two columns wide
        #expect(lines[at + 3].hasPrefix("    修改："))
        // The Chinese original changed, so its English translation is now stale: the third warning.
        #expect(lines.contains { $0.hasPrefix("\(content)/products/battery.en.md:2:17: 警告：") && $0.hasSuffix("[HB0406 stale-translation]") })
        #expect(lines.contains("1 个错误，3 个警告"))
        #expect(lines.contains("错误：生成失败；“\(tmp.sub("site"))”保持原样"))
    }

    @Test func theLocaleAndTheVariableChooseAndTheFlagWins() throws {
        let args = ["check", "--content", TestPaths.valid, "--templates", TestPaths.templates]
        let zh = try handbook(args, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr.contains("0 个错误，2 个警告"))
        let variable = try handbook(args, environment: ["HANDBOOK_LANG": "zh"])
        #expect(variable.stderr.contains("0 个错误，2 个警告"))
        let flag = try handbook(args + ["--lang", "en"], environment: ["HANDBOOK_LANG": "zh", "LANG": "zh_CN.UTF-8"])
        #expect(flag.stderr.contains("0 errors, 2 warnings"))
        #expect(!flag.stderr.contains("个警告"))
    }

    @Test func jsonKeepsItsKeysAndCarriesChinese() throws {
        let r = try handbook(["check", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--format", "json", "--lang", "zh"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.map { $0["code"] as? String } == ["HB0402", "HB0401"])
        #expect(items.allSatisfy { ($0["message"] as? String)?.contains { $0.unicodeScalars.first!.value >= 0x4E00 } == true })
    }

    @Test(arguments: [
        (["build", "--jobs", "0"], "错误：--jobs 至少为 1"),
        (["build", "--zzzzzz"], "错误：没有“--zzzzzz”这个选项"),
        (["build", "--job", "2"], "错误：没有“--job”这个选项，是不是“--jobs”？"),
        (["new", "market"], "错误：缺少参数“<id>”"),
        (["serve", "--port", "70000"], "错误：--port 必须在 1–65535 之间，例如 --port 8000"),
    ])
    func usageErrorsInChinese(arguments: [String], first: String) throws {
        let r = try handbook(arguments + ["--lang", "zh"])
        #expect(r.status == 64)
        let lines = r.stderr.components(separatedBy: "\n")
        #expect(lines.first == first, "\(r.stderr)")
        #expect(lines.contains { $0.hasPrefix("用法：") })
    }

    @Test func usageErrorsStayEnglishByDefault() throws {
        let r = try handbook(["build", "--bogus"])
        #expect(r.stderr.hasPrefix("Error: Unknown option '--bogus'"))
    }

    @Test func translatedMarksAndSaysSoInChinese() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        try Files.write(content + "/markets/sa.md", try #require(Files.read(content + "/markets/sa.md")) + "\n新段落。\n")
        let r = try handbook(["translated", "markets/sa.en.md", "--content", content, "--lang", "zh"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("已标记 markets/sa.en.md 为 markets/sa.md 的译文（translation_of: "))
        let again = try handbook(["translated", "--all", "--content", content])
        #expect(again.stdout.contains("markets/sa.en.md already follows markets/sa.md"))
        let wrong = try handbook(["translated", "markets/sa.md", "--content", content, "--lang", "zh"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr == "错误：markets/sa.md 是原文，不是译文（译文的文件名以 .en.md 结尾）\n")
    }

    @Test func newSaysWhatItMadeInChinese() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let r = try handbook(["new", "market", "kr", "--region", "europe", "--content", content, "--templates", TestPaths.templates,
                              "--lang", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            已创建 \(content)/markets/kr.md
            已创建 \(content)/markets/kr.en.md
            下一步：填写前置元数据和正文，然后运行 `handbook check`，并用 `make serve` 预览

            """)
        let again = try handbook(["new", "market", "kr", "--region", "europe", "--content", content, "--templates", TestPaths.templates,
                                  "--lang", "zh"])
        #expect(again.status == 64)
        #expect(again.stderr.hasPrefix("错误：\(content)/markets/kr.md "), "\(again.stderr)")
    }

    /// Without WeasyPrint, `build --pdf` says how to install it and leaves the output as it was.
    @Test func aPDFBuildWithoutItsEngineSaysHowToInstallIt() throws {
        let tmp = TemporaryFolder()
        let first = try handbook(["build", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--output", tmp.sub("site")])
        #expect(first.status == 0)
        let before = Files.snapshot(tmp.sub("site"))
        let r = try handbook(["build", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--output", tmp.sub("site"),
                              "--pdf", "--lang", "zh"], environment: ["PATH": tmp.sub("empty"), "HANDBOOK_WEASYPRINT": ""])
        #expect(r.status == 69)
        #expect(r.stderr.contains("错误：生成 PDF 版需要 WeasyPrint，但本机没有安装：请运行 `pip install weasyprint`"), "\(r.stderr)")
        #expect(r.stderr.contains("错误：生成失败；“\(tmp.sub("site"))”保持原样"))
        #expect(Files.snapshot(tmp.sub("site")) == before)
        let usage = try handbook(["build", "--edition", "2026-12-04"])
        #expect(usage.status == 64 && usage.stderr.contains("--edition goes with --pdf"))
    }

    @Test func theBuildSummaryInChinese() throws {
        let tmp = TemporaryFolder()
        let r = try handbook(["build", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--output", tmp.sub("site"),
                              "--lang", "zh"])
        #expect(r.status == 0)
        #expect(r.stdout.wholeMatch(of: /已生成 25 个页面 × 2 种语言（zh, en），共 [0-9]+ 个文件，写入 .+\/，用时 [0-9]+ 毫秒；文件：新增 [0-9]+，改动 0，删除 0，未变 0\n/) != nil, "\(r.stdout)")
        let again = try handbook(["build", "--content", TestPaths.valid, "--templates", TestPaths.templates, "--output", tmp.sub("site"),
                                  "--lang", "zh"])
        #expect(again.stdout.contains("（自上次生成以来没有改动）"))
    }
}
