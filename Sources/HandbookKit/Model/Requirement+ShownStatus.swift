extension Requirement {
    /// The status a reader is shown: a requirement without any known scheme cannot be "in force"
    /// (there is nothing known to be in force), so it shows as unknown.
    var shownStatus: RequirementStatus { schemes.isEmpty ? .unknown : status }
}
