/// The plain answer to "is a CB report enough here?" for one requirement: the verdict, the reason
/// (the first sentence of the requirement's notes, which editors write as the verdict's reason),
/// what the report covers, what is still needed and where to apply. Only recorded facts are used:
/// an unknown field adds nothing to "still needed".
struct CBAnswer: Sendable {
    enum Verdict: String, Sendable {
        case yes, partly, no, unknown
    }

    /// One thing still needed besides the CB report (`answer_need_<key>` in the UI strings).
    struct Need: Sendable, Hashable {
        var key: String
        /// How many, for counted needs (documents).
        var count: Int?
    }

    var verdict: Verdict
    /// The requirement's standards a CB report can cover (all but transport tests).
    var covers: [String]
    var needs: [Need]
    /// The schemes to apply under.
    var apply: [String]

    init(_ r: Requirement, in h: Handbook, language: String, fallbacks: [String]) {
        switch r.cbReuse {
        case .full: verdict = .yes
        case .partial: verdict = .partly
        case .none: verdict = .no
        case .unknown: verdict = .unknown
        }
        // A CB report is a product-safety (and performance) report: transport tests are not in it.
        covers = r.standards.map(\.id).filter { h.standard($0)?.kind != "transport" }
        apply = r.schemes.map(\.id)
        var needs: [Need] = []
        if r.nationalDifferences == .required { needs.append(Need(key: "differences")) }
        if r.localTesting == .yes { needs.append(Need(key: "local_testing")) }
        if r.factoryInspection == .yes { needs.append(Need(key: "factory_inspection")) }
        if r.localRepresentative == .required { needs.append(Need(key: "representative")) }
        if !r.labelling.isEmpty { needs.append(Need(key: "labelling")) }
        let documents = r.documents.items(language, fallbacks: fallbacks).count
        if documents > 0 { needs.append(Need(key: "documents", count: documents)) }
        self.needs = needs
    }

    /// The first sentence of `text`: up to the first `。！？` in Chinese, or the first `. ! ?`
    /// followed by a space and a capital letter (or the end) in other languages, so that
    /// "No. 10" or "e.g. the" do not end it. The whole text when no sentence end is found.
    static func firstSentence(_ text: String) -> String {
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            if "。！？".contains(c) { return String(chars[...i]) }
            if ".!?".contains(c) {
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                let after = i + 2 < chars.count ? chars[i + 2] : nil
                if next == nil { return String(chars[...i]) }
                if next == " ", let a = after, a.isUppercase, !Self.isAbbreviation(chars[..<i]) { return String(chars[...i]) }
            }
        }
        return text
    }

    /// Whether the word before a full stop is a short abbreviation ("No", "Art", "e.g", "Reg").
    private static func isAbbreviation(_ before: ArraySlice<Character>) -> Bool {
        let word = String(before.reversed().prefix { !$0.isWhitespace && $0 != "(" }.reversed())
        return ["No", "Nos", "Art", "Arts", "Reg", "e.g", "i.e", "cf", "vs", "approx", "Dr", "Mr", "St"].contains(word)
    }
}
