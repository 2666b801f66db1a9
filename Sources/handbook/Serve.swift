import ArgumentParser
import Foundation
import HandbookKit
import HandbookPreview

/// `handbook serve`: build, serve on loopback, rebuild on every save, reload open pages.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site for preview, and rebuild what each saved edit affects (live reload).")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder (the preview serves it).")
    var output = "Site"

    @Option(help: "The address to listen on; 0.0.0.0 lets other machines in.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8000

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @Flag(help: "Print the time each stage of a rebuild took.")
    var timings = false

    @Option(help: .hidden)
    var idleTimeout = 30.0

    func validate() throws {
        if idleTimeout <= 0 {
            throw site.voice.invalid(Phrase(en: "--idle-timeout must be more than 0 seconds", zh: "--idle-timeout 必须大于 0 秒"))
        }
        if !(1...65535).contains(port) {
            throw site.voice.invalid(Phrase(en: "--port must be 1–65535, e.g. --port 8000", zh: "--port 必须在 1–65535 之间，例如 --port 8000"))
        }
    }

    func run() async throws {
        let language = site.language
        var options = site.buildOptions(output: output)
        if timings { options.timer = StageTimer() }
        let say: @Sendable (String) -> Void = { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        if host == "0.0.0.0" || host == "::" {
            say(Phrase(en: "warning: listening on every network interface: anyone who can reach this machine can read the preview",
                       zh: "警告：正在所有网络接口上监听，能访问本机的任何人都能看到预览")[language])
        }
        let color = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let configured = PreviewServer(options: options, host: host, port: port, say: say) { diagnostics in
            var lines = SourceLines()
            return diagnostics.map {
                DiagnosticFormatter.text($0, sourceLine: lines.line($0.location.line, of: $0.location.file), color: color,
                                         language: language)
            }
        }
        var server = configured
        server.idleTimeout = idleTimeout
        server.language = language
        let open = open
        let content = options.content, templates = options.templates
        do {
            try await server.run { address in
                say(Phrase(en: "serving \(address) (Ctrl-C stops); watching \(content)/ and \(templates)/",
                           zh: "预览地址 \(address)（按 Ctrl-C 停止）；正在监视 \(content)/ 和 \(templates)/")[language])
                if open { Serve.openBrowser(address) }
            }
        } catch let failure as PreviewServer.Failure {
            Report.error(failure.phrase, language)
            throw ExitCode.validationFailure
        } catch let failure as OutputDirectory.Failure {
            Report.error(failure.phrase, language)
            throw failure.isRefusal ? ExitCode.validationFailure : ExitCode.outputFailure
        }
        say(Phrase(en: "stopped", zh: "已停止")[language])
    }

    static func openBrowser(_ address: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [Platform.openCommand, address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
