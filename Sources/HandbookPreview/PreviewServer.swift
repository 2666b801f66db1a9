import Foundation
import HandbookKit
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `handbook serve`: builds the site, serves it with Hummingbird, watches the content and theme,
/// rebuilds what each edit affects and tells open pages to reload.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: Int
    /// Seconds a connection may stay open without a request in progress (slow or idle clients).
    public var idleTimeout: Double = 30
    /// Prints one line (or a block) to the terminal.
    public var say: @Sendable (String) -> Void
    /// Formats one problem for the terminal (the CLI adds colour and the source line).
    public var format: @Sendable ([Diagnostic]) -> [String]
    /// The language of the preview's lines and of the problems overlay.
    public var language: MessageLanguage = .en

    /// Prepares a preview of `options` at `host:port`.
    public init(options: BuildOptions, host: String, port: Int, say: @escaping @Sendable (String) -> Void,
                format: @escaping @Sendable ([Diagnostic]) -> [String]) {
        self.options = options
        self.host = host
        self.port = port
        self.say = say
        self.format = format
    }

    /// A problem that stops the preview before it serves (port in use, folder not watchable).
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, in both languages.
        public var phrase: Phrase
        public var description: String { phrase.en }
    }

    /// Errors, then at most 20 warnings (a large handbook can have thousands of stale reviews:
    /// `handbook check` lists them all).
    static func errorsFirst(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }.prefix(20)
    }

    /// The most problems the overlay lists (errors first); a line says how many more there are.
    static let overlayLimit = 50

    /// The problems of a failed update as the overlay shows them (no colour); none when it succeeded.
    static func overlayText(_ update: LiveUpdate, language: MessageLanguage) -> [String] {
        guard update.failed else { return [] }
        let ordered = update.diagnostics.filter { $0.severity == .error } + update.diagnostics.filter { $0.severity != .error }
        var lines = SourceLines()
        var out = ordered.prefix(overlayLimit).map {
            DiagnosticFormatter.text($0, sourceLine: lines.line($0.location.line, of: $0.location.file), color: false,
                                     language: language)
        }
        if ordered.count > overlayLimit {
            let more = ordered.count - overlayLimit
            out.append(Phrase(en: "… and \(more) more (the terminal lists them all)", zh: "……另有 \(more) 条（终端里有完整列表）")[language])
        }
        return out
    }

    /// Builds, serves until Ctrl-C (or SIGTERM), then stops after the rebuild in progress.
    /// - Parameter onReady: called with the address once the server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        try Self.checkPortIsFree(host: host, port: port)
        let site = LiveSite(options: options)
        let live = LiveReload()
        let first = try site.build()
        let language = language
        await live.publish(first, displayProblems: Self.overlayText(first, language: language))
        let say = say, format = format
        for line in format(Self.errorsFirst(first.diagnostics)) { say(line) }
        say(first.failed
            ? Phrase(en: "the first build has errors: fix them and the preview builds again",
                     zh: "首次生成有错误：改正后预览会重新生成")[language]
            : Phrase(en: "built \(first.pagesRendered) pages", zh: "已生成 \(first.pagesRendered) 个页面")[language])
        let timer = options.timer
        _ = timer?.drain()
        let rebuilder = Rebuilder(site: site) { update, seconds in
            guard update.kind != .none else { return }
            if let lines = timer?.drain(), !lines.isEmpty { say("  " + lines.joined(separator: ", ")) }
            let ms = Int((seconds * 1000).rounded())
            if update.failed {
                for line in format(Self.errorsFirst(update.diagnostics)) { say(line) }
                say(Phrase(en: "[\(update.kind.rawValue)] build failed in \(ms) ms: the last good site is still served",
                           zh: "[\(update.kind.words.zh)] 生成失败（\(ms) 毫秒）：仍在提供最后一次成功生成的站点")[language])
            } else {
                let warnings = update.diagnostics.count, pages = update.pagesRendered, files = update.changedFiles.count
                say(Phrase(en: "[\(update.kind.rawValue)] rebuilt in \(ms) ms: \(pages) pages rendered, \(files) files changed"
                               + (warnings > 0 ? ", \(warnings) warnings" : ""),
                           zh: "[\(update.kind.words.zh)] 重新生成用时 \(ms) 毫秒：生成 \(pages) 个页面，改动 \(files) 个文件"
                               + (warnings > 0 ? "，\(warnings) 条警告" : ""))[language])
            }
            let problems = Self.overlayText(update, language: language)
            Task { await live.publish(update, displayProblems: problems) }
        }
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(site.watchedFolders) { rebuilder.changed($0) }
        } catch {
            rebuilder.stop()
            throw Failure(phrase: Phrase(en: "cannot watch the content: \(error)", zh: "无法监视内容文件夹：\(error)"))
        }
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let app = Application(
            responder: PreviewResponder(root: LiveSite.absolute(options.output), live: live, language: language),
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(idleTimeout * 1000)))),
            configuration: .init(address: .hostname(host, port: port), serverName: "handbook"),
            onServerRunning: { _ in onReady(address) },
            logger: Self.quietLogger())
        defer {
            watcher.stop()
            rebuilder.stop()
        }
        // The event streams never end on their own: they are closed first (services shut down in
        // reverse order), then the server stops.
        let group = ServiceGroup(configuration: .init(
            services: [app, ShutdownService(live: live)], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Self.quietLogger()))
        try await group.run()
    }

    /// Hummingbird's own log, errors only (the preview prints its own lines).
    static func quietLogger() -> Logger {
        var logger = Logger(label: "handbook-serve")
        logger.logLevel = .error
        return logger
    }

    /// Fails with a clear message when another program already listens on the port.
    static func checkPortIsFree(host: String, port: Int) throws {
        guard (1...65535).contains(port) else {
            throw Failure(phrase: Phrase(en: "port \(port) is not a port number: use 1–65535, e.g. --port 8000",
                                         zh: "\(port) 不是有效的端口号：请用 1–65535，例如 --port 8000"))
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
            throw Failure(phrase: Phrase(en: "cannot listen on '\(host)': not an address of this machine (try --host 127.0.0.1)",
                                         zh: "无法监听“\(host)”：这不是本机的地址（试试 --host 127.0.0.1）"))
        }
        defer { freeaddrinfo(info) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            let inUse = errno == EADDRINUSE, reason = String(cString: strerror(errno)), next = port == 65535 ? 8000 : port + 1
            throw Failure(phrase: Phrase(
                en: "port \(port) on \(host) \(inUse ? "is already in use (another `handbook serve`?)" : reason): stop the other server or choose another port, e.g. --port \(next)",
                zh: "\(host) 的端口 \(port) \(inUse ? "已被占用（另一个 `handbook serve`？）" : "无法使用：" + reason)：请停掉占用它的服务，或换一个端口，例如 --port \(next)"))
        }
    }
}

/// Ends the open event streams when a graceful shutdown starts, so the server stops at once.
struct ShutdownService: Service {
    let live: LiveReload

    func run() async throws {
        try? await gracefulShutdown()
        await live.close()
    }
}
