/// Reads the tables in `data/`, each from YAML (a list of records) or CSV.
struct TableReader {
    static let known: Set<String> = ["regions", "standards", "schemes", "requirements", "events", "centres"]

    let files: ContentFiles
    let config: SiteConfig
    let log: DiagnosticLog

    /// One row ready to be read: its reader and a name for messages.
    struct Row {
        var reader: RecordReader
    }

    /// The rows of table `name` (empty when the table is absent or broken).
    func rows(_ name: String, _ tables: [String: [String]]) -> [Row] {
        guard let paths = tables[name] else { return [] }
        if paths.count > 1 {
            log.error(.duplicateID, "table '\(name)' exists as both \(paths.joined(separator: " and "))",
                      at: SourceLocation(file: files.display(paths[1])), hint: "keep one file per table")
        }
        let path = paths[0]
        let file = files.display(path)
        let text: String
        switch files.text(path) {
        case .success(let t): text = t
        case .failure(let d): log.add(d); return []
        }
        let values: [RawValue]
        if path.hasSuffix(".csv") {
            switch CSVReader.read(text, file: file, skippingBadRows: ()) {
            case .success(let (rows, problems)):
                values = rows
                problems.forEach(log.add)
            case .failure(let d): log.add(d); return []
            }
        } else {
            switch YAMLReader.read(text, file: file) {
            case .success(.list(let items, _)?): values = items
            case .success(nil): values = []
            case .success(let other?):
                log.error(.wrongType, "a table must be a list of records ('- id: …'), not \(other.kindName)",
                          at: other.location, hint: "start each record with '- '")
                return []
            case .failure(let d): log.add(d); return []
            }
        }
        return values.enumerated().map { i, value in
            let what = "row \(i + 1) of \(name)"
            return Row(reader: RecordReader(value, what: what, at: value.location, languages: config.languages, log: log))
        }
    }
}
