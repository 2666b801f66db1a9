import Testing
@testable import HandbookMarkdown

/// GitHub alerts (Alerts.swift and the alert rendering in HTMLRenderer.swift).
@Suite("Alerts")
struct AlertsTests {
    @Test func noteWithTitleFromOptions() {
        let options = HTMLOptions(alertTitles: [.note: "注意"])
        #expect(render("> [!NOTE]\n> 每条信息都注明来源。\n", options: options) == """
        <div class="alert alert-note" role="note">
        <p class="alert-title">注意</p>
        <p>每条信息都注明来源。</p>
        </div>

        """)
    }

    @Test(arguments: [(AlertKind.note, "Note"), (.tip, "Tip"), (.important, "Important"), (.warning, "Warning"),
                      (.caution, "Caution")])
    func everyKindHasAClassAndADefaultTitle(_ kind: AlertKind, _ title: String) {
        let name = kind.rawValue.lowercased()
        #expect(render("> [!\(kind.rawValue)]\n> Text.\n")
                == "<div class=\"alert alert-\(name)\" role=\"note\">\n<p class=\"alert-title\">\(title)</p>\n<p>Text.</p>\n</div>\n")
    }

    @Test func titleIsEscaped() {
        #expect(render("> [!TIP]\n> x\n", options: HTMLOptions(alertTitles: [.tip: "A <b>&"]))
                .contains("<p class=\"alert-title\">A &lt;b&gt;&amp;</p>"))
    }

    @Test func alertWithSeveralBlocks() {
        #expect(render("> [!WARNING]\n> First *line*\n> second.\n>\n> - item\n") == """
        <div class="alert alert-warning" role="note">
        <p class="alert-title">Warning</p>
        <p>First <em>line</em>
        second.</p>
        <ul>
        <li>item</li>
        </ul>
        </div>

        """)
    }

    @Test func markerAloneMakesAnAlertWithOnlyItsTitle() {
        #expect(render("> [!NOTE]\n") == "<div class=\"alert alert-note\" role=\"note\">\n<p class=\"alert-title\">Note</p>\n</div>\n")
    }

    @Test func lowerCaseMarkerIsAccepted() {
        #expect(render("> [!tip]\n> x\n").hasPrefix("<div class=\"alert alert-tip\" role=\"note\">"))
    }

    @Test(arguments: ["> [!NOTE] trailing text\n> x\n", "> [!FOO]\n> x\n", "> [NOTE]\n> x\n", "> Text [!NOTE]\n"])
    func notAnAlert(_ markdown: String) {
        #expect(render(markdown).hasPrefix("<blockquote>\n<p>"))
    }
}
