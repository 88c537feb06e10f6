package import Foundation

/// Seed 004's process management: each workday a field rep files a visit plan (approved by
/// the supervisor) and a daily report. A form missing at its deadline, or a plan waiting for
/// approval longer than the working hours allowed, climbs the ladder: the deepest step
/// reached applies, and its key names the step, so each step is delivered once.
///
/// Whoever is late is the one charged: a missing plan or report is the rep's, a plan filed
/// in time but approved late is the approver's (the plan's `approved_by`, else the rep's
/// manager), and nobody's when no approver is known (none given, or an `approved_by` that
/// is not a rep of the store: `tickler check --store` reports it). The approval notice goes to the
/// approver and says that the approver must act.
package struct ComplianceEvaluator: Sendable {
    package var rule: ComplianceRule
    package var calendar: BusinessCalendar
    package var zone: Zone
    package var locale: NoticeLocale

    package init(rule: ComplianceRule, calendar: BusinessCalendar, zone: Zone, locale: NoticeLocale) {
        self.rule = rule
        self.calendar = calendar
        self.zone = zone
        self.locale = locale
    }

    /// Notices for today and the previous workday (a report missed last night still shows
    /// the next morning). Reps absent or excused that day are not asked for forms.
    package func notices(_ snapshot: Snapshot, now: Date, resolver: RecipientResolver) -> [Notice] {
        let today = zone.localDate(now)
        var days = [today]
        var previous = today.adding(days: -1)
        for _ in 0..<14 where !calendar.isWorkday(previous) { previous = previous.adding(days: -1) }
        days.insert(previous, at: 0)
        var filings: [String: ReportFiling] = [:]
        for f in snapshot.reports { filings["\(f.rep)/\(f.date)/\(f.kind.rawValue)"] = f }
        var away: Set<String> = []
        for a in snapshot.attendance where a.absent || a.excused { away.insert("\(a.rep)/\(a.date)") }
        var notices: [Notice] = []
        for day in days where calendar.isWorkday(day) {
            for rep in ReportBuilder.fieldReps(snapshot) where !away.contains("\(rep.id)/\(day)") {
                let plan = filings["\(rep.id)/\(day)/plan"]
                if let by = rule.planBy, plan?.filedAt.map({ $0 <= now }) != true {
                    let deadline = zone.instant(day, by)
                    add(&notices, rep, day, .plan, late: now.timeIntervalSince(deadline), resolver)
                }
                if let by = rule.reportBy, filings["\(rep.id)/\(day)/daily"]?.filedAt.map({ $0 <= now }) != true {
                    let deadline = zone.instant(day, by)
                    add(&notices, rep, day, .daily, late: now.timeIntervalSince(deadline), resolver)
                }
                if let within = rule.approveWithin, let plan, let filed = plan.filedAt, filed <= now,
                    plan.approvedAt.map({ $0 <= now }) != true
                {
                    let waited = workingSeconds(from: filed, to: now)
                    let approver = (plan.approvedBy ?? rep.manager).flatMap { snapshot.rep($0)?.id }
                    add(
                        &notices, rep, day, .approval, late: waited - Double(within.approximateSeconds), resolver,
                        approver: approver)
                }
            }
        }
        return notices
    }

    /// The notice of the ladder step reached `late` seconds past the deadline. For an
    /// approval, `approver` is the one charged and told (nobody is charged without one).
    private func add(
        _ notices: inout [Notice], _ rep: Rep, _ day: LocalDate, _ form: NoticeFacts.Compliance.Form,
        late: TimeInterval, _ resolver: RecipientResolver, approver: String? = nil
    ) {
        guard late > 0, let level = rule.ladder.lastIndex(where: { Double($0.after.approximateSeconds) <= late }) else {
            return
        }
        let step = rule.ladder[level]
        let charged: String
        let to: [String]
        let penalty: Penalty?
        if form != .approval {
            (charged, penalty, to) = (rep.id, step.penalty, resolver.resolve(step.notify, rep: rep.id))
        } else if let approver {
            // The step's recipients counted from the approver: `rep` is the approver, `manager` theirs.
            let chain = resolver.resolve(step.notify, rep: approver)
            (charged, penalty, to) = (approver, step.penalty, [approver] + chain.filter { $0 != approver })
        } else {
            (charged, penalty, to) = (rep.id, nil, resolver.resolve(step.notify, rep: rep.id))
        }
        let approverName = form == .approval ? approver.map { resolver.snapshot.rep($0)?.name ?? $0 } : nil
        let facts = NoticeFacts.compliance(
            .init(
                form: form, repName: rep.name, approverName: approverName, date: day, minutesLate: Int(late / 60),
                penalty: penalty))
        notices.append(
            Notice(
                key: "compliance/\(rep.id)/\(day)/\(form.rawValue)/\(level)", kind: .compliance,
                rule: "compliance.\(form.rawValue)", rep: charged, to: to, level: level, fine: penalty?.fine,
                points: penalty?.points, message: NoticeText.render(.compliance, facts, locale: locale), date: day,
                facts: facts))
    }

    /// Seconds between two instants that fall in office hours of workdays (all hours of
    /// workdays when the calendar sets no office hours).
    package func workingSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var day = zone.localDate(start)
        let last = zone.localDate(end)
        while day <= last {
            if calendar.isWorkday(day) {
                let open = calendar.officeHours.map { zone.instant(day, $0.start) } ?? zone.instant(day)
                let close = calendar.officeHours.map { zone.instant(day, $0.end) } ?? zone.instant(day.adding(days: 1))
                let from = max(open, start)
                let to = min(close, end)
                if to > from { total += to.timeIntervalSince(from) }
            }
            day = day.adding(days: 1)
        }
        return total
    }
}
