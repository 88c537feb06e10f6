internal import Foundation

/// Rewards as well as fines (seeds 001, 003; issue 17 item 3): points and a bonus for a rep
/// who met a quota in a period that closed, or for whom a per-period rep alert with a
/// `reward` fired.
///
/// A `reward` notice is keyed by what was reached, the rep and the period
/// (`reward/quota/NAME/REP/PERIOD`, `reward/alert/NAME/REP/PERIOD`), so it is given once;
/// its ledger entry raises the rep's score in the scoring period holding the reward's date
/// (the last day of a quota period, the first day of an alert's).
package struct RewardEvaluator: Sendable {
    package var rules: Rules

    package init(rules: Rules) {
        self.rules = rules
    }

    /// Quota rewards of the period of each rewarded quota that closed last before `today`.
    package func quotaNotices(_ snapshot: Snapshot, today: LocalDate, resolver: RecipientResolver) -> [Notice] {
        rules.quotas.flatMap { quota -> [Notice] in
            guard quota.reward != nil else { return [] }
            return quotaNotices(quota, snapshot, period: CalendarPeriod(quota.per, containing: today).previous, resolver)
        }
    }

    /// Quota rewards of every quota period that closed before `today` and whose last day
    /// falls in `scoring` (for the score of a period longer than the quota's).
    package func quotaNotices(
        _ snapshot: Snapshot, closedIn scoring: CalendarPeriod, before today: LocalDate, resolver: RecipientResolver
    ) -> [Notice] {
        var notices: [Notice] = []
        for quota in rules.quotas where quota.reward != nil {
            var period = CalendarPeriod(quota.per, containing: today).previous
            while scoring.contains(period.lastDay) {
                notices += quotaNotices(quota, snapshot, period: period, resolver)
                period = period.previous
            }
        }
        return notices
    }

    private func quotaNotices(
        _ quota: QuotaRule, _ snapshot: Snapshot, period: CalendarPeriod, _ resolver: RecipientResolver
    ) -> [Notice] {
        guard let reward = quota.reward else { return [] }
        let evaluator = QuotaEvaluator(rule: quota, calendar: rules.calendar, zone: rules.zone, locale: rules.locale)
        let counts = evaluator.counts(snapshot, in: period)
        return QuotaEvaluator.reps(in: snapshot).compactMap { rep in
            let made = counts[rep.id, default: 0]
            guard made >= quota.atLeast else { return nil }
            let facts = NoticeFacts.Reward(
                repName: rep.name, reason: .quota(name: quota.name, made: made, required: quota.atLeast),
                period: period.description, points: reward.points, bonus: reward.bonus)
            return notice(
                "reward/quota/\(quota.name)/\(rep.id)/\(period)", rule: "quotas.\(quota.name)", rep: rep.id,
                facts, date: period.lastDay, notify: [.rep, .manager], resolver)
        }
    }

    /// A reward for each notice of a rep alert that carries one (`every:` is required, so
    /// the alert's key already names the period).
    package func alertNotices(_ alertNotices: [Notice], snapshot: Snapshot, resolver: RecipientResolver) -> [Notice] {
        var notices: [Notice] = []
        for alert in rules.alerts {
            guard let reward = alert.reward, let every = alert.every else { continue }
            for fired in alertNotices where fired.kind == .alert && fired.rule == alert.name {
                let period = fired.date.map { CalendarPeriod(every, containing: $0) }
                let facts = NoticeFacts.Reward(
                    repName: snapshot.rep(fired.rep)?.name ?? fired.rep, reason: .alert(name: alert.name),
                    period: period?.description ?? "", points: reward.points, bonus: reward.bonus)
                notices.append(
                    notice(
                        "reward/alert/\(alert.name)/\(fired.rep)" + (period.map { "/\($0)" } ?? ""), rule: alert.name,
                        rep: fired.rep, facts, date: fired.date, notify: alert.notify, resolver))
            }
        }
        return notices
    }

    func notice(
        _ key: String, rule: String, rep: String, _ facts: NoticeFacts.Reward, date: LocalDate?, notify: [Recipient],
        _ resolver: RecipientResolver
    ) -> Notice {
        var notice = Notice(
            key: key, kind: .reward, rule: rule, rep: rep, to: resolver.resolve(notify, rep: rep),
            points: facts.points == 0 ? nil : facts.points,
            message: NoticeText.render(.reward, .reward(facts), locale: rules.locale), date: date, facts: .reward(facts))
        notice.bonus = facts.bonus == 0 ? nil : facts.bonus
        return notice
    }
}
