package import Foundation

/// `tickler ledger`: the fines and points of a period, per rep, each with the rule and the
/// store record that caused it, and the resulting score where the rules keep one.
package struct LedgerReport: Sendable {
    package struct RepTotal: Sendable, Hashable {
        package var rep: String
        package var entries: [LedgerEntry]
        package var fines: Decimal
        package var points: Int
        /// `scoring.start - points` when the rules keep a score for this kind of period.
        package var score: Int?
    }

    package var period: CalendarPeriod
    package var reps: [RepTotal]

    /// Groups `entries` of `period` by rep (optionally one rep), each key once.
    package init(entries: [LedgerEntry], period: CalendarPeriod, rep: String? = nil, scoring: ScoringRule? = nil) {
        self.period = period
        var seen = Set<String>()
        var byRep: [String: [LedgerEntry]] = [:]
        for entry in entries where period.contains(entry.date) && (rep == nil || entry.rep == rep) {
            if seen.insert(entry.key).inserted { byRep[entry.rep, default: []].append(entry) }
        }
        reps = byRep.keys.sorted().map { id in
            let list = byRep[id]!.sorted { ($0.date, $0.key) < ($1.date, $1.key) }
            let points = list.reduce(0) { $0 + $1.points }
            let score = scoring.flatMap { $0.period == period.kind ? $0.start - points : nil }
            return RepTotal(rep: id, entries: list, fines: list.reduce(Decimal(0)) { $0 + $1.fine }, points: points, score: score)
        }
    }

    /// Parses a period as written on the command line: `2026-11-24`, `2026-W48`, `2026-11`,
    /// `2026-Q4` or `2026`.
    package static func period(_ text: String) -> CalendarPeriod? {
        if let date = LocalDate(parsing: text) { return CalendarPeriod(.day, containing: date) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        if parts.count == 1 { return CalendarPeriod(.year, containing: LocalDate(year: year, month: 1, day: 1)!) }
        guard parts.count == 2 else { return nil }
        let second = parts[1]
        if second.hasPrefix("W"), let week = Int(second.dropFirst()), (1...53).contains(week) {
            // ISO week 1 holds 4 January.
            let jan4 = LocalDate(year: year, month: 1, day: 4)!
            let monday = CalendarPeriod(.week, containing: jan4).start.adding(days: (week - 1) * 7)
            let period = CalendarPeriod(.week, containing: monday)
            return period.description == text ? period : nil
        }
        if second.hasPrefix("Q"), let quarter = Int(second.dropFirst()), (1...4).contains(quarter) {
            return CalendarPeriod(.quarter, containing: LocalDate(year: year, month: quarter * 3 - 2, day: 1)!)
        }
        if second.count == 2, let month = Int(second), let first = LocalDate(year: year, month: month, day: 1) {
            return CalendarPeriod(.month, containing: first)
        }
        return nil
    }

    /// The report as text for people.
    package var text: String {
        var out = "Ledger \(period) (\(period.start) to \(period.lastDay))\n"
        if reps.isEmpty { return out + "  no fines or points\n" }
        for total in reps {
            out += "\n\(total.rep): fines \(total.fines), points \(Self.signed(-total.points))"
            out += total.score.map { ", score \($0)" } ?? ""
            out += "\n"
            for entry in total.entries {
                out += "  \(entry.date)  \(entry.rule)  fine \(entry.fine)  \(Self.signed(-entry.points)) pts"
                    + (entry.bonus.map { "  bonus \($0)" } ?? "") + "  \(entry.source ?? "-")  \(entry.key)\n"
            }
        }
        return out
    }

    /// The report as CSV (RFC 4180), one row per entry.
    package var csv: String {
        var out = "date,rep,rule,fine,points,source,key\r\n"
        for total in reps {
            for e in total.entries {
                out += [e.date.description, e.rep, e.rule, "\(e.fine)", "\(e.points)", e.source ?? "", e.key]
                    .map(Self.csvField).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    package static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Points as a change of the score: `-20` for a charge, `+10` for a reward.
    static func signed(_ points: Int) -> String { points > 0 ? "+\(points)" : "\(points)" }
}
