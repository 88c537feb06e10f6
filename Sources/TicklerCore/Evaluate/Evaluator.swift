package import Foundation

/// The pure evaluation core: `(rules, snapshot, now) -> notices + ledger entries`.
///
/// No I/O and no clock: the time is an argument. The same inputs give the same notices
/// with the same keys, which is what lets `eval`, `test`, replays and the daemon share it.
package struct Evaluator: Sendable {
    package var rules: Rules

    package init(rules: Rules) {
        self.rules = rules
    }

    /// What is due at `now`, as of `now` (``Snapshot/asOf(_:zone:)``). Follow-up notices describe the state at `now`; event notices
    /// (late, absent, penalty) are those whose record falls in `[since, now]`, and `since`
    /// defaults to the start of the local day of `now`. `ledger` holds charges recorded
    /// earlier (the daemon's state); scores count them with what the store shows.
    package func evaluate(
        _ store: Snapshot, at now: Date, since: Date? = nil, ledger prior: [LedgerEntry] = []
    ) -> Evaluation {
        evaluate(store, at: now, since: since, ledger: prior) { rule, snapshot, resolver in
            followupNotices(rule, snapshot, now: now, resolver: resolver)
        }
    }

    /// ``evaluate(_:at:since:ledger:)`` with the follow-up notices made by `followup` (given
    /// the rule, the snapshot as of `now` and its resolver): the seam where
    /// ``IncrementalEvaluator`` reuses the customers that did not change. `followup` must
    /// return what ``followupNotices(_:_:now:resolver:)`` would, in any order.
    /// `reports`, when given, makes the report notices and their reports from the snapshot as
    /// of `now`, as ``ReportEvaluator/evaluate(_:at:)`` would.
    package func evaluate(
        _ store: Snapshot, at now: Date, since: Date?, ledger prior: [LedgerEntry],
        followup: (FollowupRule, Snapshot, RecipientResolver) -> [Notice],
        reports makeReports: ((Snapshot) -> [(Notice, Report)])? = nil
    ) -> Evaluation {
        // As of `now`: records dated later do not exist yet, for every rule below.
        let snapshot = store.asOf(now, zone: rules.zone)
        let since = since ?? rules.zone.startOfDay(now)
        let today = rules.zone.localDate(now)
        let resolver = RecipientResolver(snapshot: snapshot)
        var notices: [Notice] = []
        if let rule = rules.followup {
            notices += followup(rule, snapshot, resolver)
        }
        notices += eventNotices(snapshot, since: since, now: now, resolver: resolver)
        for quota in rules.quotas {
            let evaluator = QuotaEvaluator(rule: quota, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
            notices += evaluator.notices(snapshot, at: now, resolver: resolver)
        }
        if !rules.compiledAlerts.isEmpty {
            let needs = AlertEvaluator.environmentNeeds(of: rules.compiledAlerts)
            let environment = ExpressionEnvironment(snapshot: snapshot, now: now, zone: rules.zone, needs: needs)
            for alert in rules.compiledAlerts {
                notices += AlertEvaluator.evaluate(alert, in: environment, locale: rules.locale)
            }
        }
        if let conflicts = rules.conflicts {
            notices += ConflictEvaluator(rule: conflicts, locale: rules.locale, zone: rules.zone)
                .notices(snapshot, resolver: resolver)
        }
        notices += processNotices(snapshot, now: now, resolver: resolver)
        var reports: [String: Report] = [:]
        let made = makeReports?(snapshot) ?? ReportEvaluator(rules: rules).evaluate(snapshot, at: now)
        for (notice, report) in made {
            notices.append(notice)
            reports[notice.key] = report
        }
        let rewards = RewardEvaluator(rules: rules)
        notices += rewards.quotaNotices(snapshot, today: today, resolver: resolver)
        notices += rewards.alertNotices(notices, snapshot: snapshot, resolver: resolver)
        notices += rewards.salesNotices(snapshot, today: today, resolver: resolver)
        let ledger = notices.compactMap(Self.ledgerEntry)
        if let scoring = rules.scoring {
            let evaluator = ScoreEvaluator(rule: scoring, locale: rules.locale)
            let scores = evaluator.scores(
                ledger: periodCharges(scoring, snapshot, since: since, now: now, resolver: resolver, fresh: ledger)
                    + prior,
                reps: QuotaEvaluator.reps(in: snapshot), today: today)
            notices += evaluator.notices(scores, resolver: resolver)
        }
        // The texts above leave the year out; the few that name a date in another year
        // than today's are written again with it.
        for i in notices.indices {
            notices[i].evaluatedOn = today
            if let facts = notices[i].facts, facts.textYears.contains(where: { $0 != today.year }) {
                notices[i].message = NoticeText.render(notices[i].kind, facts, locale: rules.locale, today: today)
            }
        }
        // Sorting indices, not the notices: a Notice is large, and moving it is what the
        // sort spent its time on (perf, 10k customers: 9% of a cold eval).
        let order = notices.withUnsafeBufferPointer { all in
            all.indices.sorted { Self.noticeOrder(all[$0], all[$1]) }
        }
        notices = order.map { notices[$0] }
        return Evaluation(notices: notices, ledger: ledger, reports: reports)
    }

    /// Compliance, forecast, pool and care notices (issue 9's sections) at `now`.
    package func processNotices(_ snapshot: Snapshot, now: Date, resolver: RecipientResolver) -> [Notice] {
        let today = rules.zone.localDate(now)
        var notices: [Notice] = []
        if let rule = rules.compliance {
            notices += ComplianceEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
                .notices(snapshot, now: now, resolver: resolver)
        }
        if let rule = rules.forecast {
            notices += ForecastEvaluator(rule: rule, zone: rules.zone, locale: rules.locale)
                .notices(snapshot, today: today, resolver: resolver)
        }
        if let rule = rules.pool {
            notices += PoolEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
                .notices(snapshot, at: now, resolver: resolver)
        }
        if let rule = rules.care {
            notices += CareEvaluator(rule: rule, zone: rules.zone, locale: rules.locale)
                .notices(snapshot, today: today, resolver: resolver)
        }
        return notices
    }

    /// Lateness, absences and penalties recorded in `[since, now]`.
    package func eventNotices(
        _ snapshot: Snapshot, since: Date, now: Date, resolver: RecipientResolver
    ) -> [Notice] {
        var notices: [Notice] = []
        if let attendance = rules.attendance {
            let evaluator = AttendanceEvaluator(
                rule: attendance, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
            for record in snapshot.attendance {
                let at = evaluator.instant(of: record)
                guard at >= since, at <= now, let notice = evaluator.notice(for: record, resolver: resolver) else {
                    continue
                }
                notices.append(notice)
            }
        }
        if !rules.penalties.isEmpty {
            let evaluator = PenaltyEvaluator(rules: rules.penalties, zone: rules.zone, locale: rules.locale)
            notices += evaluator.notices(events: snapshot.events, since: since, now: now, resolver: resolver)
        }
        return notices
    }

    /// Every charge of the scoring period up to `now` that the store shows: today's charges,
    /// those of the period's earlier days, and every reward given in the period
    /// (``RewardEvaluator/notices(datedIn:_:at:resolver:)``), so that a score without the
    /// daemon's ledger counts what the daemon's does.
    package func periodCharges(
        _ scoring: ScoringRule, _ snapshot: Snapshot, since: Date, now: Date, resolver: RecipientResolver,
        fresh: [LedgerEntry]
    ) -> [LedgerEntry] {
        let period = CalendarPeriod(scoring.period, containing: rules.zone.localDate(now))
        let periodStart = rules.zone.instant(period.start)
        let rewards = RewardEvaluator(rules: rules).notices(datedIn: period, snapshot, at: now, resolver: resolver)
        guard periodStart < since else { return fresh + rewards.compactMap(Self.ledgerEntry) }
        let earlier = eventNotices(snapshot, since: periodStart, now: now, resolver: resolver)
        return fresh + (earlier + rewards).compactMap(Self.ledgerEntry)
    }

    /// Follow-up status of every customer at `now` (for `explain` and the notices).
    package func followupNotices(
        _ rule: FollowupRule, _ snapshot: Snapshot, now: Date, resolver: RecipientResolver
    ) -> [Notice] {
        let evaluator = FollowupEvaluator(rule: rule, calendar: rules.calendar, zone: rules.zone)
        let today = rules.zone.localDate(now)
        var notices: [Notice] = []
        for customer in snapshot.customers {
            let last = snapshot.lastContact(of: customer.id)?.at
            guard case .success(let status) = evaluator.status(of: customer, lastContact: last, today: today),
                let notice = notice(for: status, customer, evaluator, resolver)
            else { continue }
            notices.append(notice)
        }
        return notices
    }

    /// The follow-up notice of one customer in `status`, if the status calls for one.
    package func notice(
        for status: FollowupStatus, _ customer: Customer, _ evaluator: FollowupEvaluator,
        _ resolver: RecipientResolver
    ) -> Notice? {
        var followup = NoticeFacts.Followup(customerName: customer.name, customerClass: customer.class, due: status.due)
        switch status.state {
        case .notDue, .overdue(_, nil):
            return nil
        case .dueSoon:
            let kind: NoticeKind = status.isScheduled ? .scheduled : .dueSoon
            let facts = NoticeFacts.followup(followup)
            return Notice(
                key: "\(kind.rawValue)/\(customer.id)/\(status.due)", kind: kind, rule: "followup",
                rep: customer.rep, customer: customer.id, to: resolver.resolve([.rep], rep: customer.rep),
                message: NoticeText.render(kind, facts, locale: rules.locale),
                source: customer.origin.description, facts: facts)
        case .overdue(let days, let level?):
            let step = evaluator.ladder[level]
            followup.daysOverdue = days
            followup.penalty = step.penalty
            let facts = NoticeFacts.followup(followup)
            return Notice(
                key: "overdue/\(customer.id)/\(status.due)/\(level)", kind: .overdue, rule: "followup",
                rep: customer.rep, customer: customer.id, to: resolver.resolve(step.notify, rep: customer.rep),
                level: level, fine: step.penalty?.fine, points: step.penalty?.points,
                message: NoticeText.render(.overdue, facts, locale: rules.locale),
                source: customer.origin.description, date: evaluator.stepStart(step, due: status.due), facts: facts)
        }
    }

    /// The charge a notice carries, keyed like the notice so it is written once.
    package static func ledgerEntry(_ notice: Notice) -> LedgerEntry? {
        if notice.kind == .reward {
            // Points are what a score loses; a reward's points raise it.
            return LedgerEntry(
                key: notice.key, rep: notice.rep, rule: notice.rule, fine: 0, points: -(notice.points ?? 0),
                date: notice.date ?? LocalDate(dayNumber: 0), source: notice.source, bonus: notice.bonus)
        }
        guard (notice.fine ?? 0) != 0 || (notice.points ?? 0) != 0 else { return nil }
        return LedgerEntry(
            key: notice.key, rep: notice.rep, rule: notice.rule, fine: notice.fine ?? 0, points: notice.points ?? 0,
            date: notice.date ?? notice.due ?? LocalDate(dayNumber: 0), source: notice.source)
    }

    /// Most urgent first, then deterministic by rep, customer and key.
    package static func noticeOrder(_ a: Notice, _ b: Notice) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if (a.level ?? 0) != (b.level ?? 0) { return (a.level ?? 0) > (b.level ?? 0) }
        if a.rep != b.rep { return a.rep < b.rep }
        if (a.customer ?? "") != (b.customer ?? "") { return (a.customer ?? "") < (b.customer ?? "") }
        return a.key < b.key
    }
}
