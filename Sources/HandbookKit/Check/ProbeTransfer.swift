import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request of `URLProbe`, as its session's delegate: follows the redirects (noting which were
/// permanent) and answers once, whichever comes first of the final response's headers, an error
/// and the deadline.
final class ProbeTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var done: (@Sendable (ProbeOutcome) -> Void)?
    private var redirects: [(status: Int, to: String)] = []
    private let answered = DispatchSemaphore(value: 0)
    private let host: String
    private let timeout: Double
    private let maxRedirects: Int

    /// A transfer to `host`; `done` receives its outcome once.
    init(host: String, timeout: Double, maxRedirects: Int, done: @escaping @Sendable (ProbeOutcome) -> Void) {
        self.host = host
        self.timeout = timeout
        self.maxRedirects = maxRedirects
        self.done = done
    }

    /// Answers with `outcome` unless the transfer has answered already.
    func finish(_ outcome: ProbeOutcome) {
        lock.lock()
        let done = self.done
        self.done = nil
        lock.unlock()
        guard let done else { return }
        done(outcome)
        answered.signal()
    }

    /// True once the transfer has answered.
    var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done == nil
    }

    /// Blocks until the transfer has answered (the deadline makes sure it does).
    func waitForAnswer() {
        answered.wait()
        answered.signal()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.lock()
        redirects.append((response.statusCode, request.url?.absoluteString ?? ""))
        let tooMany = redirects.count > maxRedirects
        lock.unlock()
        if tooMany {
            completionHandler(nil)
            finish(.failed(.tooManyRedirects))
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        // `.cancel` alone lets the body download on Linux: the request's thread then drops the session.
        completionHandler(.cancel)
        finish(outcome(of: response))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            finish(.failed(failure(error)))
        } else {
            finish(outcome(of: task.response))
        }
    }

    private func outcome(of response: URLResponse?) -> ProbeOutcome {
        lock.lock()
        defer { lock.unlock() }
        return .of(status: (response as? HTTPURLResponse)?.statusCode ?? 200, redirects: redirects)
    }

    /// What a network error means for the address.
    func failure(_ error: any Error) -> ProbeOutcome.Failure {
        let detail = String(error.localizedDescription.prefix(160))
        guard let code = (error as? URLError)?.code else { return .other(detail: detail) }
        switch code {
        case .cannotFindHost, .dnsLookupFailed: return .hostNotFound(host: host)
        case .cannotConnectToHost: return .refused
        case .timedOut: return .timeout(seconds: timeout)
        case .httpTooManyRedirects: return .tooManyRedirects
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
             .clientCertificateRequired:
            return .tls(detail: detail)
        default: return .other(detail: detail)
        }
    }
}
