/// A parsed Mustache template: text, variables, sections, partials and inheritance.
indirect enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw); the name split at dots.
    case variable([String], escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section([String], [MustacheNode], inverted: Bool)
    /// `{{> name}}`; a standalone one indents each of its lines by `indent`.
    case partial(String, indent: String)
    /// `{{$name}}default{{/name}}`: a place a parent's caller may fill.
    case block(String, MustacheBlock)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: template `name` with some blocks filled.
    case parent(String, [String: MustacheBlock], indent: String)
}

/// The content of a `{{$block}}`, with what re-indenting it needs: when its opening tag stands
/// alone, its indentation (that of its first line, or of the tag when it is empty) is removed
/// where it is written and the indentation of the block it fills is put in its place.
struct MustacheBlock: Sendable {
    var nodes: [MustacheNode]
    /// The indentation of the block when its opening tag is standalone; nil otherwise.
    var indent: String?

    init(_ nodes: [MustacheNode], standalone: Bool, tagIndent: String) {
        self.nodes = nodes
        guard standalone else { return }
        if case .text(let t) = nodes.first {
            indent = String(t.prefix { $0 == " " || $0 == "\t" })
        } else {
            indent = nodes.isEmpty ? tagIndent : ""
        }
    }
}
