package import Foundation

/// Every reward a period's score counts, judged again from the store: the score of `eval`,
/// `explain --rep` and `ledger --rules --store` then equals the daemon's, which gave these
/// rewards tick after tick and keeps them in its ledger.
extension RewardEvaluator {
    /// The rewards dated in `period` (a scoring period, a ledger's period) up to `now`: those
    /// of quotas and sales goals for every period that closed by then, and those of
    /// per-period rep alerts judged as of each of their periods (a `closed: true` alert at the
    /// start of the next period, one that judges the period as it runs at the period's last
    /// moment, the current period at `now`). `snapshot` is the store as of `now`.
    ///
    /// An alert whose condition was true for a while in a period and false again at its end
    /// (not a count that only grows) is found here only if it holds at that moment; the
    /// daemon's ledger keeps what it gave.
    package func notices(
        datedIn period: CalendarPeriod, _ snapshot: Snapshot, at now: Date, resolver: RecipientResolver
    ) -> [Notice] {
        let today = rules.zone.localDate(now)
        var notices: [Notice] = []
        for quota in rules.quotas where quota.reward != nil {
            for closed in closedPeriods(quota.per, today: today, givenIn: period) {
                notices += quotaNotices(quota, snapshot, period: closed, resolver)
            }
        }
        if rules.sales?.reward != nil {
            for kind in Self.goalKinds {
                for closed in closedPeriods(kind, today: today, givenIn: period) {
                    notices += salesNotices(kind, snapshot, period: closed, resolver)
                }
            }
        }
        for alert in rules.compiledAlerts where alert.rule.reward != nil && alert.rule.subject == .reps {
            notices += alertNotices(alert, datedIn: period, snapshot, at: now, resolver: resolver)
        }
        return notices
    }

    /// The periods of `kind` that closed by `today` and whose reward, given on the first day
    /// after each, falls in `scoring`; latest first.
    private func closedPeriods(_ kind: Period, today: LocalDate, givenIn scoring: CalendarPeriod) -> [CalendarPeriod] {
        var periods: [CalendarPeriod] = []
        var closed = CalendarPeriod(kind, containing: today).previous
        while closed.end >= scoring.start {
            if scoring.contains(closed.end) { periods.append(closed) }
            closed = closed.previous
        }
        return periods
    }

    /// The rewards of one per-period rep alert dated in `scoring`, each period judged as the
    /// daemon judged it.
    private func alertNotices(
        _ alert: CompiledAlert, datedIn scoring: CalendarPeriod, _ snapshot: Snapshot, at now: Date,
        resolver: RecipientResolver
    ) -> [Notice] {
        guard let every = alert.rule.every else { return [] }
        let zone = rules.zone
        let current = CalendarPeriod(every, containing: zone.localDate(now))
        let judgedNow = alert.rule.closed ? current.previous : current
        var notices: [Notice] = []
        var judged = judgedNow
        while Self.alertRewardDate(alert.rule, judged) >= scoring.start {
            let given = Self.alertRewardDate(alert.rule, judged)
            if scoring.contains(given) {
                // When the daemon last judged that period: now for the current one; else the
                // start of the next period (closed) or the period's last second.
                let at =
                    judged == judgedNow
                    ? now : alert.rule.closed ? zone.instant(judged.end) : zone.instant(judged.end).addingTimeInterval(-1)
                let fired = AlertEvaluator.evaluate(
                    alert, snapshot: snapshot.asOf(at, zone: zone), at: at, zone: zone, locale: rules.locale)
                notices += alertNotices(fired, snapshot: snapshot, resolver: resolver)
            }
            judged = judged.previous
        }
        return notices
    }
}
