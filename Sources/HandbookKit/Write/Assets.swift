import Foundation

/// The theme's `assets/`: CSS and JS get a content hash in their names (`style.1a2b3c4d5e.css`),
/// so they can be cached forever; other files are copied as they are.
struct Assets {
    /// One asset to write.
    struct File {
        var route: Route
        var bytes: [UInt8]
    }

    /// Logical name → fingerprinted route.
    let routes: [String: Route]
    let files: [File]

    /// Reads `templates/assets`.
    static func load(_ templates: String, log: DiagnosticLog) -> Assets {
        let folder = ContentFiles(root: templates + "/assets")
        var routes: [String: Route] = [:]
        var files: [File] = []
        for path in (try? folder.list()) ?? [] {
            guard let data = FileManager.default.contents(atPath: folder.display(path)) else {
                log.error(.unreadableFile, Phrase(en: "cannot read asset", zh: "无法读取资源文件"), at: SourceLocation(file: folder.display(path)))
                continue
            }
            let bytes = [UInt8](data)
            var name = path
            let ext = (path as NSString).pathExtension
            if ext == "css" || ext == "js" {
                name = String(path.dropLast(ext.count + 1)) + "." + Fingerprint.of(bytes) + "." + ext
            }
            let route = Route("assets/" + name)
            routes[path] = route
            files.append(File(route: route, bytes: bytes))
        }
        return Assets(routes: routes, files: files)
    }
}
