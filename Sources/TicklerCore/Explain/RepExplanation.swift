internal import Foundation

extension Explainer {
    /// Lines explaining one rep's attendance, penalties, score and quotas, or `nil` when the
    /// id is not in the store.
    package func rep(_ id: String) -> [String]? {
        guard snapshot.rep(id) != nil else { return nil }
        let mine = notices { $0.rep == id }
        var lines = ["Rep \(repLabel(id))", "Window for recorded events: \(time(since)) to \(time(now)) \(rules.zone.identifier)"]
        if let attendance = rules.attendance {
            lines += attendanceLines(id, attendance)
        }
        if !rules.penalties.isEmpty {
            lines.append("Penalties (\(rules.penalties.map(\.event).joined(separator: ", "))):")
            let events = snapshot.events.filter { $0.rep == id && $0.at <= now && rules.penalties.map(\.event).contains($0.event) }
            let recent = events.filter { $0.at >= since }
            lines.append("  \(events.count) matching event\(events.count == 1 ? "" : "s") up to now, \(recent.count) in the window")
            for event in recent { lines.append("  - \(time(event.at)) \(event.event) (\(event.origin))") }
            lines += Self.noticeLines(mine.filter { $0.kind == .penalty }, none: "no penalty in the window")
        }
        if let scoring = rules.scoring {
            lines += scoreLines(id, scoring, mine)
        }
        for quota in rules.quotas {
            lines += quotaLines(id, quota, mine)
        }
        let followups = mine.filter { [.overdue, .dueSoon, .scheduled].contains($0.kind) }
        lines.append("Follow-ups of this rep's customers: \(followups.count) notice\(followups.count == 1 ? "" : "s") (explain each with --customer)")
        for notice in followups { lines.append("  - \(notice.key)") }
        return lines
    }

    private func attendanceLines(_ id: String, _ rule: AttendanceRule) -> [String] {
        var lines = ["Attendance (start \(rule.start), \(rule.location)):"]
        let evaluator = AttendanceEvaluator(
            rule: rule, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
        let records = snapshot.attendance.filter {
            $0.rep == id && evaluator.instant(of: $0) >= since && evaluator.instant(of: $0) <= now
        }
        if records.isEmpty { lines.append("  no attendance record in the window") }
        for record in records {
            var line = "  - \(record.date) (\(record.origin)): "
            if !evaluator.isCharged(record) {
                line += "not a working day (\(dayOff(record.date))): not charged"
            } else if record.excused {
                line += "excused: no fine"
            } else if record.absent {
                line += "absent" + penalty(rule.absent)
            } else if let checkIn = record.checkIn {
                let late = checkIn.minutes - rule.start.minutes
                if late <= 0 {
                    line += "checked in \(checkIn), on time"
                } else if let tier = rule.tier(minutesLate: late) {
                    let bound: String
                    switch tier.bound {
                    case .upTo(let limit): bound = "up to \(limit)"
                    case .over(let limit): bound = "over \(limit)"
                    }
                    line += "checked in \(checkIn), \(late) min late: tier \(bound) (\(tier.location))"
                        + (tier.countsAsAbsent ? ", counts as absent" : "") + penalty(tier.penalty)
                } else {
                    line += "checked in \(checkIn), \(late) min late: no tier covers it"
                }
            } else {
                line += "no check-in time and not absent: nothing to judge"
            }
            lines.append(line)
        }
        return lines
    }

    /// Why a date is not a working day of the calendar.
    private func dayOff(_ date: LocalDate) -> String {
        rules.calendar.holidays.contains(date) ? "a holiday in calendar.holidays" : "\(date.weekday.rawValue) is not in calendar.workdays"
    }

    private func scoreLines(_ id: String, _ rule: ScoringRule, _ mine: [Notice]) -> [String] {
        let evaluator = ScoreEvaluator(rule: rule, locale: rules.locale)
        let start = rules.zone.instant(CalendarPeriod(rule.period, containing: today).start)
        let charges = Evaluator(rules: rules).evaluate(snapshot, at: now, since: min(start, since)).ledger
        guard let score = evaluator.scores(ledger: charges, reps: [], today: today).first(where: { $0.rep == id })
        else {
            return ["Score \(CalendarPeriod(rule.period, containing: today)): \(rule.start) (no charge), warn below \(rule.warnBelow)"]
        }
        var lines = ["Score \(score.period): \(rule.start) - \(rule.start - score.points) = \(score.points), warn below \(rule.warnBelow); fines \(score.fines)"]
        for charge in score.charges {
            var cost: [String] = []
            if charge.points != 0 { cost.append("-" + Plural.count(charge.points, "point", "points")) }
            if charge.fine != 0 { cost.append("fine \(charge.fine)") }
            lines.append("  - \(charge.date) \(charge.rule): \(cost.joined(separator: ", ")) (\(charge.source ?? charge.key))")
        }
        lines += Self.noticeLines(mine.filter { $0.kind == .scoreLow }, none: "no score_low notice")
        return lines
    }

    private func quotaLines(_ id: String, _ rule: QuotaRule, _ mine: [Notice]) -> [String] {
        let evaluator = QuotaEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
        let current = CalendarPeriod(rule.per, containing: today)
        let methods = rule.methods.isEmpty ? "any method" : rule.methods.map(\.rawValue).joined(separator: "/")
        var lines = [
            "Quota \(rule.name): at least \(rule.atLeast) contacts (\(methods)) per \(rule.per.rawValue) (\(rule.location))",
            "  \(current.previous): \(evaluator.counts(snapshot, in: current.previous)[id, default: 0]); \(current) so far: \(evaluator.counts(snapshot, in: current)[id, default: 0])",
        ]
        if !QuotaEvaluator.reps(in: snapshot).contains(where: { $0.id == id }) {
            lines.append("  \(id) manages other reps: quotas do not apply")
        }
        lines += Self.noticeLines(mine.filter { $0.rule == "quotas.\(rule.name)" }, none: "no quota notice")
        return lines
    }
}
