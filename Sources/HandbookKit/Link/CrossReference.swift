/// A typed link destination such as `market:sa#iecee` or `req:li-ion-portable/sa`.
public struct CrossReference: Sendable, Hashable {
    /// The kinds of typed destinations.
    public enum Kind: String, Sendable, CaseIterable {
        case market, product, scheme, standard, region, req, page
    }

    public var kind: Kind
    public var id: String
    public var anchor: String?

    /// Parses `kind:id#anchor`; nil for ordinary URLs.
    public init?(_ destination: String) {
        guard let colon = destination.firstIndex(of: ":"),
              let kind = Kind(rawValue: String(destination[..<colon])) else { return nil }
        var rest = destination[destination.index(after: colon)...]
        if let hash = rest.firstIndex(of: "#") {
            anchor = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        self.kind = kind
        id = String(rest)
    }
}
