internal import Foundation

/// Rewards as well as fines (seeds 001, 003; issue 17 item 3): points and a bonus for a rep
/// who met a quota in a period that closed, reached a sales goal in one, or for whom a
/// per-period rep alert with a `reward` fired.
///
/// A `reward` notice is keyed by what was reached, the rep and the period
/// (`reward/quota/NAME/REP/PERIOD`, `reward/alert/NAME/REP/PERIOD`,
/// `reward/sales/KIND/REP/PERIOD`), so it is given once. It goes to the `notify` of the quota
/// or alert that earned it (a sales goal has none: the rep and the manager).
///
/// It is dated the day it is given, and its ledger entry raises the rep's score in the
/// scoring period holding that day: the first day after the period it rewards for a quota, a
/// sales goal and a `closed: true` alert (a reward for November, given on 1 December, counts
/// in December's score); the first day of the period for an alert that judges the period as
/// it runs (it is given while that period lasts).
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

    /// The rewards of `quota` for its closed `period`: one for each rep who met it.
    func quotaNotices(
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
                facts, date: period.end, notify: quota.notify, resolver)
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
                        rep: fired.rep, facts, date: period.map { Self.alertRewardDate(alert, $0) } ?? fired.date,
                        notify: alert.notify, resolver))
            }
        }
        return notices
    }

    /// The day an alert's reward for `period` is given: the first day after it when the alert
    /// judges closed periods, else the period's first day.
    static func alertRewardDate(_ alert: AlertRule, _ period: CalendarPeriod) -> LocalDate {
        alert.closed ? period.end : period.start
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
