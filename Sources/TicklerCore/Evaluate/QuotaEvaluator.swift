package import Foundation

/// Activity quotas (seed 001: a minimum number of calls per rep per day or week).
///
/// When a period has closed short, `quota_short` goes to the rule's recipients (key
/// `quota_short/NAME/REP/PERIOD`). Only when the rule sets `remind_at`, on the last working
/// day of an open period from that time on, a rep still short is reported to the same
/// recipients (key `.../open`): a heads-up nobody asked for, or one at midnight when
/// nobody could have made a call yet, would only be noise. A daily quota does not hold a rep
/// recorded absent or excused that day (a rep on leave made no calls for a reason).
package struct QuotaEvaluator: Sendable {
    package var rule: QuotaRule
    package var calendar: BusinessCalendar
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rule: QuotaRule, calendar: BusinessCalendar, zone: Zone, locale: NoticeLocale) {
        self.rule = rule
        self.calendar = calendar
        self.zone = zone
        self.locale = locale
    }

    /// Contacts that count toward the quota, per rep, in `period`.
    package func counts(_ snapshot: Snapshot, in period: CalendarPeriod) -> [String: Int] {
        let methods = Set(rule.methods)
        var counts: [String: Int] = [:]
        for contact in snapshot.contacts {
            guard methods.isEmpty || contact.method.map(methods.contains) == true,
                period.contains(zone.localDate(contact.at))
            else { continue }
            counts[contact.rep, default: 0] += 1
        }
        return counts
    }

    /// Reps held to quotas: those who manage nobody.
    package static func reps(in snapshot: Snapshot) -> [Rep] {
        let managers = Set(snapshot.reps.compactMap(\.manager))
        return snapshot.reps.filter { !managers.contains($0.id) }
    }

    package func notices(_ snapshot: Snapshot, at now: Date, resolver: RecipientResolver) -> [Notice] {
        let today = zone.localDate(now)
        let current = CalendarPeriod(rule.per, containing: today)
        let closed = current.previous
        var notices: [Notice] = []
        let reps = Self.reps(in: snapshot)
        if hasWorkday(closed) {
            let counts = counts(snapshot, in: closed)
            let away = away(snapshot, in: closed)
            for rep in reps where counts[rep.id, default: 0] < rule.atLeast && !away.contains(rep.id) {
                notices.append(notice(rep, closed, counts[rep.id, default: 0], open: false, resolver))
            }
        }
        if let remindAt = rule.remindAt, today == lastWorkday(of: current), zone.timeOfDay(now) >= remindAt {
            let counts = counts(snapshot, in: current)
            let away = away(snapshot, in: current)
            for rep in reps where counts[rep.id, default: 0] < rule.atLeast && !away.contains(rep.id) {
                notices.append(notice(rep, current, counts[rep.id, default: 0], open: true, resolver))
            }
        }
        return notices
    }

    private func notice(
        _ rep: Rep, _ period: CalendarPeriod, _ count: Int, open: Bool, _ resolver: RecipientResolver
    ) -> Notice {
        let facts = NoticeFacts.quota(
            .init(repName: rep.name, period: period.description, made: count, required: rule.atLeast, open: open,
                methods: rule.methods))
        let text = NoticeText.render(.quotaShort, facts, locale: locale)
        return Notice(
            key: "quota_short/\(rule.name)/\(rep.id)/\(period)" + (open ? "/open" : ""), kind: .quotaShort,
            rule: "quotas.\(rule.name)", rep: rep.id,
            to: resolver.resolve(rule.notify, rep: rep.id), message: text, date: period.start, facts: facts)
    }

    /// For a daily quota, the reps recorded absent or excused on that day; for longer periods
    /// nobody (a day off in a week does not lift the week's quota).
    private func away(_ snapshot: Snapshot, in period: CalendarPeriod) -> Set<String> {
        guard rule.per == .day else { return [] }
        return Set(snapshot.attendance.filter { ($0.absent || $0.excused) && period.contains($0.date) }.map(\.rep))
    }

    private func hasWorkday(_ period: CalendarPeriod) -> Bool {
        var day = period.start
        while day < period.end {
            if calendar.isWorkday(day) { return true }
            day = day.adding(days: 1)
        }
        return false
    }

    private func lastWorkday(of period: CalendarPeriod) -> LocalDate? {
        var day = period.lastDay
        while day >= period.start {
            if calendar.isWorkday(day) { return day }
            day = day.adding(days: -1)
        }
        return nil
    }
}
