import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The network edge of `check --sources`: a GET for each address, redirects followed, stopped as
/// soon as the final response's headers arrive (a cited PDF is never downloaded), within a time
/// limit for the whole request.
public struct URLProbe: URLProbing {
    /// Sent with every request, so a site's operators can tell what asks.
    public static let userAgent = "handbook-check/1 (checks the sources a certification handbook cites)"
    /// The most redirects followed before giving up (browsers follow about 20; 10 is plenty).
    public static let maxRedirects = 10

    /// Seconds each request may take, redirects included.
    public let timeout: Double

    /// A probe whose requests each take at most `timeout` seconds.
    public init(timeout: Double) {
        self.timeout = timeout
    }

    /// Requests `url`: a GET whose transfer stops at the final response's headers, answered within
    /// `timeout` seconds whatever happens.
    public func probe(_ url: String) async -> ProbeOutcome {
        guard let address = URL(string: url), let scheme = address.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = address.host, !host.isEmpty else {
            return .failed(.other(detail: "not a valid web address"))
        }
        // URLSession's own limits count whole seconds on Linux (1.5 becomes 1, 0.5 none at all):
        // they are only a backstop behind the deadline set below.
        let backstop = timeout.rounded(.up) + 1
        let request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: backstop)
        let timeout = timeout
        return await withCheckedContinuation { continuation in
            let transfer = ProbeTransfer(host: host, timeout: timeout, maxRedirects: Self.maxRedirects) {
                continuation.resume(returning: $0)
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { transfer.finish(.failed(.timeout(seconds: timeout))) }
            // The request's own thread: the name lookup and starting a transfer can block for seconds.
            let thread = Thread {
                if let failure = HostLookup.failure(host) { return transfer.finish(.failed(failure)) }
                guard !transfer.isFinished else { return }
                // A session per request, so that one transfer's trouble stays its own.
                let session = URLSession(configuration: Self.configuration(backstop), delegate: transfer, delegateQueue: nil)
                session.dataTask(with: request).resume()
                transfer.waitForAnswer()
                session.invalidateAndCancel()   // stops the transfer (the body of a PDF is never read)
            }
            thread.start()
        }
    }

    private static func configuration(_ timeout: Double) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent, "Accept": "*/*"]
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.urlCredentialStorage = nil
        return configuration
    }
}
