package import Foundation

/// Tiered lateness and absence fines (seed 003: 迟到10分钟以内罚款10元扣5分 ...).
///
/// Charged on working days of the calendar only (`workdays` and `extra_workdays`, not
/// `holidays`): a check-in or an absence recorded on a day off is nobody's fault and gets
/// no notice (`explain --rep` lists it as not charged).
package struct AttendanceEvaluator: Sendable {
    package var rule: AttendanceRule
    package var calendar: BusinessCalendar
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rule: AttendanceRule, calendar: BusinessCalendar, zone: Zone, locale: NoticeLocale) {
        self.rule = rule
        self.calendar = calendar
        self.zone = zone
        self.locale = locale
    }

    /// Whether a record's day is charged at all: a working day of the calendar.
    package func isCharged(_ record: AttendanceRecord) -> Bool { calendar.isWorkday(record.date) }

    /// The moment a record happened: its check-in, or the start of the day for an absence.
    package func instant(of record: AttendanceRecord) -> Date {
        zone.instant(record.date, record.checkIn ?? rule.start)
    }

    /// The notice for one attendance record, or `nil` when the rep was on time or excused, or
    /// the day is not a working day.
    package func notice(for record: AttendanceRecord, resolver: RecipientResolver) -> Notice? {
        if record.excused || !isCharged(record) { return nil }
        let kind: NoticeKind
        var penalty: Penalty?
        var minutes: Int?
        if record.absent {
            kind = .absent
            penalty = rule.absent
        } else if let checkIn = record.checkIn, checkIn > rule.start {
            let late = checkIn.minutes - rule.start.minutes
            minutes = late
            let tier = rule.tier(minutesLate: late)
            kind = tier?.countsAsAbsent == true ? .absent : .late
            penalty = tier?.penalty
        } else {
            return nil
        }
        let facts = NoticeFacts.attendance(
            .init(
                repName: resolver.snapshot.rep(record.rep)?.name ?? record.rep, date: record.date, minutesLate: minutes,
                penalty: penalty))
        let key = "\(kind.rawValue)/\(record.rep)/\(record.date)"
        return Notice(
            key: key, kind: kind, rule: "attendance", rep: record.rep,
            to: resolver.resolve(rule.notify, rep: record.rep),
            fine: penalty.map(\.fine), points: penalty.map(\.points),
            message: NoticeText.render(kind, facts, locale: locale),
            source: record.origin.description, date: record.date, facts: facts)
    }
}
