extension LiveUpdate.Kind {
    /// What was edited, for summaries: "body" / "正文".
    public var words: Phrase {
        switch self {
        case .first: Phrase(en: "first", zh: "首次")
        case .body: Phrase(en: "body", zh: "正文")
        case .frontMatter: Phrase(en: "front matter", zh: "前置元数据")
        case .table: Phrase(en: "table", zh: "数据表")
        case .template: Phrase(en: "template", zh: "模板")
        case .whole: Phrase(en: "whole", zh: "全部")
        case .none: Phrase(en: "none", zh: "无")
        }
    }
}
