/// A parsed Mustache template: text, variables, sections and partials.
indirect enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (raw); the name split at dots.
    case variable([String], escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section([String], [MustacheNode], inverted: Bool)
    /// `{{> name}}`.
    case partial(String)
}
