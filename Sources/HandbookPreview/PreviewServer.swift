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
        public var description: String
    }

    /// Errors, then at most 20 warnings (a large handbook can have thousands of stale reviews:
    /// `handbook check` lists them all).
    static func errorsFirst(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }.prefix(20)
    }

    /// The most problems the overlay lists (errors first); a line says how many more there are.
    static let overlayLimit = 50

    /// The problems of a failed update as the overlay shows them (no colour); none when it succeeded.
    static func overlayText(_ update: LiveUpdate) -> [String] {
        guard update.failed else { return [] }
        let ordered = update.diagnostics.filter { $0.severity == .error } + update.diagnostics.filter { $0.severity != .error }
        var lines = SourceLines()
        var out = ordered.prefix(overlayLimit).map {
            DiagnosticFormatter.text($0, sourceLine: lines.line($0.location.line, of: $0.location.file), color: false)
        }
        if ordered.count > overlayLimit { out.append("… and \(ordered.count - overlayLimit) more (the terminal lists them all)") }
        return out
    }

    /// Builds, serves until Ctrl-C (or SIGTERM), then stops after the rebuild in progress.
    /// - Parameter onReady: called with the address once the server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        try Self.checkPortIsFree(host: host, port: port)
        let site = LiveSite(options: options)
        let live = LiveReload()
        let first = try site.build()
        await live.publish(first, displayProblems: Self.overlayText(first))
        let say = say, format = format
        for line in format(Self.errorsFirst(first.diagnostics)) { say(line) }
        say(first.failed
            ? "the first build has errors: fix them and the preview builds again"
            : "built \(first.pagesRendered) pages")
        let timer = options.timer
        _ = timer?.drain()
        let rebuilder = Rebuilder(site: site) { update, seconds in
            guard update.kind != .none else { return }
            if let lines = timer?.drain(), !lines.isEmpty { say("  " + lines.joined(separator: ", ")) }
            let ms = Int((seconds * 1000).rounded())
            if update.failed {
                for line in format(Self.errorsFirst(update.diagnostics)) { say(line) }
                say("[\(update.kind.rawValue)] build failed in \(ms) ms: the last good site is still served")
            } else {
                let warnings = update.diagnostics.count
                say("[\(update.kind.rawValue)] rebuilt in \(ms) ms: \(update.pagesRendered) pages rendered, "
                    + "\(update.changedFiles.count) files changed" + (warnings > 0 ? ", \(warnings) warnings" : ""))
            }
            let problems = Self.overlayText(update)
            Task { await live.publish(update, displayProblems: problems) }
        }
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(site.watchedFolders) { rebuilder.changed($0) }
        } catch {
            rebuilder.stop()
            throw Failure(description: "\(error)")
        }
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let app = Application(
            responder: PreviewResponder(root: LiveSite.absolute(options.output), live: live),
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
            throw Failure(description: "port \(port) is not a port number: use 1–65535, e.g. --port 8000")
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
            throw Failure(description: "cannot listen on '\(host)': not an address of this machine (try --host 127.0.0.1)")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            let reason = errno == EADDRINUSE ? "is already in use (another `handbook serve`?)" : String(cString: strerror(errno))
            throw Failure(description: "port \(port) on \(host) \(reason): stop the other server or choose another port, e.g. --port \(port == 65535 ? 8000 : port + 1)")
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
