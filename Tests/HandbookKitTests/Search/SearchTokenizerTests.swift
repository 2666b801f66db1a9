import Testing
@testable import HandbookKit

@Suite("SearchTokenizer")
struct SearchTokenizerTests {
    func base(_ text: String) -> [String] { SearchTokenizer.tokens(text).filter { !$0.isDerived }.map(\.text) }
    func derived(_ text: String) -> [String] { SearchTokenizer.tokens(text).filter(\.isDerived).map(\.text) }

    @Test func hanTextBecomesBigrams() {
        #expect(base("沙特阿拉伯") == ["沙特", "特阿", "阿拉", "拉伯"])
        #expect(base("沙") == ["沙"])
        #expect(base("沙特，阿联酋") == ["沙特", "阿联", "联酋"])
        #expect(derived("沙特阿拉伯").isEmpty)
        // Titles and queries also carry trigrams, so an exact phrase outranks scattered pairs.
        #expect(SearchTokenizer.tokens("锂离子电池", hanTrigrams: true).filter(\.isDerived).map(\.text)
                == ["锂离子", "离子电", "子电池"])
    }

    @Test func standardCodesGiveEveryWayOfTypingThem() {
        #expect(base("IEC 62133-2:2017") == ["iec", "62133", "2", "2017"])
        #expect(Set(derived("IEC 62133-2:2017")) == ["62133-2", "621332", "62133-2:2017", "6213322017",
                                                     "iec62133", "iec62133-2", "iec62133-2:2017"])
        // Typed without a space, the same base words come out.
        #expect(base("iec62133") == ["iec", "62133"])
        #expect(derived("iec62133") == ["iec62133"])
        #expect(base("UN 38.3") == ["un", "38", "3"])
        #expect(Set(derived("UN 38.3")) == ["38.3", "383", "un38", "un38.3"])
    }

    @Test func hsCodesWithAndWithoutTheDot() {
        #expect(base("HS 8507.60") == ["hs", "8507", "60"])
        #expect(derived("HS 8507.60").contains("850760"))
        #expect(derived("HS 8507.60").contains("8507.60"))
        #expect(base("850760") == ["850760"])
    }

    @Test func englishWordsAreLowerCasedStemmedAndStopWordsDropped() {
        #expect(base("The Batteries of Testing and Certified modules") == ["battery", "test", "certifi", "module"])
        #expect(base("process status ess") == ["process", "status", "ess"])
    }

    @Test func sentencePunctuationDoesNotJoinWords() {
        #expect(derived("Use a battery. 2017 was").isEmpty)
        #expect(derived("battery, 2017").isEmpty)
        #expect(derived("in 2017").isEmpty)                          // stop words never glue
        #expect(derived("EN 50549") == ["en50549"])
        #expect(derived("QCVN 101") == ["qcvn101"])
        #expect(derived("Guide 12").isEmpty)                         // ordinary words do not glue
    }

    @Test func mixedQueriesCombineBoth() {
        #expect(base("沙特 IEC 62619") == ["沙特", "iec", "62619"])
        #expect(derived("沙特 IEC 62619") == ["iec62619"])
    }

    @Test func fullWidthFormsAreNormalised() {
        #expect(base("ＩＥＣ　６２１３３") == ["iec", "62133"])
    }
}
