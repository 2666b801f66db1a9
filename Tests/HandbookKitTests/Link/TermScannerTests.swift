import Testing
@testable import HandbookKit

@Suite("Terms: one wording per concept")
struct TermScannerTests {
    let scanner = TermScanner([
        Term(preferred: "光伏组件", variants: ["光伏板", "太阳能电池板"]),
        Term(preferred: "锂离子电池", variants: ["离子电池"]),
        Term(preferred: "PV module", variants: ["solar panel"]),
    ])

    func hits(_ markdown: String) -> [String] {
        scanner.scan(markdown: markdown).map { "\($0.line):\($0.column) \($0.found)→\($0.preferred)" }
    }

    @Test func variantsInProseAreFoundWithLineAndCharacterColumn() {
        #expect(hits("第一行\n进口光伏板须认证；Solar panels and solar panel.") == [
            "1:3 光伏板→光伏组件", "1:10 Solar panels→PV module", "1:27 solar panel→PV module",
        ])
    }

    @Test func latinVariantsMatchWholeWordsInAnyCase() {
        #expect(hits("SOLAR PANEL, solar paneling, nonsolar panel, solar panelss") == ["0:1 SOLAR PANEL→PV module"])
    }

    @Test func aVariantInsideThePreferredFormIsNotOne() {
        #expect(hits("锂离子电池和离子电池") == ["0:7 离子电池→锂离子电池"])
    }

    @Test func codeLinksAndAddressesAreSkipped() {
        let text = """
            `光伏板` 和 ``a `光伏板` b`` 不算
            [组件](https://example.org/光伏板) 与 <https://example.org/solar panel> 不算
            见 https://example.org/solar-panel/光伏板 与 [](market:sa) {#光伏板}
            <!-- 光伏板 -->
            ```
            光伏板 in a fence
            ```
            ~~~~
            光伏板
            ~~~~
            光伏板 counts
            """
        #expect(hits(text) == ["10:1 光伏板→光伏组件"])
        // An address ends at a space or CJK punctuation; the prose after it counts.
        #expect(hits("见 https://example.org/a，光伏板") == ["0:25 光伏板→光伏组件"])
    }

    @Test func fieldsSkipAddressesOnly() {
        #expect(scanner.scan(field: "`光伏板` https://x.org/光伏板").map(\.column) == [2])
    }

    @Test func noTermsFindNothing() {
        #expect(TermScanner([]).scan(markdown: "光伏板").isEmpty)
    }
}
