/// What requesting a cited address gave: it answers, it moved permanently, or it failed.
public enum ProbeOutcome: Sendable, Hashable {
    /// It answered without an error status, directly or after temporary redirects (302, 303, 307).
    case live(status: Int)
    /// It redirects permanently (301, 308): `to` is where the permanent redirects lead, `status`
    /// the first one's.
    case moved(to: String, status: Int)
    /// It could not be fetched.
    case failed(Failure)

    /// Why an address could not be fetched.
    public enum Failure: Sendable, Hashable {
        /// The host name does not resolve (DNS).
        case hostNotFound(host: String)
        /// Nothing accepts connections there.
        case refused
        /// No answer within the time allowed.
        case timeout(seconds: Double)
        /// The server answered with a 4xx or 5xx status.
        case http(status: Int)
        /// The secure connection failed (certificate, protocol).
        case tls(detail: String)
        /// More redirects than a browser follows.
        case tooManyRedirects
        /// Anything else, with the network library's words.
        case other(detail: String)
    }

    /// True when the outcome says something about the address that holds for a day: an answer, a
    /// redirect, a name that does not exist. A timeout or an unexplained failure may be this
    /// machine's network (offline, a slow resolver), so it is asked again next time.
    var isLasting: Bool {
        switch self {
        case .failed(.timeout), .failed(.other): false
        default: true
        }
    }

    /// The outcome of a transfer that got a response with `status` after `redirects` (each hop's
    /// status and the address it led to): permanent redirects at the start make it moved, to where
    /// the last of them leads.
    static func of(status: Int, redirects: [(status: Int, to: String)]) -> ProbeOutcome {
        if status >= 400 { return .failed(.http(status: status)) }
        let permanent = redirects.prefix { $0.status == 301 || $0.status == 308 }
        if let first = permanent.first, let last = permanent.last { return .moved(to: last.to, status: first.status) }
        return .live(status: status)
    }
}
