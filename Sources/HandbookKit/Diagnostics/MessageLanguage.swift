/// The language `handbook` writes its messages in (diagnostics, summaries, reports).
public enum MessageLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// The language a command uses: `--lang` when given, else `HANDBOOK_LANG`, else Chinese when
    /// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX order) is Chinese, else English.
    /// - Parameters:
    ///   - flag: the `--lang` value, if any.
    ///   - environment: the process environment.
    public static func resolve(flag: MessageLanguage?, environment: [String: String]) -> MessageLanguage {
        if let flag { return flag }
        if let chosen = environment["HANDBOOK_LANG"], let language = named(chosen) { return language }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// `zh`, `zh_CN.UTF-8`, `zh-Hans` → Chinese; `en`, `en_US` → English; anything else nil.
    static func named(_ value: String) -> MessageLanguage? {
        let lower = value.lowercased()
        if lower.hasPrefix("zh") { return .zh }
        if lower.hasPrefix("en") { return .en }
        return nil
    }
}
