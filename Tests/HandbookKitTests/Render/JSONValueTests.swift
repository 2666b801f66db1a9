import Foundation
import Testing
@testable import HandbookKit

@Suite("JSONValue")
struct JSONValueTests {
    /// A value with every case, nesting, empty containers, keys that sort differently by length
    /// and by `_`, and strings with every character the writer escapes.
    static let sample: JSONValue = [
        "requirements": [["product": "battery", "lead_time_weeks": [4, 12], "documents": [], "notes": [:]]],
        "a_b": "x/y \u{8}\u{C}\u{1}\u{1F} é 电池 <b> & \"q\" \\ \n\r\t \u{2028}",
        "ab": -5, "a": .null, "z": [[[1]], [:], ["k": "v"]],
    ]

    /// The same value as `JSONSerialization` takes it.
    static var foundationSample: [String: Any] { [
        "requirements": [["product": "battery", "lead_time_weeks": [4, 12], "documents": [] as [Any], "notes": [:] as [String: Any]]],
        "a_b": "x/y \u{8}\u{C}\u{1}\u{1F} é 电池 <b> & \"q\" \\ \n\r\t \u{2028}",
        "ab": -5, "a": NSNull(), "z": [[[1]], [:] as [String: Any], ["k": "v"]] as [Any],
    ] }

    /// Pretty output is what `JSONSerialization` wrote for `/api/handbook.json` before, byte for
    /// byte, so the file did not change for its readers.
    @Test func prettyMatchesJSONSerialization() throws {
        let foundation = try JSONSerialization.data(withJSONObject: Self.foundationSample,
                                                    options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        #expect(String(decoding: Self.sample.bytes(pretty: true), as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
    }

    /// Compact output is `JSONSerialization`'s with sorted keys, slashes left as they are.
    @Test func compactMatchesJSONSerializationButSlashes() throws {
        let foundation = try JSONSerialization.data(withJSONObject: Self.foundationSample, options: [.sortedKeys])
        let expected = String(decoding: foundation, as: UTF8.self).replacing(#"\/"#, with: "/")
        #expect(Self.sample.text() == expected)
    }

    @Test func exactCompactText() {
        let v: JSONValue = ["words": ["b": "2", "a": "1"], "list": [1, .null, "x"], "empty": [], "none": [:]]
        #expect(v.text() == #"{"empty":[],"list":[1,null,"x"],"none":{},"words":{"a":"1","b":"2"}}"#)
        #expect(JSONValue(nil as String?).text() == "null")
        #expect(JSONValue(["en": "Battery"]).text() == #"{"en":"Battery"}"#)
        #expect(JSONValue(["a", "b"]).text(pretty: true) == "[\n  \"a\",\n  \"b\"\n]")
    }

    /// Script-safe text cannot end the `<script>` it sits in, in keys as in values.
    @Test func scriptSafeEscapesKeysAndValues() {
        let v: JSONValue = ["</script>": "<b>&\u{2028}"]
        #expect(v.text(scriptSafe: true) == #"{"\u003c/script\u003e":"\u003cb\u003e\u0026\u2028"}"#)
        #expect(v.text() == "{\"</script>\":\"<b>&\u{2028}\"}")
    }
}
