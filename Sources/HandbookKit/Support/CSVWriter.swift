/// CSV as spreadsheets read it (RFC 4180): a cell with a comma, quote or line break is quoted,
/// with its quotes doubled.
enum CSVWriter {
    static func cell(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
    }
}
