// libFuzzer entry point (built only with HANDBOOK_FUZZ=1 and -sanitize=fuzzer,address: see
// `make fuzz`). The target is chosen with HANDBOOK_FUZZ_TARGET: front-matter, csv, markdown, site.
import Foundation
import HandbookMarkdown
@testable import HandbookKit

/// A tiny valid site that the `site` target edits: one market, one product, one page, tables.
enum TinySite {
    static let root: String = {
        let root = NSTemporaryDirectory() + "handbook-fuzz-\(getpid())"
        let files: [String: String] = [
            "site.yml": "title: {zh: 手册, en: Handbook}\nlanguages: [zh, en]\nbase_url: https://example.org/\n",
            "markets/sa.md": "---\nname: {zh: 沙特, en: Saudi Arabia}\nregion: me\niso: SA\nreviewed: 2026-11-01\n---\n\n## 要点\n\n见 [](product:battery)。\n",
            "products/battery.md": "---\nname: {zh: 电池, en: Battery}\nstandards: [iec-62133-2]\nreviewed: 2026-11-01\n---\n\nBody.\n",
            "pages/about.md": "---\ntitle: {zh: 关于, en: About}\nreviewed: 2026-11-01\n---\n\n[](market:sa)\n",
            "data/regions.yml": "- id: me\n  name: {zh: 中东, en: Middle East}\n",
            "data/standards.yml": "- id: iec-62133-2\n  code: IEC 62133-2\n  title: {zh: 锂电池, en: Lithium cells}\n",
            "data/schemes.yml": "- id: saber\n  name: {zh: SABER, en: SABER}\n  market: sa\n",
            "data/requirements.csv": "product,market,schemes,standards,cb_reuse\nbattery,sa,saber,iec-62133-2,full\n",
        ]
        for (path, text) in files {
            try? FileManager.default.createDirectory(atPath: (root + "/" + path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: root + "/" + path, contents: Data(text.utf8))
        }
        return root
    }()
}

let target = ProcessInfo.processInfo.environment["HANDBOOK_FUZZ_TARGET"] ?? "markdown"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "front-matter":
        guard case .success(let text) = TextDecoder.decode(bytes, file: "f.md"),
              case .success(let front) = FrontMatter.split(text, file: "f.md") else { return 0 }
        if case .success(let value?) = YAMLReader.read(front.yaml, file: "f.md", firstLine: front.yamlFirstLine) {
            var r = RecordReader(value, what: "page", at: SourceLocation(file: "f.md"), languages: ["zh", "en"], log: DiagnosticLog())
            _ = r.text("title")
            _ = r.day("reviewed")
            _ = r.sources("sources")
            r.finish()
        }
    case "csv":
        guard case .success(let text) = TextDecoder.decode(bytes, file: "t.csv") else { return 0 }
        _ = CSVReader.read(text, file: "t.csv", skippingBadRows: ())
    case "markdown":
        guard case .success(let text) = TextDecoder.decode(bytes, file: "m.md") else { return 0 }
        let document = MarkdownParser.parse(text)
        let links = document.links.map { ResolvedLink(href: $0.destination, label: "x") }
        _ = HTMLRenderer.render(document, links: links, options: HTMLOptions(allowRawHTML: false, alertTitles: [:]))
        _ = document.plainText
    case "site":
        // The input is a guide file of the tiny site; the whole site is loaded, linked and checked.
        FileManager.default.createFile(atPath: TinySite.root + "/pages/fuzz.md", contents: Data(bytes))
        let options = BuildOptions(content: TinySite.root, templates: "/nonexistent", output: TinySite.root + "-out",
                                   today: Day("2026-11-27")!)
        let log = DiagnosticLog()
        if let h = ContentLoader(root: TinySite.root).load(log: log) {
            ReferenceChecker(handbook: h, log: log).check()
            ContentWarnings(handbook: h, today: options.today, log: log).check()
            Pipeline.resolveAllLinks(h, options, log: log)
            _ = SearchDocuments.collect(h, language: "en")
        }
        _ = log.all.map { DiagnosticFormatter.text($0, sourceLine: "x", color: false) }
    default:
        fatalError("HANDBOOK_FUZZ_TARGET must be front-matter, csv, markdown or site")
    }
    return 0
}

// SwiftPM links an executable's entry point as `<Target>_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("HandbookFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
