/// A JSON value, for the JSON files and scripts the site carries (`/api/handbook.json`, the
/// planner's data): built with literals, written by `bytes(pretty:scriptSafe:)`.
enum JSONValue: Sendable {
    case null
    case int(Int)
    case string(String)
    case array([JSONValue])
    /// Members in any order: they are written sorted by the keys' UTF-8 bytes.
    case object([(String, JSONValue)])

    /// A string, or `null` for `nil`.
    init(_ string: String?) {
        self = string.map { .string($0) } ?? .null
    }

    /// An array of strings.
    init(_ strings: [String]) {
        self = .array(strings.map { .string($0) })
    }

    /// An object of strings.
    init(_ strings: [String: String]) {
        self = .object(strings.map { ($0.key, .string($0.value)) })
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}
