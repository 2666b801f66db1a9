import Foundation
import HandbookMarkdown

/// `handbook check --report`: what needs work, for the editor-in-chief — translation coverage,
/// the oldest reviews, the product × market coverage, and requirements no guide mentions.
struct EditorialReport {
    let handbook: Handbook
    let today: Day

    var text: String {
        let h = handbook
        var out = "Handbook report, \(today)\n"

        out += "\nTranslation coverage (guides with a body written in the language)\n"
        let guides: [(String, Guide)] = h.markets.map { ("markets/\($0.id)", $0.guide) }
            + h.products.map { ("products/\($0.id)", $0.guide) }
            + h.pages.map { ("pages/\($0.path.isEmpty ? "index" : $0.path)", $0.guide) }
        for l in h.config.languages {
            let written = guides.filter { $0.1.bodies[l] != nil }.count
            let percent = guides.isEmpty ? 100 : written * 100 / guides.count
            let missing = guides.filter { $0.1.bodies[l] == nil }.map(\.0)
            out += "  \(l)  \(written)/\(guides.count) (\(percent) %)"
                + (missing.isEmpty ? "" : "; missing: " + missing.prefix(10).joined(separator: ", ")
                    + (missing.count > 10 ? ", … (\(missing.count) in all)" : "")) + "\n"
        }

        out += "\nOldest reviews (review_max_age_days: \(h.config.reviewMaxAgeDays))\n"
        var reviews: [(Day?, String)] = h.markets.map { ($0.reviewed, "markets/\($0.id)") }
            + h.products.map { ($0.reviewed, "products/\($0.id)") }
            + h.pages.map { ($0.reviewed, "pages/\($0.path.isEmpty ? "index" : $0.path)") }
            + h.requirements.map { ($0.reviewed, "requirement \($0.id)") }
            + h.schemes.map { ($0.reviewed, "scheme \($0.id)") }
        reviews.sort { ($0.0?.daysSinceEpoch ?? Int.min, $0.1) < ($1.0?.daysSinceEpoch ?? Int.min, $1.1) }
        let stale = reviews.filter { $0.0 == nil || today.daysSinceEpoch - $0.0!.daysSinceEpoch > h.config.reviewMaxAgeDays }
        out += "  \(stale.count) of \(reviews.count) need review\n"
        for (day, what) in reviews.prefix(15) {
            let age = day.map { "\(today.daysSinceEpoch - $0.daysSinceEpoch) days" } ?? "never reviewed"
            out += "  \(day?.description ?? "----------")  \(what) (\(age))\n"
        }

        out += "\nProduct × market coverage (F CB report accepted, P partly, L local testing, ? unknown, · no requirement)\n"
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
        out += "  \(rows) of \(cells) pairs have a requirement row\n"

        out += "\nRequirements their market and product guides do not link to (req:<product>/<market>)\n"
        var mentioned = Set<String>()
        for guide in h.markets.map(\.guide) + h.products.map(\.guide) {
            for body in guide.bodies.values {
                for link in body.links {
                    if let ref = CrossReference(link.destination), ref.kind == .req { mentioned.insert(ref.id) }
                }
            }
        }
        let unmentioned = h.requirements.map(\.id).filter { !mentioned.contains($0) }
        out += unmentioned.isEmpty ? "  none\n" : unmentioned.map { "  \($0)\n" }.joined()
        return out
    }
}
