import Foundation
import HandbookKit
import Testing
@testable import HandbookPreview

/// Saves in quick succession make one rebuild.
@Suite struct RebuilderTests {
    final class Reports: @unchecked Sendable {
        let lock = NSLock()
        var updates: [LiveUpdate] = []
        func add(_ u: LiveUpdate) { lock.lock(); updates.append(u); lock.unlock() }
        var all: [LiveUpdate] { lock.lock(); defer { lock.unlock() }; return updates }
    }

    @Test func savesInQuickSuccessionAreCoalesced() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-rebuilder-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(atPath: package.appendingPathComponent("Content").path, toPath: root + "/Content")
        let options = BuildOptions(content: root + "/Content", templates: package.appendingPathComponent("Templates").path,
                                   output: root + "/Site", today: Day("2026-11-27")!)
        let site = LiveSite(options: options)
        #expect(try !site.build().failed)
        let reports = Reports()
        // Three saves one after the other, well inside the wait for more (a second), make one rebuild.
        let rebuilder = Rebuilder(site: site, quiet: 1) { update, _ in reports.add(update) }
        let guide = root + "/Content/markets/sa.en.md"
        for i in 0..<3 {
            let handle = try #require(FileHandle(forWritingAtPath: guide))
            handle.seekToEndOfFile()
            handle.write(Data("\nEdit \(i).\n".utf8))
            try handle.close()
            rebuilder.changed([guide])
        }
        let deadline = Date().addingTimeInterval(20)
        while reports.all.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        rebuilder.stop()
        #expect(reports.all.count == 1)
        #expect(reports.all.first?.kind == .body)
        let page = try String(contentsOfFile: root + "/Site/en/markets/sa/index.html", encoding: .utf8)
        #expect(page.contains("Edit 2."))
    }
}
