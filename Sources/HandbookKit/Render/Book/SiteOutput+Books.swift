import Foundation

/// The PDF edition of every language, made before the pages (the home page links each with its size).
extension SiteOutput {
    /// Makes each language's PDF (the languages side by side: one WeasyPrint each), hands them
    /// to `emit`, and records them for the home pages.
    mutating func makeBooks(emit: Emit) throws -> [BookFile] {
        let edition = options.edition ?? options.today
        let css: String
        switch FileIO.read(options.templates + "/print/book.css", limit: 1 << 20) {
        case .success(let bytes): css = String(decoding: bytes, as: UTF8.self)
        case .failure:
            throw BookEngine.Failure(phrase: Phrase(
                en: "the theme has no print/book.css (the PDF edition's style sheet): add \(options.templates)/print/book.css",
                zh: "模板文件夹中没有 PDF 版的样式表 print/book.css：请添加 \(options.templates)/print/book.css"))
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-book-\(UUID().uuidString)").path
        try FileIO.makeDirectories(scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let renderer = self.renderer, timer = options.timer
        let made = handbook.config.languages.parallelMap { l -> Result<(String, [UInt8]), any Error> in
            Result {
                let html = timed(timer, "book: HTML") { PrintBook(site: renderer, l: l, edition: edition).html(css: css) }
                let pdf = try timed(timer, "book: WeasyPrint") {
                    try BookEngine.pdf(html, name: "handbook-\(l)", scratch: scratch, created: edition)
                }
                return (l, pdf)
            }
        }
        var books: [BookFile] = []
        for result in made {
            let (l, pdf) = try result.get()
            let book = BookFile(route: Route("\(l)/handbook-\(edition).pdf"), edition: edition, bytes: pdf.count)
            try emit(book.path, pdf)
            self.renderer.books[l] = book
            books.append(book)
        }
        return books
    }
}
