import Foundation

/// What a written site was made from and what it holds, kept in the output folder
/// (`.handbook-state`) so the next `handbook build` can rewrite only what changed: the prints of
/// the inputs, the back-links between guides and the records they link to, and a hash of every
/// output file by kind. It is written after every file; a build that writes in place removes it
/// first and marks the folder (`.handbook-writing`) until it is done, so a killed build leaves no
/// state to trust and the next build makes every file again.
struct BuildState: Equatable {
    static let file = ".handbook-state"
    static let writing = ".handbook-writing"
    /// The first line; a state written by another format is not read.
    static let header = "handbook-state 1"

    /// What an output file is, for what a plan redoes (and so may delete).
    enum Category: String, Sendable {
        case page = "p", asset = "a", data = "d", search = "s"
    }

    /// One output file (its `.gz`, when there is one, goes with it).
    struct Output: Equatable, Sendable {
        var category: Category
        var hash: UInt64
    }

    var inputs: InputPrints
    /// A standard, scheme or body → the guides linking to it (`Backlinks.guides`).
    var backlinks: [RecordKey: [RecordKey]]
    /// Output file (relative to the output folder, without `.gz`) → what it is and its hash.
    var outputs: [String: Output]

    /// The state of the output folder at `root`, or nil when there is none to trust: missing,
    /// written by another format, or left by a build that was stopped while writing.
    static func read(_ root: String) -> BuildState? {
        guard !FileManager.default.fileExists(atPath: root + "/" + writing),
              case .success(let bytes) = FileIO.read(root + "/" + file, limit: Int.max) else { return nil }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Reads the text `text()` writes; nil when any line is not understood.
    static func parse(_ text: String) -> BuildState? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(header), lines.popLast() == "" else { return nil }
        var state = BuildState(inputs: InputPrints(options: ""), backlinks: [:], outputs: [:])
        func hash(_ s: Substring) -> UInt64? { s.count == 16 ? UInt64(s, radix: 16) : nil }
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 1)
            guard fields.count == 2 else { return nil }
            let rest = fields[1]
            func split(_ n: Int) -> [Substring]? {
                let parts = rest.split(separator: " ", maxSplits: n - 1)
                return parts.count == n ? parts : nil
            }
            switch fields[0] {
            case "options": state.inputs.options = String(rest)
            case "config":
                guard let h = hash(rest) else { return nil }
                state.inputs.config = h
            case "table", "theme":
                guard let p = split(2), let h = hash(p[0]) else { return nil }
                if fields[0] == "table" { state.inputs.tables[String(p[1])] = h } else { state.inputs.templates[String(p[1])] = h }
            case "guide":
                guard let p = split(3), let f = hash(p[0]), let b = hash(p[1]) else { return nil }
                state.inputs.guides[String(p[2])] = InputPrints.Guide(frontMatter: f, body: b)
            case "backlink":
                let keys = rest.split(separator: " ").map { CrossReference(String($0))?.key }
                guard keys.count >= 2, !keys.contains(nil) else { return nil }
                state.backlinks[keys[0]!] = keys.dropFirst().map { $0! }
            case "output":
                guard let p = split(3), let c = Category(rawValue: String(p[0])), let h = hash(p[1]) else { return nil }
                state.outputs[String(p[2])] = Output(category: c, hash: h)
            default: return nil
            }
        }
        return state
    }

    /// The state as text: one fact per line, sorted, so equal states are equal files.
    func text() -> String {
        var out = [Self.header, "options \(inputs.options)", "config \(StableHash.hex(inputs.config))"]
        out += inputs.tables.sorted { $0.key < $1.key }.map { "table \(StableHash.hex($0.value)) \($0.key)" }
        out += inputs.templates.sorted { $0.key < $1.key }.map { "theme \(StableHash.hex($0.value)) \($0.key)" }
        out += inputs.guides.sorted { $0.key < $1.key }.map {
            "guide \(StableHash.hex($0.value.frontMatter)) \(StableHash.hex($0.value.body)) \($0.key)"
        }
        out += backlinks.sorted { $0.key < $1.key }.map { "backlink \($0.key) " + $0.value.map(\.description).joined(separator: " ") }
        out += outputs.sorted { $0.key < $1.key }.map { "output \($0.value.category.rawValue) \(StableHash.hex($0.value.hash)) \($0.key)" }
        return out.joined(separator: "\n") + "\n"
    }

    /// Writes the state into the folder at `root`, beside and renamed over the previous one.
    func write(_ root: String) throws {
        let path = root + "/" + Self.file, temporary = root + "/.handbook-tmp-state"
        try FileIO.write(temporary, Array(text().utf8))
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            let why = String(cString: strerror(errno))
            throw OutputDirectory.Failure(Phrase(en: "cannot write \(path): \(why)", zh: "无法写入 \(path)：\(why)"))
        }
    }

    /// Removes the state of the folder at `root` (before its files are changed in place).
    static func remove(_ root: String) {
        unlink(root + "/" + file)
    }
}
