import Foundation

/// The PDF edition's engine: WeasyPrint, an external program (`pip install weasyprint`), turns
/// the print book's HTML into a PDF. The one place that runs it.
public enum BookEngine {
    /// Why no PDF could be made (nothing was written).
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, in both languages.
        public var phrase: Phrase
        public var description: String { phrase.en }
    }

    /// The command to run: `HANDBOOK_WEASYPRINT` when set, else `weasyprint` found on `PATH`, else
    /// `python3 -m weasyprint` when Python has it (pip may install the module without putting its
    /// script on `PATH`, as under pyenv).
    static func command(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
        if let chosen = environment["HANDBOOK_WEASYPRINT"], !chosen.isEmpty { return [chosen] }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        func find(_ name: String) -> String? {
            folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if let found = find("weasyprint") { return [found] }
        guard let python = find("python3") else { return nil }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import weasyprint"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? [python, "-m", "weasyprint"] : nil
    }

    static let missing = Failure(phrase: Phrase(
        en: "the PDF edition needs WeasyPrint, which is not installed: `pip install weasyprint` (and Debian's fonts-noto-cjk for Chinese), or set HANDBOOK_WEASYPRINT to its path",
        zh: "生成 PDF 版需要 WeasyPrint，但本机没有安装：请运行 `pip install weasyprint`（中文还需要 Debian 的 fonts-noto-cjk），或用 HANDBOOK_WEASYPRINT 指定它的路径"))

    /// The PDF of `html`, made in `scratch` (a folder that exists); `created` fixes the document's
    /// dates, so the same HTML gives the same bytes.
    static func pdf(_ html: [UInt8], name: String, scratch: String, created: Day) throws -> [UInt8] {
        guard let command = command() else { throw missing }
        let input = scratch + "/\(name).html", output = scratch + "/\(name).pdf"
        try FileIO.write(input, html)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        // Nothing is fetched: the book refers to no file or address it needs to draw.
        process.arguments = command.dropFirst() + ["--encoding", "utf-8", "--allowed-protocols", "data",
                                                   "--pdf-identifier", "handbook-\(name)-\(created)", input, output]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(created.daysSinceEpoch * 86_400)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            let shown = command.joined(separator: " ")
            throw Failure(phrase: Phrase(en: "cannot run \(shown): \(error.localizedDescription)",
                                         zh: "无法运行 \(shown)：\(error.localizedDescription)"))
        }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // WeasyPrint reports some failures (a link to an id that does not exist, which would
        // print a broken page number) only as an ERROR line, and exits 0.
        let messages = String(decoding: said, as: UTF8.self)
        guard process.terminationStatus == 0, !messages.contains("ERROR"),
              case .success(let pdf) = FileIO.read(output, limit: Int.max) else {
            let detail = String(messages.suffix(2000)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(phrase: Phrase(en: "WeasyPrint could not make \(name).pdf (exit \(process.terminationStatus)): \(detail)",
                                         zh: "WeasyPrint 无法生成 \(name).pdf（退出码 \(process.terminationStatus)）：\(detail)"))
        }
        return pdf
    }
}
