import Foundation
import HandbookKit
import Hummingbird
import HummingbirdTesting
import Testing
@testable import HandbookPreview

/// The preview server without sockets (Hummingbird's router test framework): routing, content
/// types, the live script, 404, 405 and every way of stepping outside the output folder.
@Suite struct PreviewResponderTests {
    /// An output folder with a page, a folder, a hidden file, a 404 page, and links leading out.
    final class Site: @unchecked Sendable {
        let root: String
        let outside: String

        init() throws {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-preview-\(UUID().uuidString)").path
            root = base + "/Site"
            outside = base + "/secret"
            let fm = FileManager.default
            for folder in [root + "/en/markets/sa", root + "/assets", root + "/名 字", outside] {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
            try write(root + "/index.html", "<!doctype html><html><body><p>home</p></body></html>")
            try write(root + "/en/markets/sa/index.html", "<!doctype html><html><body><h1>Saudi Arabia</h1></body></html>")
            try write(root + "/404.html", "<!doctype html><html><body><h1>Not here</h1></body></html>")
            try write(root + "/assets/style.css", "body{}")
            try write(root + "/assets/app.js", "1")
            try write(root + "/sitemap.xml", "<urlset/>")
            try write(root + "/api.json", "{}")
            try write(root + "/matrix.csv", "a,b")
            try write(root + "/robots.txt", "User-agent: *")
            try write(root + "/名 字/index.html", "<html><body>unicode</body></html>")
            try write(root + "/.handbook-output", "handbook")
            try write(outside + "/passwd", "secret")
            try fm.createSymbolicLink(atPath: root + "/leak", withDestinationPath: outside)
            try fm.createSymbolicLink(atPath: root + "/leak.txt", withDestinationPath: outside + "/passwd")
        }

        deinit { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
    }

    func app(_ site: Site) -> some ApplicationProtocol {
        Application(responder: PreviewResponder(root: site.root, live: LiveReload()))
    }

    /// The overlay speaks the editor's language: its title and close button, and Chinese
    /// diagnostics (`错误：`) coloured as errors.
    @Test(arguments: [
        (MessageLanguage.en, "\"The last edit broke the build: this page is the last good version (1 problem)\"", "\"Hide\""),
        (.zh, "\"最近一次修改导致生成失败：本页是最后一次成功生成的版本（1 个问题）\"", "\"关闭\""),
    ])
    func theLiveScriptSpeaksTheEditorsLanguage(language: MessageLanguage, title: String, hide: String) async throws {
        let site = try Site()
        let app = Application(responder: PreviewResponder(root: site.root, live: LiveReload(), language: language))
        try await app.test(.router) { client in
            let script = String(buffer: try await client.execute(uri: "/__handbook/live.js", method: .get).body)
            #expect(script.contains("title.textContent = problems.length === 1 ? \(title) : "))
            #expect(script.contains("close.setAttribute(\"aria-label\", \(hide));"))
            #expect(script.contains("(error:|错误：)"))
            #expect(!script.contains("@HEAD_ONE@") && !script.contains("@HIDE@"))
        }
    }

    @Test func servesPagesWithTheLiveScriptAndTheRightTypes() async throws {
        let site = try Site()
        try await app(site).test(.router) { client in
            let page = try await client.execute(uri: "/en/markets/sa/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: page.body)
            #expect(html.contains("<h1>Saudi Arabia</h1><script src=\"/__handbook/live.js\"></script></body>"))
            for (path, type) in [("/assets/style.css", "text/css; charset=utf-8"), ("/assets/app.js", "text/javascript; charset=utf-8"),
                                 ("/sitemap.xml", "application/xml; charset=utf-8"), ("/api.json", "application/json; charset=utf-8"),
                                 ("/matrix.csv", "text/csv; charset=utf-8"), ("/robots.txt", "text/plain; charset=utf-8")] {
                let r = try await client.execute(uri: path, method: .get)
                #expect(r.status == .ok, "\(path)")
                #expect(r.headers[.contentType] == type, "\(path)")
                #expect(!String(buffer: r.body).contains("live.js"), "\(path) must not get the script")
            }
            let home = try await client.execute(uri: "/", method: .get)
            #expect(String(buffer: home.body).contains("<p>home</p>"))
            let unicode = try await client.execute(uri: "/%E5%90%8D%20%E5%AD%97/", method: .get)
            #expect(unicode.status == .ok)
            let script = try await client.execute(uri: "/__handbook/live.js", method: .get)
            #expect(String(buffer: script.body).contains("EventSource(\"/__handbook/events\")"))
        }
    }

    @Test func folderWithoutSlashRedirectsAndMissingPagesGetThe404Page() async throws {
        let site = try Site()
        try await app(site).test(.router) { client in
            let folder = try await client.execute(uri: "/en/markets/sa", method: .get)
            #expect(folder.status == .movedPermanently)
            #expect(folder.headers[.location] == "/en/markets/sa/")
            let missing = try await client.execute(uri: "/en/markets/xx/", method: .get)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("<h1>Not here</h1>"))
            #expect(String(buffer: missing.body).contains("live.js"))
            let hidden = try await client.execute(uri: "/.handbook-output", method: .get)
            #expect(hidden.status == .notFound)
        }
    }

    @Test func withoutA404PageMissingPathsGetAPageThatCanShowTheProblems() async throws {
        let site = try Site()
        try FileManager.default.removeItem(atPath: site.root + "/404.html")
        try await app(site).test(.router) { client in
            let r = try await client.execute(uri: "/en/", method: .get)
            #expect(r.status == .notFound)
            #expect(r.headers[.contentType] == "text/html; charset=utf-8")
            let body = String(buffer: r.body)
            #expect(body.contains("Nothing is built yet"))
            #expect(body.contains(LiveScript.tag + "</body>"))
        }
    }

    @Test func onlyGetAndHead() async throws {
        let site = try Site()
        try await app(site).test(.router) { client in
            let head = try await client.execute(uri: "/en/markets/sa/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(Int(head.headers[.contentLength] ?? "") ?? 0 > 0)
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
                let r = try await client.execute(uri: "/en/markets/sa/", method: method)
                #expect(r.status == .methodNotAllowed, "\(method)")
                #expect(r.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test(arguments: [
        "/../secret/passwd", "/en/../../secret/passwd", "/%2e%2e/secret/passwd", "/%2E%2E/%2E%2E/secret/passwd",
        "/en/%2e%2e%2f%2e%2e%2fsecret/passwd", "/..%5c..%5csecret%5cpasswd", "/en\\..\\..\\secret\\passwd",
        "/leak/passwd", "/leak.txt", "/%00/index.html", "/./index.html",
    ])
    func neverLeavesTheOutputFolder(_ path: String) async throws {
        let site = try Site()
        try await app(site).test(.router) { client in
            let r = try await client.execute(uri: path, method: .get)
            #expect(r.status == .forbidden || r.status == .notFound, "\(path) → \(r.status)")
            #expect(!String(buffer: r.body).contains("secret"))
        }
    }

    @Test func lookupMapsPathsToFiles() throws {
        let site = try Site()
        let files = SiteFiles(root: site.root)
        #expect(files.lookup("/en/markets/sa/") == .file(files.root + "/en/markets/sa/index.html"))
        #expect(files.lookup("/en/markets/sa/?q=1") == .file(files.root + "/en/markets/sa/index.html"))
        #expect(files.lookup("/en/markets/sa") == .redirect("/en/markets/sa/"))
        #expect(files.lookup("/leak.txt") == .forbidden)
        #expect(files.lookup("/%2e%2e/x") == .forbidden)
        #expect(files.lookup("/nothing") == .notFound)
    }

    @Test func liveReloadTellsEveryListener() async throws {
        let live = LiveReload()
        let stream = await live.subscribe()
        var events = stream.makeAsyncIterator()
        let first = try #require(await events.next())
        #expect(first.contains("\"version\":0"))
        let problem = Diagnostic(.error, .unknownLinkTarget, Phrase(en: "unknown market 'xx' in link", zh: "链接中的市场“xx”不存在"), at: SourceLocation(file: "Content/markets/sa.md", line: 3, column: 5))
        await live.publish(LiveUpdate(kind: .body, changedFiles: ["en/markets/sa/index.html"], pagesRendered: 2,
                                      diagnostics: [], failed: false), displayProblems: [])
        let second = try #require(await events.next())
        #expect(second == "{\"version\":1,\"failed\":false,\"all\":false,\"kind\":\"body\",\"changed\":[\"en/markets/sa/index.html\"],\"problems\":[]}")
        await live.publish(LiveUpdate(kind: .body, changedFiles: [], pagesRendered: 0, diagnostics: [problem], failed: true),
                           displayProblems: ["Content/markets/sa.md:3:5: error: unknown market 'xx' in link </script>"])
        let third = try #require(await events.next())
        #expect(third.contains("\"failed\":true"))
        #expect(third.contains("unknown market 'xx' in link \\u003c/script\\u003e"))
        #expect(await live.listeners == 1)
    }

    @Test func injectsBeforeTheLastBodyTag() {
        let html = Array("<html><body><pre>&lt;/body&gt; </body></pre></body></html>".utf8)
        let out = String(decoding: LiveScript.inject(into: html), as: UTF8.self)
        #expect(out == "<html><body><pre>&lt;/body&gt; </body></pre>\(LiveScript.tag)</body></html>")
        #expect(String(decoding: LiveScript.inject(into: Array("plain".utf8)), as: UTF8.self) == "plain" + LiveScript.tag)
    }
}
