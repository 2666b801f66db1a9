/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the `---` lines ("" when there is none).
    var yaml: String
    /// The 1-based file line where the YAML starts.
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// How many file lines come before the body (add to body line numbers).
    var bodyLineOffset: Int

    /// Splits `text`; fails when an opening `---` is never closed.
    static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        guard text.hasPrefix("---\n") || text == "---" else {
            return .success(FrontMatter(yaml: "", yamlFirstLine: 1, body: text, bodyLineOffset: 0))
        }
        var lineNumber = 1
        var yamlStart: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<lineEnd]
            if lineNumber == 1 {
                yamlStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            } else if line == "---" || line == "..." {
                let yaml = String(text[yamlStart!..<index])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]),
                                            bodyLineOffset: lineNumber))
            }
            lineNumber += 1
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        return .failure(Diagnostic(.error, .frontMatter,
                                   Phrase(en: "front matter starts with '---' but is never closed", zh: "前置元数据以“---”开头，但没有结束行"),
                                   at: SourceLocation(file: file, line: 1, column: 1),
                                   hint: Phrase(en: "add a line with only '---' after the front matter",
                                                zh: "在前置元数据之后加一行，只写“---”")))
    }
}
