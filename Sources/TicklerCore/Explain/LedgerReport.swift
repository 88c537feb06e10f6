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
    /// `2026-Q4` or `2026` (see ``CalendarPeriod/init(parsing:)``).
    package static func period(_ text: String) -> CalendarPeriod? {
        CalendarPeriod(parsing: text)
    }

    /// The report as text for people, in English (for logs).
    package var text: String { text(in: .en) }

    /// The report as text for people in `locale`; dates, rule names, sources and keys stay
    /// as they are written (ISO dates, ids), for auditing.
    package func text(in locale: NoticeLocale) -> String {
        func t(_ key: CommandText.Key, _ values: String...) -> String { CommandText.text(key, locale, values) }
        // Points are charged (deducted, positive) or rewarded (negative): "-5" or "+5", "扣 5 分" or "加 5 分".
        func points(_ charged: Int) -> String {
            if charged < 0 { return t(.ledgerPlus, "\(-charged)") }
            if charged == 0, locale != .zhHans, locale != .zhHant { return "0" }
            return t(.ledgerMinus, "\(charged)")
        }
        var out = t(.ledgerHeader, "\(period)", "\(period.start)", "\(period.lastDay)") + "\n"
        if reps.isEmpty { return out + t(.ledgerEmpty) + "\n" }
        for total in reps {
            out += "\n" + t(.ledgerRep, total.rep, "\(total.fines)", points(total.points))
            out += total.score.map { t(.ledgerScore, "\($0)") } ?? ""
            out += "\n"
            for e in total.entries {
                let bonus = e.bonus.map { t(.ledgerBonus, "\($0)") } ?? ""
                out += t(.ledgerEntry, "\(e.date)", e.rule, "\(e.fine)", points(e.points), e.source ?? "-", e.key, bonus)
                    + "\n"
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
}
