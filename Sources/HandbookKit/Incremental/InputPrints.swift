import Foundation

/// What a site is made from, as stable hashes: the options that change what is written, site.yml,
/// each table file, each theme file, and each guide's front matter and body apart. A build keeps
/// the prints of what it was made from (`BuildState`); the next build compares its own with them
/// to know what changed (`changes(since:)`).
struct InputPrints: Equatable, Sendable {
    /// A guide file: its front matter and its body, hashed apart.
    struct Guide: Equatable, Sendable {
        var frontMatter: UInt64
        var body: UInt64
    }

    /// Everything besides the files that changes the output: the base URL given on the command
    /// line, file links, the report, the day, and the program itself.
    var options: String
    var config: UInt64 = 0
    /// Table file (relative to the content folder) → hash.
    var tables: [String: UInt64] = [:]
    /// Theme file (relative to the theme folder, `assets/` included) → hash.
    var templates: [String: UInt64] = [:]
    /// Guide file (relative to the content folder) → hashes.
    var guides: [String: Guide] = [:]

    /// The key of the options that change the output; the program counts as one of them, by its
    /// size and modification time.
    static func optionsKey(_ options: BuildOptions) -> String {
        let program = Platform.executableStamp.map { "\($0.size).\($0.seconds).\($0.nanoseconds)" } ?? "?"
        return "base=\(options.baseURL ?? "-") file-links=\(options.fileLinks) report=\(options.writeReport ? options.messages.rawValue : "no") pdf=\(options.pdf ? (options.edition ?? options.today).description : "no") today=\(options.today) program=\(program)"
    }

    /// The prints of the theme folder's files (the scaffolds, used only by `handbook new`, left out).
    static func templates(_ root: String) -> [String: UInt64] {
        let paths = ((try? FileIO.listFiles(root)) ?? []).filter { !$0.hasPrefix("scaffold/") }
        return Dictionary(uniqueKeysWithValues: paths.parallelMap { path in
            (path, (try? FileIO.read(root + "/" + path, limit: Int.max).get()).map(StableHash.of) ?? 0)
        })
    }

    /// The prints of files in the content folder.
    static func files(_ paths: [String], in files: ContentFiles) -> [String: UInt64] {
        Dictionary(uniqueKeysWithValues: paths.map { path in
            (path, (try? FileIO.read(files.display(path), limit: Int.max).get()).map(StableHash.of) ?? 0)
        })
    }

    /// How these inputs differ from `old`, as the changes a plan is made from.
    func changes(since old: InputPrints) -> [InputChange] {
        if options != old.options || config != old.config { return [.config] }
        var out: [InputChange] = []
        for path in Set(templates.keys).union(old.templates.keys) where templates[path] != old.templates[path] {
            out.append(InputChange.theme(path))
        }
        if tables != old.tables { out.append(.table) }
        for path in Set(guides.keys).union(old.guides.keys) {
            switch (old.guides[path], guides[path]) {
            case (nil, _?), (_?, nil): out.append(.guideAddedOrRemoved(path))
            case let (a?, b?) where a.frontMatter != b.frontMatter: out.append(.frontMatter(path))
            case let (a?, b?) where a.body != b.body: out.append(.body(path))
            default: break
            }
        }
        return out
    }
}
