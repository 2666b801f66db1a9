import Foundation
import HandbookMarkdown

/// `handbook check --report`: what needs work, for the editor-in-chief — translation coverage,
/// the oldest reviews, the product × market coverage, and requirements no guide mentions.
struct EditorialReport {
    let handbook: Handbook
    let today: Day
    /// The language of the report's words (paths, ids and dates stay as they are).
    var language: MessageLanguage = .en

    /// `en` or `zh`, whichever the report is in.
    private func say(_ en: String, _ zh: String) -> String { Phrase(en: en, zh: zh)[language] }

    var text: String {
        let h = handbook
        var out = say("Handbook report, \(today)\n", "手册编辑报告，\(today)\n")

        out += say("\nTranslation coverage (guides with a body written in the language)\n", "\n译文覆盖（已有该语言正文的指南）\n")
        let guides: [(String, Guide)] = h.markets.map { ("markets/\($0.id)", $0.guide) }
            + h.products.map { ("products/\($0.id)", $0.guide) }
            + h.pages.map { ("pages/\($0.path.isEmpty ? "index" : $0.path)", $0.guide) }
        for l in h.config.languages {
            let written = guides.filter { $0.1.bodies[l] != nil }.count
            let percent = guides.isEmpty ? 100 : written * 100 / guides.count
            let missing = guides.filter { $0.1.bodies[l] == nil }.map(\.0)
            out += "  \(l)  \(written)/\(guides.count) (\(percent) %)"
                + (missing.isEmpty ? "" : say("; missing: ", "；缺少：") + missing.prefix(10).joined(separator: ", ")
                    + (missing.count > 10 ? say(", … (\(missing.count) in all)", "……（共 \(missing.count) 个）") : "")) + "\n"
        }

        let stale = TranslationWarnings.stale(in: h)
        out += say("\nStale translations (the original changed since; `handbook translated <file>` once updated)\n",
                   "\n过时的译文（原文在翻译后有改动；更新后运行 `handbook translated <文件>`）\n")
        out += stale.isEmpty ? say("  none\n", "  无\n")
            : stale.map { say("  \($0.translation) (original: \($0.original))\n", "  \($0.translation)（原文：\($0.original)）\n") }.joined()

        out += say("\nOldest reviews (review_max_age_days: \(h.config.reviewMaxAgeDays))\n",
                   "\n最久未核对的内容（review_max_age_days: \(h.config.reviewMaxAgeDays)）\n")
        var reviews: [(Day?, String)] = h.markets.map { ($0.reviewed, "markets/\($0.id)") }
            + h.products.map { ($0.reviewed, "products/\($0.id)") }
            + h.pages.map { ($0.reviewed, "pages/\($0.path.isEmpty ? "index" : $0.path)") }
            + h.requirements.map { ($0.reviewed, say("requirement ", "准入要求 ") + $0.id) }
            + h.schemes.map { ($0.reviewed, say("scheme ", "认证制度 ") + $0.id) }
        reviews.sort { ($0.0?.daysSinceEpoch ?? Int.min, $0.1) < ($1.0?.daysSinceEpoch ?? Int.min, $1.1) }
        let due = reviews.filter { $0.0 == nil || today.daysSinceEpoch - $0.0!.daysSinceEpoch > h.config.reviewMaxAgeDays }
        out += say("  \(due.count) of \(reviews.count) need review\n", "  \(reviews.count) 项中有 \(due.count) 项需要重新核对\n")
        for (day, what) in reviews.prefix(15) {
            let age = day.map { say("\(today.daysSinceEpoch - $0.daysSinceEpoch) days", "\(today.daysSinceEpoch - $0.daysSinceEpoch) 天") }
                ?? say("never reviewed", "从未核对")
            out += "  \(day?.description ?? "----------")  \(what)" + say(" (\(age))", "（\(age)）") + "\n"
        }

        out += say("\nProduct × market coverage (F CB report accepted, P partly, L local testing, ? unknown, · no requirement)\n",
                   "\n产品 × 市场覆盖（F 接受 CB 报告，P 部分接受，L 需本地检测，? 未知，· 无准入要求记录）\n")
        let width = max(8, h.products.map(\.id.count).max() ?? 8)
        out += "  " + "".padding(toLength: width, withPad: " ", startingAt: 0) + " "
            + h.markets.map { $0.id.padding(toLength: 3, withPad: " ", startingAt: 0) }.joined() + "\n"
        for p in h.products {
            var row = "  " + p.id.padding(toLength: width, withPad: " ", startingAt: 0) + " "
            for m in h.markets {
                let mark = switch h.requirement("\(p.id)/\(m.id)")?.cbReuse {
                case .full?: "F"
                case .partial?: "P"
                case .none?: "L"
                case .unknown?: "?"
                case nil: "·"
                }
                row += mark + "  "
            }
            out += row + "\n"
        }
        let rows = h.requirements.count, cells = h.products.count * h.markets.count
        out += say("  \(rows) of \(cells) pairs have a requirement row\n", "  \(cells) 个组合中有 \(rows) 个有准入要求记录\n")

        out += say("\nRequirements their market and product guides do not link to (req:<product>/<market>)\n",
                   "\n市场和产品指南都没有链接到的准入要求（req:<产品>/<市场>）\n")
        var mentioned = Set<String>()
        for guide in h.markets.map(\.guide) + h.products.map(\.guide) {
            for body in guide.bodies.values {
                for link in body.links {
                    if let ref = CrossReference(link.destination), ref.kind == .req { mentioned.insert(ref.id) }
                }
            }
        }
        let unmentioned = h.requirements.map(\.id).filter { !mentioned.contains($0) }
        out += unmentioned.isEmpty ? say("  none\n", "  无\n") : unmentioned.map { "  \($0)\n" }.joined()
        return out
    }
}
