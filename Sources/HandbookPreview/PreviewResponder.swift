import Foundation
import HandbookKit
import Hummingbird

/// Answers the preview's requests: the site's files (with the live script added to HTML), the
/// live script itself and the rebuild events. GET and HEAD only.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let files: SiteFiles
    let live: LiveReload
    /// Seconds between keep-alive comments on an event stream.
    let heartbeat: Double
    /// The live script, with its words in the editor's language.
    let script: [UInt8]

    /// Serves the output folder at `root`, with `live` for the rebuild events.
    /// - Parameter language: the language of the problems overlay.
    public init(root: String, live: LiveReload, heartbeat: Double = 15, language: MessageLanguage = .en) {
        files = SiteFiles(root: root)
        self.live = live
        self.heartbeat = heartbeat
        script = Array(LiveScript.source(language).utf8)
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "405 method not allowed: the preview serves GET and HEAD only\n",
                             extra: [.allow: "GET, HEAD"])
        }
        let head = request.method == .head
        let path = request.uri.path
        switch path {
        case LiveScript.path:
            return Self.bytes(.ok, script, type: "text/javascript; charset=utf-8", head: head)
        case LiveScript.eventsPath:
            return await events(head: head)
        default:
            break
        }
        switch files.lookup(path) {
        case .file(let file):
            return serve(file, status: .ok, head: head)
        case .redirect(let location):
            var response = Self.text(.movedPermanently, "moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .forbidden:
            return Self.text(.forbidden, "403 forbidden: this path leads outside the site\n")
        case .notFound:
            if let page = files.notFoundPage { return serve(page, status: .notFound, head: head) }
            // Nothing built yet (the first build failed): a page that can show the problems.
            let html = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not built yet</title>"
                + "<body><p>Nothing is built yet: fix the problems below (or in the terminal) and this page reloads.</p></body></html>"
            return Self.bytes(.notFound, LiveScript.inject(into: Array(html.utf8)), type: "text/html; charset=utf-8", head: head)
        }
    }

    /// A file, with the live script added to HTML.
    private func serve(_ file: String, status: HTTPResponse.Status, head: Bool) -> Response {
        guard let data = FileManager.default.contents(atPath: file) else {
            return Self.text(.notFound, "404 not found\n")
        }
        let type = SiteFiles.contentType(file)
        var bytes = [UInt8](data)
        if type.hasPrefix("text/html") { bytes = LiveScript.inject(into: bytes) }
        return Self.bytes(status, bytes, type: type, head: head)
    }

    /// The rebuild events: the current state at once, then one per rebuild, with keep-alive comments.
    private func events(head: Bool) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if head { return Response(status: .ok, headers: headers) }
        let stream = await live.subscribe()
        let heartbeat = heartbeat
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (ticks, tick) = AsyncStream<String>.makeStream()
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(heartbeat))
                        tick.yield(": keep-alive\n\n")
                    }
                }
                group.addTask {
                    for await state in stream { tick.yield("event: state\ndata: \(state)\n\n") }
                    tick.finish()
                }
                for await chunk in ticks { try await writer.write(ByteBuffer(string: chunk)) }
                group.cancelAll()
            }
            try await writer.finish(nil)
        })
    }

    static func bytes(_ status: HTTPResponse.Status, _ bytes: [UInt8], type: String, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentLength] = String(bytes.count)
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers,
                        body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var response = bytes(status, Array(message.utf8), type: "text/plain; charset=utf-8", head: false)
        for field in extra { response.headers[field.name] = field.value }
        return response
    }
}
