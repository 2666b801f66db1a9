import Testing
@testable import HandbookKit

@Suite("Mustache engine")
struct MustacheTests {
    func render(_ template: String, _ context: [String: Any], partials: [String: String] = [:]) throws -> String {
        var templates = ["t": try MustacheParser.parse(template)]
        for (name, text) in partials { templates[name] = try MustacheParser.parse(text) }
        return MustacheRenderer(templates: templates).render("t", context)
    }

    func error(_ template: String) -> MustacheError? {
        do {
            _ = try MustacheParser.parse(template)
            return nil
        } catch let e as MustacheError {
            return e
        } catch {
            return nil
        }
    }

    @Test func variablesAreEscapedUnlessTriple() throws {
        #expect(try render("<p>{{a}} {{{a}}} {{& a}}</p>", ["a": "<b>&\""]) == "<p>&lt;b&gt;&amp;&quot; <b>&\" <b>&\"</p>")
        #expect(try render("{{n}} {{missing}}|", ["n": 3]) == "3 |")
    }

    /// Rendered UTF-8 (a page's main part given to the layout) is text like a string: raw in a
    /// triple tag, escaped in a double one, false when empty.
    @Test func renderedBytesAreText() throws {
        let main: [UInt8] = Array("<p>电池 & more</p>".utf8)
        #expect(try render("{{{main}}}|{{main}}|{{#main}}yes{{/main}}{{^empty}}none{{/empty}}", ["main": main, "empty": [UInt8]()])
            == "<p>电池 & more</p>|&lt;p&gt;电池 &amp; more&lt;/p&gt;|yesnone")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        let context: [String: Any] = ["t": ["x": "X"], "items": [["name": "a"], ["name": "b", "t": ["x": "inner"]]]]
        #expect(try render("{{#items}}{{name}}:{{t.x}} {{/items}}", context) == "a:X b:inner ")
        #expect(try render("{{#list}}{{.}},{{/list}}", ["list": ["x", "y"]]) == "x,y,")
    }

    @Test func falseValuesHideSectionsAndShowInvertedOnes() throws {
        let context: [String: Any] = ["no": false, "empty": [Any](), "blank": "", "none": Optional<String>.none as Any,
                                      "yes": true, "list": ["a"]]
        #expect(try render("{{#no}}1{{/no}}{{#empty}}2{{/empty}}{{#blank}}3{{/blank}}{{#none}}4{{/none}}{{#missing}}5{{/missing}}", context) == "")
        #expect(try render("{{^no}}1{{/no}}{{^empty}}2{{/empty}}{{^blank}}3{{/blank}}{{^none}}4{{/none}}{{^yes}}5{{/yes}}", context) == "1234")
        #expect(try render("{{#has_list}}L{{/has_list}}{{^has_empty}}E{{/has_empty}}", context) == "LE")
        #expect(try render("[{{none}}]", context) == "[]")
    }

    @Test func standaloneTagLinesDisappear() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n{{#no}}x{{/no}}\nend"
        #expect(try render(template, ["items": ["a", "b"], "no": false]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n\nend")
        #expect(try render("{{#a}}\n{{/a}}\n{{#b}}\nB\n{{/b}}\n", ["a": true, "b": true]) == "B\n")
    }

    @Test func partialsRenderWithTheCurrentContext() throws {
        #expect(try render("{{#items}}{{> item}}{{/items}}", ["items": [["n": "1"], ["n": "2"]]], partials: ["item": "<{{n}}>"]) == "<1><2>")
    }

    @Test func syntaxErrorsSayWhereAndWhat() {
        #expect(error("a\n{{#x}}\nb") .map { ($0.message, $0.line, $0.column) }! == ("the section {{#x}} is never closed", 2, 1))
        #expect(error("{{#x}}\n  {{/y}}").map { ($0.message, $0.line, $0.column) }! == ("{{/y}} does not match the open section {{#x}} (line 1)", 2, 3))
        #expect(error("ok {{/x}}")?.message == "{{/x}} closes a section that was never opened")
        #expect(error("ok {{x")?.message == "a tag is not finished")
        #expect(error("{{=<% %>=}}<%x").map { ($0.message, $0.line, $0.column) }! == ("a tag is not finished", 1, 12))
        #expect(error("a\r\n{{= <% =}}").map { ($0.message, $0.line, $0.column) }! == ("a delimiter change needs two delimiters", 2, 1))
        #expect(error("{{<p}}{{$b}}{{/p}}").map { ($0.message, $0.line, $0.column) }! == ("{{/p}} does not match the open section {{$b}} (line 1)", 1, 13))
    }

    /// Hostile templates: deep nesting is refused with a location, endless partials stop.
    @Test func deepNestingAndEndlessPartialsDoNotCrash() throws {
        let deep = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        #expect(error(deep).map { ($0.message, $0.line, $0.column) }! == ("sections are nested more than 100 deep", 1, 601))
        #expect(try render("[{{>self}}]", [:], partials: ["self": "x{{>self}}"]) == "[" + String(repeating: "x", count: 200) + "]")
        #expect(try render("{{<p}}{{/p}}", [:], partials: ["p": "y{{<p}}{{/p}}"]) == String(repeating: "y", count: 200))
    }

    /// A row whose value is nil must not show the outer context's value of the same name (product
    /// pages showed the longest lead time on every market without one).
    @Test func aNilValueHidesTheSameNameFurtherOut() throws {
        let context: [String: Any] = ["lead_time": 13, "markets": [["name": "EU", "lead_time": Int?.none as Any],
                                                                   ["name": "TH", "lead_time": 9]]]
        #expect(try render("{{#markets}}{{name}}{{#lead_time}}:{{lead_time}}{{/lead_time}}{{^has_lead_time}}-{{/has_lead_time}} {{/markets}}", context)
                == "EU- TH:9 ")
        #expect(try render("{{#markets}}{{name}}{{#missing}}?{{/missing}} {{/markets}}", ["missing": true, "markets": [["name": "x"]]])
                == "x? ")   // a key that is not there at all is still looked up outside
    }

    @Test func delimitersCanChange() throws {
        #expect(try render("{{=<% %>=}}<% a %> {{a}} <%={{ }}=%>{{a}}", ["a": "x"]) == "x {{a}} x")
    }

    /// A layout as a parent: pages fill its blocks, and what they leave out keeps its default.
    @Test func parentsWithBlocks() throws {
        let partials = ["layout": "<title>{{$title}}Handbook{{/title}}</title>\n<main>\n  {{$main}}\n  empty\n  {{/main}}\n</main>\n"]
        let page = "{{<layout}}\n{{$main}}\n<p>{{text}}</p>\n{{/main}}\n{{/layout}}\n"
        #expect(try render(page, ["text": "Hi"], partials: partials) == "<title>Handbook</title>\n<main>\n  <p>Hi</p>\n</main>\n")
    }

    @Test func standaloneLinesWithSeveralTagsDisappearToo() throws {
        #expect(try render("<ul>\n{{#a}}{{#b}}\n<li>x</li>\n{{/b}}{{/a}}\n</ul>", ["a": true, "b": true]) == "<ul>\n<li>x</li>\n</ul>")
    }
}
