import Foundation
import Testing
@testable import HandbookKit

@Suite("Gzip")
struct GzipTests {
    @Test(arguments: [0, 1, 100, 70_000])
    func gunzipsToTheSameBytes(_ size: Int) throws {
        let text = String(repeating: "认证 handbook <p>\n", count: size / 10 + 1)
        let bytes = Array(text.utf8.prefix(size))
        let gz = Gzip.compress(bytes)
        #expect(gz.starts(with: [0x1F, 0x8B, 0x08]))
        #expect(try gunzip(Data(gz)) == Data(bytes))
    }

    @Test func headerHasNoTimestampSoOutputIsReproducible() {
        let gz = Gzip.compress(Array("same input".utf8))
        #expect(Array(gz[4..<8]) == [0, 0, 0, 0])
        #expect(gz == Gzip.compress(Array("same input".utf8)))
    }
}
