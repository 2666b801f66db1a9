/// A template syntax error with its place in the template.
struct MustacheError: Error, Sendable {
    var message: String
    var hint: String
    var line: Int
    var column: Int
}
