package import Foundation

/// Tiered lateness and absence fines (seed 003: 迟到10分钟以内罚款10元扣5分 ...).
package struct AttendanceEvaluator: Sendable {
    package var rule: AttendanceRule
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rule: AttendanceRule, zone: Zone, locale: NoticeLocale) {
        self.rule = rule
        self.zone = zone
        self.locale = locale
    }

    /// The moment a record happened: its check-in, or the start of the day for an absence.
    package func instant(of record: AttendanceRecord) -> Date {
        zone.instant(record.date, record.checkIn ?? rule.start)
    }

    /// The notice for one attendance record, or `nil` when the rep was on time or excused.
    package func notice(for record: AttendanceRecord, resolver: RecipientResolver) -> Notice? {
        if record.excused { return nil }
        var facts = NoticeFacts()
        facts.repName = resolver.snapshot.rep(record.rep)?.name ?? record.rep
        facts.date = record.date
        let kind: NoticeKind
        var penalty: Penalty?
        var minutes: Int?
        if record.absent {
            kind = .absent
            penalty = rule.absent
        } else if let checkIn = record.checkIn, checkIn > rule.start {
            let late = checkIn.minutes - rule.start.minutes
            minutes = late
            facts.minutes = late
            let tier = rule.tier(minutesLate: late)
            kind = tier?.countsAsAbsent == true ? .absent : .late
            penalty = tier?.penalty
        } else {
            return nil
        }
        facts.penalty = penalty
        let key = "\(kind.rawValue)/\(record.rep)/\(record.date)"
        return Notice(
            key: key, kind: kind, rule: "attendance", rep: record.rep,
            to: resolver.resolve(rule.notify, rep: record.rep),
            fine: penalty.map(\.fine), points: penalty.map(\.points),
            message: NoticeText.render(kind, facts, locale: locale),
            minutes: minutes, source: record.origin.description, date: record.date, facts: facts)
    }
}
