internal import Foundation

extension Explainer {
    /// Lines explaining one rep's attendance, penalties, score and quotas, or `nil` when the
    /// id is not in the store.
    package func rep(_ id: String) -> [String]? {
        guard snapshot.rep(id) != nil else { return nil }
        let mine = notices { $0.rep == id }
        var lines = [t(.repHeader, repLabel(id)), t(.eventWindow, time(since), time(now), rules.zone.identifier)]
        if let attendance = rules.attendance {
            lines += attendanceLines(id, attendance)
        }
        if !rules.penalties.isEmpty {
            lines.append(t(.penaltiesHeader, rules.penalties.map(\.event).joined(separator: ", ")))
            let events = snapshot.events.filter { $0.rep == id && $0.at <= now && rules.penalties.map(\.event).contains($0.event) }
            let recent = events.filter { $0.at >= since }
            lines.append(t(.matchingEvents, "\(events.count)", "\(recent.count)"))
            for event in recent { lines.append("  - \(time(event.at)) \(event.event) (\(event.origin))") }
            lines += noticeLines(mine.filter { $0.kind == .penalty }, none: .noPenalty)
        }
        if let scoring = rules.scoring {
            lines += scoreLines(id, scoring, mine)
        }
        for quota in rules.quotas {
            lines += quotaLines(id, quota, mine)
        }
        let followups = mine.filter { [.overdue, .dueSoon, .scheduled].contains($0.kind) }
        lines.append(t(.followupsOfRep, "\(followups.count)"))
        for notice in followups { lines.append("  - \(notice.key)") }
        return lines
    }

    private func attendanceLines(_ id: String, _ rule: AttendanceRule) -> [String] {
        var lines = [t(.attendanceHeader, "\(rule.start)", "\(rule.location)")]
        let evaluator = AttendanceEvaluator(
            rule: rule, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
        let records = snapshot.attendance.filter {
            $0.rep == id && evaluator.instant(of: $0) >= since && evaluator.instant(of: $0) <= now
        }
        if records.isEmpty { lines.append(t(.noAttendance)) }
        for record in records {
            var line = "  - \(record.date) (\(record.origin)): "
            if !evaluator.isCharged(record) {
                line += t(.notWorkingDay, dayOff(record.date))
            } else if record.excused {
                line += t(.excused)
            } else if record.absent {
                line += t(.absent) + penalty(rule.absent)
            } else if let checkIn = record.checkIn {
                let late = checkIn.minutes - rule.start.minutes
                if late <= 0 {
                    line += t(.onTime, "\(checkIn)")
                } else if let tier = rule.tier(minutesLate: late) {
                    let bound: String
                    switch tier.bound {
                    case .upTo(let limit): bound = t(.upTo, "\(limit)")
                    case .over(let limit): bound = t(.over, "\(limit)")
                    }
                    line += t(.lateTier, "\(checkIn)", "\(late)", bound, "\(tier.location)")
                        + (tier.countsAsAbsent ? t(.countsAsAbsent) : "") + penalty(tier.penalty)
                } else {
                    line += t(.noTier, "\(checkIn)", "\(late)")
                }
            } else {
                line += t(.nothingToJudge)
            }
            lines.append(line)
        }
        return lines
    }

    /// Why a date is not a working day of the calendar.
    private func dayOff(_ date: LocalDate) -> String {
        rules.calendar.holidays.contains(date) ? t(.holiday) : t(.notWorkday, date.weekday.rawValue)
    }

    private func scoreLines(_ id: String, _ rule: ScoringRule, _ mine: [Notice]) -> [String] {
        let evaluator = ScoreEvaluator(rule: rule, locale: rules.locale)
        let start = rules.zone.instant(CalendarPeriod(rule.period, containing: today).start)
        // The charges the evaluation's score counts: the period's own, and every reward given in it.
        let full = Evaluator(rules: rules)
        let charges = full.periodCharges(
            rule, snapshot, since: min(start, since), now: now, resolver: RecipientResolver(snapshot: snapshot),
            fresh: full.evaluate(snapshot, at: now, since: min(start, since)).ledger)
        guard let score = evaluator.scores(ledger: charges, reps: [], today: today).first(where: { $0.rep == id })
        else {
            return [t(.scoreNoCharge, "\(CalendarPeriod(rule.period, containing: today))", "\(rule.start)", "\(rule.warnBelow)")]
        }
        // "100 - 15 = 85", or "100 + 15 = 115" when the period's rewards outweigh its charges.
        let change = rule.start - score.points
        var lines = [
            t(
                .scoreLine, "\(score.period)", "\(rule.start)", change < 0 ? "+ \(-change)" : "- \(change)", "\(score.points)",
                "\(rule.warnBelow)", "\(score.fines)")
        ]
        for charge in score.charges {
            var cost: [String] = []
            // A reward's points are negative in the ledger: they are added to the score.
            if charge.points > 0 { cost.append(t(.minusPoints, "\(charge.points)")) }
            if charge.points < 0 { cost.append(t(.ledgerPlus, "\(-charge.points)")) }
            if let bonus = charge.bonus, bonus != 0 {
                cost.append(t(.ledgerBonus, "\(bonus)").trimmingCharacters(in: .whitespaces))
            }
            if charge.fine != 0 { cost.append(t(.fine, "\(charge.fine)")) }
            lines.append("  - \(charge.date) \(charge.rule): \(cost.joined(separator: ", ")) (\(charge.source ?? charge.key))")
        }
        lines += noticeLines(mine.filter { $0.kind == .scoreLow }, none: .noScoreNotice)
        return lines
    }

    private func quotaLines(_ id: String, _ rule: QuotaRule, _ mine: [Notice]) -> [String] {
        let evaluator = QuotaEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
        let current = CalendarPeriod(rule.per, containing: today)
        let methods = rule.methods.isEmpty ? t(.anyMethod) : rule.methods.map(\.rawValue).joined(separator: "/")
        let before = evaluator.counts(snapshot, in: current.previous)[id, default: 0]
        let now = evaluator.counts(snapshot, in: current)[id, default: 0]
        var lines = [
            t(
                .quotaLine, rule.name, "\(rule.atLeast)", methods, CommandText.periodNoun(rule.per, locale),
                "\(rule.location)"),
            t(.quotaCounts, "\(current.previous)", "\(before)", "\(current)", "\(now)"),
        ]
        if !QuotaEvaluator.reps(in: snapshot).contains(where: { $0.id == id }) {
            lines.append(t(.managesOthers, id))
        }
        lines += noticeLines(mine.filter { $0.rule == "quotas.\(rule.name)" }, none: .noQuotaNotice)
        return lines
    }
}
