import Foundation
import Testing
@testable import HandbookMarkdown

@Test func tmpDump() throws {
    guard let p = ProcessInfo.processInfo.environment["TMP_DUMP"] else { return }
    let data = try Data(contentsOf: URL(fileURLWithPath: p + "/commonmark.json"))
    let arr = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
    var out: [[String: Any]] = []
    for e in arr {
        out.append(["example": e["example"]!, "actual": render(e["markdown"] as! String, options: HTMLOptions(allowRawHTML: true))])
    }
    try JSONSerialization.data(withJSONObject: out).write(to: URL(fileURLWithPath: "/tmp/cmspec/actual.json"))
}
