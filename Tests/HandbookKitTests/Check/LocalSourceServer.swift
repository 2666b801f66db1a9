import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing
@testable import HandbookKit

/// A web server on 127.0.0.1 (an ephemeral port) with the kinds of address `check --sources`
/// meets, counting the requests each path gets. Tests reach nothing else.
struct LocalSourceServer: Sendable {
    /// `http://127.0.0.1:<port>`.
    let base: String
    let counts: RequestCounts
    /// How long /slow waits before answering.
    static let slowSeconds = 7.0

    /// The address of `path` on this server.
    func url(_ path: String) -> String { base + path }

    /// Runs `body` while the server runs.
    static func with<T: Sendable>(_ body: (LocalSourceServer) async throws -> T) async throws -> T {
        let counts = RequestCounts()
        let router = Router()
        router.get("**") { request, _ -> Response in
            let path = request.uri.path
            counts.add(path)
            func redirect(_ status: HTTPResponse.Status, to: String) -> Response {
                Response(status: status, headers: [.location: to])
            }
            switch path {
            case "/moved": return redirect(.movedPermanently, to: "/live")
            case "/perm308": return redirect(.permanentRedirect, to: "/live")
            case "/temp": return redirect(.found, to: "/live")
            case "/chain": return redirect(.movedPermanently, to: "/temp")   // permanent, then temporary
            case "/moved-gone": return redirect(.movedPermanently, to: "/missing")
            case "/loop": return redirect(.found, to: "/loop")
            case "/broken": return Response(status: .internalServerError)
            case "/slow":
                try await Task.sleep(for: .seconds(slowSeconds))
                return Response(status: .ok)
            case _ where path.hasPrefix("/live"):
                // A large body that the probe should never download.
                return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(repeating: 0x78, count: 1 << 20)))
            default: return Response(status: .notFound)
            }
        }
        var logger = Logger(label: "local-source-server")
        logger.logLevel = .critical
        let (ports, started) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  started.yield(channel.localAddress?.port ?? 0)
                                  started.finish()
                              }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            return try await body(LocalSourceServer(base: "http://127.0.0.1:\(port)", counts: counts))
        }
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, read and closed again).
    static func unusedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Requests by path (thread-safe).
final class RequestCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func add(_ path: String) {
        lock.lock()
        counts[path, default: 0] += 1
        lock.unlock()
    }

    /// Requests to `path`, or to every path when nil.
    func count(_ path: String? = nil) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return path.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
    }
}

/// A `URLProbe` that refuses (and reports as a test failure) any address but the local server's
/// and the never-resolving `.invalid` one: a guard against a test reaching the internet.
struct LoopbackOnly: URLProbing {
    let probe: URLProbe

    init(timeout: Double) { probe = URLProbe(timeout: timeout) }

    func probe(_ url: String) async -> ProbeOutcome {
        let host = URL(string: url)?.host ?? ""
        guard host == "127.0.0.1" || host.hasSuffix(".invalid") else {
            Issue.record("a test tried to reach \(url)")
            return .failed(.other(detail: "blocked by the test"))
        }
        return await probe.probe(url)
    }
}
