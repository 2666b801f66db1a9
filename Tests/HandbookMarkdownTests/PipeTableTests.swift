import Testing
@testable import HandbookMarkdown

/// GitHub pipe tables (PipeTable.swift plus the table pass in CommonMark.swift).
@Suite("Pipe tables")
struct PipeTableTests {
    @Test func alignmentsHeaderAndBody() {
        let md = """
        | L | C | R | N |
        |:--|:-:|--:|---|
        | a | b | c | d |

        """
        #expect(render(md) == """
        <div class="table-wrap"><table>
        <thead>
        <tr>
        <th style="text-align:left">L</th>
        <th style="text-align:center">C</th>
        <th style="text-align:right">R</th>
        <th>N</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align:left">a</td>
        <td style="text-align:center">b</td>
        <td style="text-align:right">c</td>
        <td>d</td>
        </tr>
        </tbody>
        </table></div>

        """)
        #expect(issues(md).isEmpty)
    }

    @Test func headerOnlyTableHasNoBody() {
        #expect(render("| a |\n|---|\n") == "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table></div>\n")
    }

    @Test func outerPipesAreOptional() {
        #expect(render("a | b\n--|--\n1 | 2\n")
                == "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table></div>\n")
    }

    @Test func escapedPipeAndInlineMarkdownInCells() {
        let md = "| code | text |\n|---|---|\n| `a\\|b` | *em* and [x](https://e.org) x \\| y |\n"
        #expect(render(md) == """
        <div class="table-wrap"><table>
        <thead>
        <tr>
        <th>code</th>
        <th>text</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td><code>a|b</code></td>
        <td><em>em</em> and <a href="https://e.org">x</a> x | y</td>
        </tr>
        </tbody>
        </table></div>

        """)
    }

    @Test func cellTextIsEscaped() {
        #expect(render("| h |\n|---|\n| a & \"b\" |\n").contains("<td>a &amp; &quot;b&quot;</td>"))
    }

    @Test func rowWithWrongCellCountIsAWarningOnItsLine() {
        let md = "Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n| 9 |\n"
        #expect(issues(md) == [
            Issue(.warning, "table-cell-count", "table row has 3 cells but the header has 2", 6, 1),
            Issue(.warning, "table-cell-count", "table row has 1 cells but the header has 2", 7, 1),
        ])
        // The long row is cut and the short row padded, so the table stays rectangular.
        let html = render(md)
        #expect(html.contains("<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n<tr>\n<td>9</td>\n<td></td>\n</tr>\n"))
        #expect(!html.contains("3"))
    }

    @Test func headerAndDelimiterMismatchIsAnErrorOnTheDelimiterRow() {
        let md = "# T\n\n| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n"
        #expect(issues(md) == [
            Issue(.error, "malformed-table", "table header has 3 cells but the delimiter row has 2", 4, 1),
        ])
    }

    @Test func pipedLinesWithoutDelimiterRowAreAnError() {
        let md = "Text.\n\n| a | b |\n| 1 | 2 |\n"
        #expect(issues(md) == [
            Issue(.error, "malformed-table",
                  "this looks like a pipe table but its second line is not a delimiter row", 4, 1),
        ])
    }

    @Test func ordinaryParagraphWithAPipeIsNotATable() {
        #expect(render("a | b\nc\n") == "<p>a | b\nc</p>\n")
        #expect(issues("a | b\nc\n").isEmpty)
        #expect(render("one | line\n") == "<p>one | line</p>\n")
    }

    @Test func tableInsideBlockQuoteReportsColumnAfterThePrefix() {
        let md = "> | a |\n> |---|\n> | b | c |\n"
        #expect(issues(md) == [Issue(.warning, "table-cell-count", "table row has 2 cells but the header has 1", 3, 3)])
        #expect(render(md).hasPrefix("<blockquote>\n<div class=\"table-wrap\"><table>\n"))
    }

    @Test func tableOnTheFirstLineOfAListItem() {
        // The item's marker is not part of the header row (it was read as a cell too many).
        let md = "- | a | b |\n  |---|---|\n  | 1 | 2 |\n\n12. | c |\n    |---|\n"
        #expect(issues(md).isEmpty)
        #expect(render(md) == """
        <ul>
        <li><div class="table-wrap"><table>
        <thead>
        <tr>
        <th>a</th>
        <th>b</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>1</td>
        <td>2</td>
        </tr>
        </tbody>
        </table></div></li>
        </ul>
        <ol start="12">
        <li><div class="table-wrap"><table>
        <thead>
        <tr>
        <th>c</th>
        </tr>
        </thead>
        </table></div></li>
        </ol>

        """)
    }

    @Test func textLineBeforeATableInAListItemKeepsNoMarker() {
        #expect(render("- text\n  | a |\n  |---|\n").hasPrefix("<ul>\n<li>text\n<div class=\"table-wrap\">"))
        #expect(issues("> - x | y\n>   |---|---|\n>   | 1 | 2 |\n").isEmpty)
    }

    @Test
    func tableDirectlyAfterAnAlertMarkerIsATable() {
        // GitHub renders this as an alert holding a table; it must not become a paragraph of pipes.
        let html = render("> [!NOTE]\n> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
        #expect(html.contains("<th>a</th>"))
        #expect(!html.contains("| a | b |"))
    }

    @Test
    func tableDirectlyAfterAParagraphLineIsNotSilentlyLost() {
        // A pipe table right under a line of text (no blank line) is a table on GitHub. If it is not
        // recognised, it must at least be reported: DESIGN says never a silent paragraph of pipes.
        let md = "Intro:\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let html = render(md)
        #expect(html.contains("<table>") || !issues(md).isEmpty)
    }

    @Test func linesBeforeATableStayAParagraphWithTheirLinksInPlace() {
        // Two lines of text, then a table, in one paragraph: the text keeps its links and their
        // positions (line 2, after "见 " in a block quote: column 5).
        let md = "> 说明 [a](market:eu)\n> 见 [b](market:sa)\n> | x | y |\n> |---|---|\n> | 1 | 2 |\n"
        let doc = MarkdownParser.parse(md)
        #expect(doc.links.map(\.position) == [TextPosition(line: 1, column: 6), TextPosition(line: 2, column: 5)])
        #expect(render(md) == """
            <blockquote>
            <p>说明 <a href="market:eu">a</a>
            见 <a href="market:sa">b</a></p>
            <div class="table-wrap"><table>
            <thead>
            <tr>
            <th>x</th>
            <th>y</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td>2</td>
            </tr>
            </tbody>
            </table></div>
            </blockquote>

            """)
        #expect(issues(md).isEmpty)
    }
}
