import Foundation
import TicklerCore

/// `eval`'s text output: one block per notice, most urgent first, then a summary line.
struct NoticeTable {
    var notices: [Notice]
    var snapshot: Snapshot
    var rules: Rules
    var at: Date

    var text: String {
        var out = ""
        for notice in notices {
            var head = notice.kind.rawValue.uppercased()
            if let level = notice.level { head += " L\(level)" }
            var facts: [String] = ["rep \(notice.rep)"]
            if let customer = notice.customer { facts.append("customer \(customer)") }
            if let due = notice.due { facts.append("due \(due)") }
            if let timing = notice.facts?.timing { facts.append(timing) }
            var charge: [String] = []
            if let fine = notice.fine, fine != 0 { charge.append("fine \(fine)") }
            // A reward's points are given, a charge's deducted.
            if let points = notice.points, points != 0 { charge.append("\(notice.kind == .reward ? "+" : "-")\(points) pts") }
            if let bonus = notice.bonus, bonus != 0 { charge.append("bonus \(bonus)") }
            if !charge.isEmpty { facts.append(charge.joined(separator: ", ")) }
            out += "\(head)  \(facts.joined(separator: "  "))  -> \(notice.to.joined(separator: ", "))\n"
            out += "    \(notice.message)\n"
            out += "    key \(notice.key)\n"
        }
        let local = "\(rules.zone.localDate(at)) \(rules.zone.timeOfDay(at)) \(rules.zone.identifier)"
        var byKind: [NoticeKind: Int] = [:]
        for notice in notices { byKind[notice.kind, default: 0] += 1 }
        let counts = byKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
        out += "\(notices.count) notice\(notices.count == 1 ? "" : "s") at \(local)"
        out += counts.isEmpty ? "\n" : ": " + counts.joined(separator: ", ") + "\n"
        return out
    }
}
