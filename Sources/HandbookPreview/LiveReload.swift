import HandbookKit

/// Tells every open page what the last rebuild did, over Server-Sent Events: a `state` event
/// carries the build number, the changed files (or `all`), and the problems when the build failed.
public actor LiveReload {
    private var version = 0
    private var current = "{\"version\":0,\"failed\":false,\"all\":false,\"changed\":[],\"problems\":[]}"
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    /// More changed files than this are sent as `all` (every open page reloads).
    static let listLimit = 500

    public init() {}

    /// The state event of the last rebuild.
    public var state: String { current }

    /// The number of pages listening.
    public var listeners: Int { subscribers.count }

    /// A stream of state events, starting with the current one; it ends when the page goes away.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.yield(current)
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    /// Ends every stream (on shutdown).
    public func close() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// Publishes a rebuild to every page.
    public func publish(_ update: LiveUpdate, displayProblems: [String]) {
        version += 1
        let changed = update.kind == .first ? [] : update.changedFiles
        let all = changed.count > Self.listLimit
        current = "{\"version\":\(version),\"failed\":\(update.failed),\"all\":\(all),\"kind\":\(JSONText.string(update.kind.rawValue)),"
            + "\"changed\":[\(all ? "" : changed.map(JSONText.string).joined(separator: ","))],"
            + "\"problems\":[\(displayProblems.map(JSONText.string).joined(separator: ","))]}"
        for continuation in subscribers.values { continuation.yield(current) }
    }
}
