import Foundation
import HandbookKit

/// Runs a `LiveSite`'s rebuilds on a thread of its own (so the server's threads stay free):
/// changes are gathered while a rebuild runs and for a few milliseconds after the first save, so
/// several saves in quick succession make one rebuild.
public final class Rebuilder: @unchecked Sendable {
    private let site: LiveSite
    private let condition = NSCondition()
    private var pending = Set<String>()
    private var stopping = false
    private var finished = false
    private let quiet: Double
    private let report: @Sendable (LiveUpdate, Double) -> Void

    /// Rebuilds `site` after changes; `report` gets each update and its duration in seconds.
    /// - Parameter quiet: seconds to wait after a change for more, before rebuilding.
    public init(site: LiveSite, quiet: Double = 0.01, report: @escaping @Sendable (LiveUpdate, Double) -> Void) {
        self.site = site
        self.quiet = quiet
        self.report = report
        let thread = Thread { [self] in loop() }
        thread.name = "handbook-rebuild"
        thread.start()
    }

    /// Queues changed paths.
    public func changed(_ paths: [String]) {
        condition.lock()
        pending.formUnion(paths)
        condition.signal()
        condition.unlock()
    }

    /// Stops after the rebuild in progress, if any, has written its files.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            if stopping {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            Thread.sleep(forTimeInterval: quiet)
            condition.lock()
            let paths = Array(pending)
            pending = []
            condition.unlock()
            let start = DispatchTime.now().uptimeNanoseconds
            let update: LiveUpdate
            do {
                update = try site.update(paths)
            } catch {
                update = LiveUpdate(kind: .whole, changedFiles: [], pagesRendered: 0,
                                    diagnostics: [Diagnostic(.error, .outputFailure,
                                                             Phrase(en: "cannot write the preview: \(error)", zh: "无法写入预览：\(error)"),
                                                             at: SourceLocation(file: site.options.output))],
                                    failed: true)
            }
            report(update, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
    }
}
