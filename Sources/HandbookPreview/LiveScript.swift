import HandbookKit

/// The script `handbook serve` adds to every HTML page it sends (never to a build's files): it
/// listens for rebuilds, reloads the page when its file changed (keeping the scroll position),
/// and shows the build's problems in an overlay while the content has errors.
enum LiveScript {
    /// Where the script is served.
    static let path = "/__handbook/live.js"
    /// Where the events are served.
    static let eventsPath = "/__handbook/events"

    /// The tag added before `</body>`.
    static let tag = "<script src=\"\(path)\"></script>"

    /// `html` with the script tag before its last `</body>` (or at the end).
    static func inject(into html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        var i = html.count - marker.count
        while i >= 0 {
            if html[i] == UInt8(ascii: "<"), Array(html[i..<(i + marker.count)]) == marker {
                return Array(html[..<i]) + Array(tag.utf8) + Array(html[i...])
            }
            i -= 1
        }
        return html + Array(tag.utf8)
    }

    /// The script with its words in `language`.
    static func source(_ language: MessageLanguage) -> String {
        let words: [(String, Phrase)] = [
            ("@HEAD_ONE@", Phrase(en: "The last edit broke the build: this page is the last good version (1 problem)",
                                  zh: "最近一次修改导致生成失败：本页是最后一次成功生成的版本（1 个问题）")),
            ("@HEAD_MANY@", Phrase(en: "The last edit broke the build: this page is the last good version (%n problems)",
                                   zh: "最近一次修改导致生成失败：本页是最后一次成功生成的版本（%n 个问题）")),
            ("@HIDE@", Phrase(en: "Hide", zh: "关闭")),
        ]
        return words.reduce(template) { text, pair in text.replacing(pair.0, with: JSONText.string(pair.1[language])) }
    }

    private static let template = #"""
    (function () {
      "use strict";
      var key = "handbook-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(key);
      if (saved !== null) {
        sessionStorage.removeItem(key);
        window.scrollTo(0, parseInt(saved, 10) || 0);
      }
      var file = decodeURIComponent(location.pathname).replace(/^\//, "");
      if (file === "" || file.slice(-1) === "/") file += "index.html";
      var seen = null;
      var box = null;
      function overlay(problems) {
        if (box) { box.remove(); box = null; }
        if (!problems || problems.length === 0) return;
        box = document.createElement("div");
        box.id = "handbook-problems";
        box.setAttribute("role", "alert");
        box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
          "background:#1b1b1f;color:#f4f4f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;" +
          "padding:16px 20px;border-top:4px solid #e5484d;box-shadow:0 -4px 24px rgba(0,0,0,.4)";
        var head = document.createElement("div");
        head.style.cssText = "display:flex;justify-content:space-between;gap:1em;margin-bottom:8px;font-weight:bold";
        var title = document.createElement("span");
        title.textContent = problems.length === 1 ? @HEAD_ONE@ : @HEAD_MANY@.replace("%n", String(problems.length));
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "×";
        close.setAttribute("aria-label", @HIDE@);
        close.style.cssText = "background:none;border:0;color:inherit;font-size:20px;cursor:pointer";
        close.onclick = function () { box.remove(); box = null; };
        head.appendChild(title);
        head.appendChild(close);
        box.appendChild(head);
        problems.forEach(function (p) {
          var pre = document.createElement("pre");
          pre.style.cssText = "margin:0 0 10px;white-space:pre-wrap;color:" + (/^[^\n]*: (error:|错误：)/.test(p) ? "#ff9592" : "#ffd60a");
          pre.textContent = p;
          box.appendChild(pre);
        });
        document.body.appendChild(box);
      }
      var source = new EventSource("/__handbook/events");
      source.addEventListener("state", function (event) {
        var state = JSON.parse(event.data);
        var first = seen === null;
        seen = state.version;
        overlay(state.failed ? state.problems : null);
        if (first || state.failed) return;
        if (state.all || state.changed.indexOf(file) >= 0) {
          sessionStorage.setItem(key, String(window.scrollY));
          location.reload();
        }
      });
    })();
    """#
}
