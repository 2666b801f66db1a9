import Foundation

/// Looks up a host name before its request starts. On Linux, URLSession's transfers look names up
/// on the threads that run every session's work, so a few slow lookups (a resolver dropping
/// queries) held up every other request and every deadline; done here, on the request's own
/// thread, a slow lookup delays only its own request, and a name that does not exist never
/// reaches URLSession.
enum HostLookup {
    /// True when a proxy is configured (the proxy looks names up, so they are not looked up here).
    static let behindProxy: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return ["http_proxy", "https_proxy", "all_proxy"].contains { name in
            !(environment[name] ?? environment[name.uppercased()] ?? "").isEmpty
        }
    }()

    /// Why `host` cannot be looked up, or nil when it can (or is not looked up here). Blocks.
    static func failure(_ host: String) -> ProbeOutcome.Failure? {
        guard !behindProxy else { return nil }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &result)
        if let result { freeaddrinfo(result) }
        switch status {
        case 0: return nil
        // The resolver could not answer (no network, a server failing): not an answer about the name.
        case EAI_AGAIN, EAI_FAIL, EAI_SYSTEM:
            return .other(detail: "the name \(host) could not be looked up now (\(String(cString: gai_strerror(status))))")
        default: return .hostNotFound(host: host)
        }
    }
}
