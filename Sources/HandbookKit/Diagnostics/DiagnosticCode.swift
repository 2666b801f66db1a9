/// The stable code of each kind of problem, printed as `[HB0201 unknown-reference]`.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Reading files (HB01xx)
    case unreadableFile = "HB0101"
    case invalidUTF8 = "HB0102"
    case yamlSyntax = "HB0103"
    case csvSyntax = "HB0104"
    case frontMatter = "HB0105"
    case fileTooLarge = "HB0106"
    case unexpectedFile = "HB0107"
    // Fields and values (HB011x)
    case missingField = "HB0110"
    case invalidValue = "HB0111"
    case invalidDate = "HB0112"
    case unknownField = "HB0113"
    case duplicateID = "HB0114"
    case reservedID = "HB0115"
    case wrongType = "HB0116"
    case unbalancedBrackets = "HB0117"
    // References and links (HB02xx)
    case unknownReference = "HB0201"
    case unknownLinkTarget = "HB0203"
    case unknownAnchor = "HB0204"
    case brokenRelativeLink = "HB0205"
    // Markdown (HB03xx)
    case malformedTable = "HB0301"
    case tableCellCount = "HB0302"
    case badHeadingID = "HB0303"
    case tooDeep = "HB0304"
    // Translations and reviews (HB04xx)
    case missingTranslation = "HB0401"
    case staleReview = "HB0402"
    case futureReview = "HB0403"
    case orphanPage = "HB0404"
    case confidenceAboveSources = "HB0405"
    // Templates (HB05xx)
    case templateSyntax = "HB0501"
    case missingTemplate = "HB0502"
    case i18n = "HB0503"

    case outputFailure = "HB0601"

    /// A short kebab-case name printed after the number.
    public var name: String {
        switch self {
        case .unreadableFile: "unreadable-file"
        case .invalidUTF8: "invalid-utf8"
        case .yamlSyntax: "yaml-syntax"
        case .csvSyntax: "csv-syntax"
        case .frontMatter: "front-matter"
        case .fileTooLarge: "file-too-large"
        case .unexpectedFile: "unexpected-file"
        case .missingField: "missing-field"
        case .invalidValue: "invalid-value"
        case .invalidDate: "invalid-date"
        case .unknownField: "unknown-field"
        case .duplicateID: "duplicate-id"
        case .reservedID: "reserved-id"
        case .wrongType: "wrong-type"
        case .unbalancedBrackets: "unbalanced-brackets"
        case .unknownReference: "unknown-reference"
        case .unknownLinkTarget: "unknown-link-target"
        case .unknownAnchor: "unknown-anchor"
        case .brokenRelativeLink: "broken-relative-link"
        case .malformedTable: "malformed-table"
        case .tableCellCount: "table-cell-count"
        case .badHeadingID: "bad-heading-id"
        case .tooDeep: "too-deep"
        case .missingTranslation: "missing-translation"
        case .staleReview: "stale-review"
        case .futureReview: "future-review"
        case .orphanPage: "orphan-page"
        case .confidenceAboveSources: "confidence-above-sources"
        case .templateSyntax: "template-syntax"
        case .missingTemplate: "missing-template"
        case .i18n: "i18n"
        case .outputFailure: "output-failure"
        }
    }
}
