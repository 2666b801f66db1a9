extension PageBuilder {
    /// The UI strings `search.js` reads from its script element on every page: those of the
    /// instant results under the header box and of the search page's best matches.
    static let searchWordKeys = ["search_suggestions", "search_suggested", "search_all", "search_none_short",
                                 "search_best", "search_partial"]
        + SearchDocument.Kind.allCases.map { "search_kind_\($0.rawValue)" }

    /// The layout's `search_script`: `js`, the address of `search.js`, and `words`, its UI strings
    /// as JSON (for an attribute; the template escapes it).
    var searchScript: [String: Any] {
        ["js": site.assets["search.js"].map { href($0) } ?? "",
         "words": JSONValue.object(Self.searchWordKeys.map { ($0, .string(t($0))) }).text()]
    }
}
