import Foundation
import Testing
@testable import HandbookKit

/// Loading the theme: every template problem is an error at the template's file:line:col.
@Suite("TemplateSet")
struct TemplateSetTests {
    /// A copy of the real theme with one change, loaded; returns the diagnostics.
    func load(changing file: String, _ change: (String) -> String) throws -> (TemplateSet?, [Diagnostic], String) {
        let tmp = TemporaryFolder()
        let theme = tmp.sub("theme")
        try Files.copy(TestPaths.templates, to: theme)
        let path = theme + "/" + file
        try Files.write(path, change(try #require(Files.read(path))))
        let log = DiagnosticLog()
        let set = TemplateSet.load(theme, languages: ["zh", "en"], log: log)
        return (set, log.all, theme)
    }

    @Test func realThemeLoadsWithoutProblems() {
        let log = DiagnosticLog()
        let set = TemplateSet.load(TestPaths.templates, languages: ["zh", "en"], log: log)
        #expect(log.all.isEmpty, "\(log.all)")
        #expect(set?.names.isSuperset(of: TemplateSet.required) == true)
    }

    @Test func unclosedSectionIsAnErrorWithItsPosition() throws {
        let (set, diagnostics, theme) = try load(changing: "standards.mustache") { $0 + "{{#open}}\n" }
        #expect(set == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .templateSyntax)
        #expect(diagnostics.first?.location.file == theme + "/standards.mustache")
        // The error points at the opening tag, on the line the test appended (line 6).
        #expect(diagnostics.first?.location.line == 6)
        #expect(diagnostics.first?.location.column == 1)
        #expect(diagnostics.first?.message == "the section {{#open}} is never closed")
        #expect(diagnostics.first?.hint == "close it with {{/open}}")
    }

    @Test func missingTemplateIsAnError() throws {
        let tmp = TemporaryFolder()
        let theme = tmp.sub("theme")
        try Files.copy(TestPaths.templates, to: theme)
        try FileManager.default.removeItem(atPath: theme + "/matrix.mustache")
        let log = DiagnosticLog()
        #expect(TemplateSet.load(theme, languages: ["zh", "en"], log: log) == nil)
        #expect(log.all.map(\.english) == [Diagnostic(.error, .missingTemplate, "the theme has no 'matrix.mustache'",
                                       at: SourceLocation(file: theme), hint: "add \(theme)/matrix.mustache")])
    }

    @Test func uiStringMissingInOneLanguageIsAnError() throws {
        let (set, diagnostics, theme) = try load(changing: "i18n/en.yml") {
            $0.replacingOccurrences(of: "key_facts: Key facts\n", with: "")
        }
        #expect(set == nil)
        let missing = diagnostics.filter { $0.message == "UI string 'key_facts' is missing for 'en'" }
        #expect(missing.map(\.location) == [SourceLocation(file: theme + "/i18n/en.yml")])
        // The template that uses it is pointed at too.
        #expect(diagnostics.contains { $0.location == SourceLocation(file: theme + "/market.mustache", line: 15, column: 22) })
    }

    @Test func misspelledUIStringInATemplateIsAnErrorAtItsUse() throws {
        let (set, diagnostics, theme) = try load(changing: "market.mustache") {
            $0.replacingOccurrences(of: "{{t.key_facts}}", with: "{{t.key_fact}}")
        }
        #expect(set == nil)
        #expect(diagnostics.map(\.english) == ["en", "zh"].map { language in
            Diagnostic(.error, .i18n,
                       "template uses UI string 't.key_fact', which i18n/\(language).yml does not have (did you mean 'key_facts'?)",
                       at: SourceLocation(file: theme + "/market.mustache", line: 15, column: 22),
                       hint: "add 'key_fact: …' to \(theme)/i18n/\(language).yml")
        })
    }

    @Test func uiStringUsesSkipCommentsAndSectionEnds() {
        let uses = TemplateSet.uiStringUses(
            in: "{{! t.not_this }}<p>{{#t.a}}{{t.b}}{{/t.a}}</p>\n  {{{t.c}}} {{^t.d}}x{{/t.d}}", file: "f")
        #expect(uses.map(\.key) == ["a", "b", "c", "d"])
        #expect(uses.map(\.at.column) == [21, 29, 3, 13])
        #expect(uses.map(\.at.line) == [1, 1, 2, 2])
    }
}
