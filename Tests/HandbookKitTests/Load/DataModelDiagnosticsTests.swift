import Foundation
import Testing
@testable import HandbookKit

/// The fields of the bodies table, the richer requirements, per-source confidence, the change log
/// and notifications: each mistake in a copy of the valid fixture gives exactly these diagnostics
/// (besides the fixture's own two warnings), at the exact place, with the fix.
@Suite("Data model: diagnostics")
struct DataModelDiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let old: String
        let new: String
        /// Severity, code, line, column, message and hint; `{root}` stands for the content folder.
        let expected: [(Diagnostic.Severity, DiagnosticCode, Int, Int, String, String?)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "body role", file: "data/bodies.yml", old: "roles: [authority, ncb]", new: "roles: [authority, nbc]",
             expected: [(.error, .invalidValue, 4, 22,
                         "role 'nbc' is not one of ncb, cbtl, authority, notified-body, accreditation, conformity-body (did you mean 'ncb'?)",
                         "write one or more of: ncb, cbtl, authority, notified-body, accreditation, conformity-body")]),
        Case(name: "IECEE category", file: "data/bodies.yml", old: "iecee_categories: [BATT]", new: "iecee_categories: [BAT]",
             expected: [(.warning, .invalidValue, 17, 22, "'BAT' is not an IECEE category (did you mean 'BATT'?)",
                         "IECEE categories: BATT, CABL, CAP, CONT, E3, EMC, HOUS, HSTS, INST, LITE, MEAS, MED, MISC, OFF, POW, PROT, PV, SAFE, TOOL, TOYS, TRON")]),
        Case(name: "body country", file: "data/bodies.yml", old: "country: sa", new: "country: sx",
             expected: [(.error, .unknownReference, 3, 12, "unknown market 'sx' (did you mean 'sa'?)",
                         "markets are defined in markets/ (or 'cn' for China): eu, sa, cn")]),
        Case(name: "market NCB", file: "markets/sa.md", old: "ncbs: [saso]", new: "ncbs: [sasso]",
             expected: [(.error, .unknownReference, 12, 10, "unknown body 'sasso' (did you mean 'saso'?)",
                         "bodies are defined in data/bodies: battery-lab, saso")]),
        Case(name: "scheme issuing body", file: "data/schemes.yml", old: "bodies: [saso]", new: "bodies: [sas0]",
             expected: [(.error, .unknownReference, 13, 12, "unknown body 'sas0' (did you mean 'saso'?)",
                         "bodies are defined in data/bodies: battery-lab, saso")]),
        Case(name: "accepted edition", file: "data/requirements.csv", old: "iec-62133-2:2017", new: "iec-62133-2:2018",
             expected: [(.error, .unknownReference, 2, 296, "standard 'iec-62133-2' has no edition '2018' (did you mean '2012' or '2017'?)",
                         "its editions are: 2012, 2017 (add new ones to data/standards)")]),
        Case(name: "accepted standard", file: "data/requirements.csv", old: "iec-62133-2:2017", new: "iec-62133:2017",
             expected: [(.error, .unknownReference, 2, 296, "unknown standard 'iec-62133' (did you mean 'iec-62133-2'?)",
                         "standards are defined in data/standards: iec-61215, iec-62133-2, un-38-3")]),
        Case(name: "edition of a standard without editions", file: "data/requirements.csv", old: "iec-62133-2:2017", new: "un-38-3:2019",
             expected: [(.error, .unknownReference, 2, 296, "standard 'un-38-3' has no edition '2019'",
                         "list its editions in data/standards ('editions: [2019]'), or write 'un-38-3' for any edition")]),
        Case(name: "requirement lab", file: "data/requirements.csv", old: ",battery-lab,", new: ",battery-lap,",
             expected: [(.error, .unknownReference, 2, 313, "unknown body 'battery-lap' (did you mean 'battery-lab'?)",
                         "bodies are defined in data/bodies: battery-lab, saso")]),
        Case(name: "local representative word", file: "data/requirements.csv", old: ",12,required,", new: ",12,requred,",
             expected: [(.error, .invalidValue, 2, 278,
                         "'local_representative' is 'requred', which is not one of required, not-required, unknown (did you mean 'required'?)",
                         "write one of: required, not-required, unknown")]),
        Case(name: "validity months", file: "data/requirements.csv", old: ",12,required,", new: ",a year,required,",
             expected: [(.error, .invalidValue, 2, 275, "'validity_months' is 'a year', which is not a number or a range",
                         "write a number like 36 or a range like 36-60, or leave it empty when unknown")]),
        Case(name: "source confidence in a cell", file: "data/bodies.yml", old: "| confidence: medium", new: "| confidence: hihg",
             expected: [(.error, .invalidValue, 20, 12,
                         "a source's confidence is 'hihg', which is not one of high, medium, low (did you mean 'high'?)",
                         "write one of: high, medium, low")]),
        Case(name: "source key in a cell", file: "data/bodies.yml", old: "| title: Example", new: "| titel: Example",
             expected: [(.error, .unknownField, 20, 12, "unknown key 'titel' after a source's address (did you mean 'title'?)",
                         "known keys: title, confidence, accessed, kind")]),
        Case(name: "source kind in a cell", file: "data/bodies.yml", old: "| confidence: medium", new: "| kind: offical",
             expected: [(.error, .invalidValue, 20, 12,
                         "a source's kind is 'offical', which is not one of official, standard, accredited-body, lab, news (did you mean 'official'?)",
                         "write one of: official, standard, accredited-body, lab, news")]),
        Case(name: "source accessed date", file: "data/bodies.yml", old: "      accessed: 2026-10-01", new: "      accessed: 2026-13-01",
             expected: [(.error, .invalidDate, 11, 17, "'accessed' is '2026-13-01', which is not a valid date",
                         "write the date as YYYY-MM-DD, e.g. 2025-05-22")]),
        Case(name: "confidence above the weakest source", file: "data/bodies.yml",
             old: "      confidence: high\n      accessed: 2026-10-01\n  reviewed:",
             new: "      confidence: low\n      accessed: 2026-10-01\n  confidence: high\n  reviewed:",
             expected: [(.warning, .confidenceAboveSources, 12, 15,
                         "row 1 of bodies claims confidence 'high', above its weakest source's 'low' ({root}/data/bodies.yml:8:7)",
                         "lower 'confidence' to low, or cite a source that supports 'high'")]),
        Case(name: "body notes in one language", file: "data/bodies.yml",
             old: "notes: {zh: 签发 IECEE 认可证书。, en: Issues IECEE Recognition Certificates.}", new: "notes: {zh: 签发 IECEE 认可证书。}",
             expected: [(.warning, .missingTranslation, 1, 3, "body 'saso' has no 'en' text for 'notes'",
                         "write it as notes: {zh: …, en: …}")]),
        Case(name: "requirement labelling in one language", file: "data/requirements.csv",
             old: ",阿拉伯语警示标签,Warning label in Arabic", new: ",阿拉伯语警示标签,",
             expected: [(.warning, .missingTranslation, 2, 1, "requirement 'battery/sa' has no 'en' text for 'labelling'",
                         "write it as labelling: {zh: …, en: …}")]),
        Case(name: "list item with an unclosed bracket", file: "data/requirements.csv",
             old: "\"CB certificate;CB report, with national differences\"", new: "\"CB certificate (IECEE;CB report, with national differences\"",
             expected: [(.warning, .unbalancedBrackets, 2, 64,
                         "an item of 'documents' has 1 '(' but 0 ')': \"CB certificate (IECEE;CB report, with national differences\"",
                         "close the bracket, or write the item as one entry of a YAML list")]),
        Case(name: "change-log records", file: "data/changes.yml", old: "records: [req:battery/sa, market:sa]",
             new: "records: [req:battery/sx, markt:sa]",
             expected: [(.error, .unknownReference, 2, 13, "unknown requirement 'battery/sx' (did you mean 'battery/sa'?)",
                         "requirements are defined in data/requirements: battery/eu, battery/sa, pv/sa"),
                        (.error, .unknownReference, 2, 29, "'markt:sa' is not a record reference (did you mean 'market'?)",
                         "write kind:id, e.g. market:sa, req:pv-module/sa, scheme:…; kinds: market, product, scheme, standard, region, req, page, body")]),
        Case(name: "change-log entry without summary", file: "data/changes.yml",
             old: "  summary: {zh: 更正 RC 有效期：12 个月。, en: \"RC validity corrected: 12 months.\"}\n", new: "",
             expected: [(.error, .missingField, 1, 3, "row 1 of changes has no 'summary'", "add 'summary: …'")]),
        Case(name: "notification symbol", file: "data/events.yml", old: "notification: G/TBT/N/SAU/1078", new: "notification: TBT/SAU/1078",
             expected: [(.error, .invalidValue, 9, 17, "'notification' is 'TBT/SAU/1078', which is not a WTO TBT notification symbol",
                         "write the symbol as the WTO gives it, e.g. G/TBT/N/SAU/1234 or G/TBT/N/EU/1001/Add.1")]),
        Case(name: "stage word", file: "data/events.yml", old: "stage: adopted", new: "stage: adoptd",
             expected: [(.error, .invalidValue, 10, 10,
                         "'stage' is 'adoptd', which is not one of draft, adopted, in-force, postponed, withdrawn (did you mean 'adopted'?)",
                         "write one of: draft, adopted, in-force, postponed, withdrawn")]),
        Case(name: "postponed without a new date", file: "data/events.yml", old: "stage: adopted", new: "stage: postponed",
             expected: [(.warning, .missingField, 10, 10, "event of 2018-02-15 is postponed but has no 'postponed_to'",
                         "add 'postponed_to: YYYY-MM-DD' with the new date (and an event on that date)")]),
        Case(name: "new date without postponement", file: "data/events.yml", old: "stage: adopted",
             new: "stage: adopted\n  postponed_to: 2019-01-01",
             expected: [(.warning, .invalidValue, 11, 17, "event of 2018-02-15 has 'postponed_to: 2019-01-01' but its stage is not 'postponed'",
                         "add 'stage: postponed', or remove 'postponed_to'")]),
        Case(name: "event scheme", file: "data/events.yml", old: "schemes: [sa-iecee-rc]", new: "schemes: [sa-iece-rc]",
             expected: [(.error, .unknownReference, 11, 13, "unknown scheme 'sa-iece-rc' (did you mean 'sa-iecee-rc'?)",
                         "schemes are defined in data/schemes: eu-lvd, sa-iecee-rc")]),
        Case(name: "translation version as a list", file: "products/pv.en.md", old: "translation_of: 2a5428baad",
             new: "translation_of: [2a5428baad]",
             expected: [(.warning, .unversionedTranslation, 1, 1,
                         "this translation does not say which version of products/pv.md it translates",
                         "once it matches products/pv.md, run `handbook translated products/pv.en.md`"),
                        (.error, .wrongType, 2, 17, "'translation_of' should be a single value but is a list", nil)]),
        Case(name: "body link", file: "products/battery.md", old: "- [](market:sa)：", new: "- [](body:sasso)：",
             expected: [(.error, .unknownLinkTarget, 19, 3, "unknown body 'sasso' in link (did you mean 'saso'?)",
                         "link to one of: battery-lab, saso")]),
        Case(name: "feedback address", file: "site.yml", old: "review_max_age_days",
             new: "feedback_url: javascript:alert(1)\nreview_max_age_days",
             expected: [(.error, .invalidValue, 8, 15, "'javascript:alert(1)' is not a web address",
                         "write a full address starting with https://")]),
    ]

    /// The fixture's own warnings (a stale review, a missing translation), which every copy has:
    /// their text with the content folder as `{root}`.
    static let baseline: Set<String> = {
        let tmp = TemporaryFolder("baseline")
        let content = tmp.sub("content")
        try! Files.copy(TestPaths.valid, to: content)
        let log = DiagnosticLog()
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        return Set(log.all.map { $0.description.replacingOccurrences(of: content, with: "{root}") })
    }()

    @Test(arguments: cases)
    func mistakeGivesExactlyItsDiagnostics(_ c: Case) throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("content")
        try Files.copy(TestPaths.valid, to: content)
        let path = content + "/" + c.file
        let text = try #require(Files.read(path))
        try #require(text.components(separatedBy: c.old).count == 2, "'\(c.old)' must occur once in \(c.file)")
        try Files.write(path, text.replacingOccurrences(of: c.old, with: c.new))
        let log = DiagnosticLog()
        _ = Pipeline.check(FixtureSite.options(content: content, output: tmp.sub("site")), log: log)
        #expect(Self.baseline.count == 2)
        // An edit to an original's body also makes its translation stale: not what these cases check.
        let found = log.all.filter { !Self.baseline.contains($0.description.replacingOccurrences(of: content, with: "{root}")) }
            .filter { $0.code != .staleTranslation }
        let expected = c.expected.map { severity, code, line, column, message, hint in
            Diagnostic(severity, code, message.replacingOccurrences(of: "{root}", with: content),
                       at: SourceLocation(file: path, line: line, column: column), hint: hint)
        }
        #expect(found.map(\.english) == expected)
        #expect(!FileManager.default.fileExists(atPath: tmp.sub("site")), "check wrote output")
    }

    @Test func tbtSymbols() {
        for good in ["G/TBT/N/SAU/1078", "G/TBT/N/EU/1088", "G/TBT/N/IDN/126/Add.1", "G/TBT/N/BRA/1/Rev.2/Corr.1"] {
            #expect(EntityBuilder.isTBTSymbol(good), "\(good)")
        }
        for bad in ["TBT/SAU/1078", "G/TBT/N/sau/1078", "G/TBT/N/SAU/", "G/TBT/N/SAU/12a", "G/TBT/N/SAU/1/Add", "G/SPS/N/SAU/1",
                    "G/TBT/N/SAUDI/1", ""] {
            #expect(!EntityBuilder.isTBTSymbol(bad), "\(bad)")
        }
    }
}
