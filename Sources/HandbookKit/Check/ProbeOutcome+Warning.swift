extension ProbeOutcome {
    /// The warning for `url` cited at `location`: dead-source when it failed, moved-source when it
    /// moved permanently, nil when it answers.
    func warning(for url: String, at location: SourceLocation) -> Diagnostic? {
        switch self {
        case .live:
            return nil
        case .moved(let to, let status):
            return Diagnostic(.warning, .movedSource,
                              Phrase(en: "source \(url) moved permanently to \(to) (HTTP \(status))",
                                     zh: "来源 \(url) 已永久迁移到 \(to)（HTTP \(status)）"),
                              at: location, hint: Phrase(en: "cite \(to) instead", zh: "改为引用 \(to)"))
        case .failed(let failure):
            let (message, fix) = failure.phrases(url)
            return Diagnostic(.warning, .deadSource, message, at: location, hint: fix)
        }
    }
}

extension ProbeOutcome.Failure {
    /// What went wrong with `url` and how to fix it.
    func phrases(_ url: String) -> (Phrase, Phrase) {
        let moveOn = Phrase(en: "check the address, or cite where the document is now",
                            zh: "检查地址，或改为引用文档现在的地址")
        switch self {
        case .hostNotFound(let host):
            return (Phrase(en: "source \(url) cannot be reached: host \(host) not found",
                           zh: "来源 \(url) 无法访问：找不到主机 \(host)"), moveOn)
        case .refused:
            return (Phrase(en: "source \(url) cannot be reached: connection refused",
                           zh: "来源 \(url) 无法访问：连接被拒绝"), moveOn)
        case .timeout(let seconds):
            let s = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return (Phrase(en: "source \(url) did not answer within \(s) s",
                           zh: "来源 \(url) 在 \(s) 秒内没有响应"),
                    Phrase(en: "try again later, or with a longer --timeout", zh: "稍后再试，或用更长的 --timeout"))
        case .http(let status) where status == 401 || status == 403:
            return (Phrase(en: "source \(url) is forbidden (HTTP \(status))",
                           zh: "来源 \(url) 禁止访问（HTTP \(status)）"),
                    Phrase(en: "open it in a browser: some sites refuse requests from tools",
                           zh: "在浏览器中打开检查：有些网站拒绝工具发出的请求"))
        case .http(let status) where status == 404 || status == 410:
            return (Phrase(en: "source \(url) is not found (HTTP \(status))",
                           zh: "来源 \(url) 无法访问（HTTP \(status)）"), moveOn)
        case .http(let status) where status >= 500:
            return (Phrase(en: "source \(url) fails with a server error (HTTP \(status))",
                           zh: "来源 \(url) 服务器出错（HTTP \(status)）"),
                    Phrase(en: "try again later; if it keeps failing, cite another copy of the document",
                           zh: "稍后再试；如果一直出错，改为引用该文档的其他来源"))
        case .http(let status):
            return (Phrase(en: "source \(url) cannot be fetched (HTTP \(status))",
                           zh: "来源 \(url) 无法获取（HTTP \(status)）"), moveOn)
        case .tls(let detail):
            return (Phrase(en: "source \(url) cannot be reached: TLS error (\(detail))",
                           zh: "来源 \(url) 无法访问：TLS 错误（\(detail)）"),
                    Phrase(en: "check the address; if the site's certificate is broken, cite another copy of the document",
                           zh: "检查地址；如果网站证书有问题，改为引用该文档的其他来源"))
        case .tooManyRedirects:
            return (Phrase(en: "source \(url) redirects too many times", zh: "来源 \(url) 重定向次数过多"), moveOn)
        case .other(let detail):
            return (Phrase(en: "source \(url) cannot be reached: \(detail)", zh: "来源 \(url) 无法访问：\(detail)"), moveOn)
        }
    }
}
