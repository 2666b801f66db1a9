/// A typed link destination such as `market:sa#iecee` or `req:li-ion-portable/sa`.
public struct CrossReference: Sendable, Hashable {
    /// The kinds of typed destinations.
    public enum Kind: String, Sendable, CaseIterable {
        case market, product, scheme, standard, region, req, page, body

        /// The kind's name in messages: `market` / `市场`, `requirement` / `准入要求`.
        var name: Phrase {
            switch self {
            case .market: Phrase(en: "market", zh: "市场")
            case .product: Phrase(en: "product", zh: "产品")
            case .scheme: Phrase(en: "scheme", zh: "认证制度")
            case .standard: Phrase(en: "standard", zh: "标准")
            case .region: Phrase(en: "region", zh: "地区")
            case .req: Phrase(en: "requirement", zh: "准入要求")
            case .page: Phrase(en: "page", zh: "页面")
            case .body: Phrase(en: "body", zh: "机构")
            }
        }
    }

    public var kind: Kind
    public var id: String
    public var anchor: String?

    public init(kind: Kind, id: String, anchor: String? = nil) {
        self.kind = kind
        self.id = id
        self.anchor = anchor
    }

    /// Parses `kind:id#anchor`; nil for ordinary URLs.
    public init?(_ destination: String) {
        // Searched in the UTF-8 bytes (`:` and `#` are ASCII), not Character by Character.
        guard let colon = destination.utf8.firstIndex(of: UInt8(ascii: ":")),
              let kind = Kind(rawValue: String(destination[..<colon])) else { return nil }
        var rest = destination[destination.utf8.index(after: colon)...]
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            anchor = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        self.kind = kind
        id = String(rest)
    }
}
