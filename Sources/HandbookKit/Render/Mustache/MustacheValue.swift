/// What a context value is, told by the identity of its type: the renderer asks this of every
/// value it looks up, and a failing `as?` cast (a `String` tried as a dictionary) costs more than
/// rendering the value.
enum MustacheValue {
    case string(String)
    /// UTF-8 text already rendered (a page's main part inside the layout).
    case bytes([UInt8])
    case map([String: Any])
    case maps([[String: Any]])
    case strings([String])
    case list([Any])
    case bool(Bool)
    case int(Int)
    /// `nil` inside an `Any` (an `Optional.none`).
    case none
    /// Anything else: rendered with `"\(value)"` and true in a section.
    case other(Any)

    private static let stringType = ObjectIdentifier(String.self)
    private static let bytesType = ObjectIdentifier([UInt8].self)
    private static let mapType = ObjectIdentifier([String: Any].self)
    private static let mapsType = ObjectIdentifier([[String: Any]].self)
    private static let stringsType = ObjectIdentifier([String].self)
    private static let listType = ObjectIdentifier([Any].self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)

    init(_ value: Any) {
        let type = ObjectIdentifier(Swift.type(of: value))
        // After the identity check, `as!` to the same type is the cast's fast path.
        if type == Self.stringType {
            self = .string(value as! String)
        } else if type == Self.mapType {
            self = .map(value as! [String: Any])
        } else if type == Self.bytesType {
            self = .bytes(value as! [UInt8])
        } else if type == Self.mapsType {
            self = .maps(value as! [[String: Any]])
        } else if type == Self.stringsType {
            self = .strings(value as! [String])
        } else if type == Self.boolType {
            self = .bool(value as! Bool)
        } else if type == Self.intType {
            self = .int(value as! Int)
        } else if type == Self.listType {
            self = .list(value as! [Any])
        } else if let optional = value as? any AnyOptional {
            self = optional.wrapped.map(MustacheValue.init) ?? .none
        } else if let list = value as? [Any] {
            self = .list(list)
        } else if let map = value as? [String: Any] {
            self = .map(map)
        } else {
            self = .other(value)
        }
    }

    /// False for `false`, empty text, empty lists and nil; true otherwise.
    var isTruthy: Bool {
        switch self {
        case .bool(let b): b
        case .string(let s): !s.isEmpty
        case .bytes(let b): !b.isEmpty
        case .maps(let list): !list.isEmpty
        case .strings(let list): !list.isEmpty
        case .list(let list): !list.isEmpty
        case .none: false
        case .map, .int, .other: true
        }
    }

    /// The text a variable tag shows.
    var text: String {
        switch self {
        case .string(let s): s
        case .bytes(let b): String(decoding: b, as: UTF8.self)
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .none: ""
        case .map(let v): "\(v)"
        case .maps(let v): "\(v)"
        case .strings(let v): "\(v)"
        case .list(let v): "\(v)"
        case .other(let v): "\(v)"
        }
    }
}

/// Lets the renderer see `nil` inside an `Any` without reflection.
protocol AnyOptional {
    var wrapped: Any? { get }
}

extension Optional: AnyOptional {
    var wrapped: Any? { self.map { $0 as Any } }
}
