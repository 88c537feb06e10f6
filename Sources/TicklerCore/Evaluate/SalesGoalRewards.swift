internal import Foundation

/// Rewards for sales goals reached (`sales: reward`, issue 17 items 2 and 3): for each goal
/// period (month, quarter) that closed before `today`, each rep whose sales reached the goal
/// gets a `reward` notice `reward/sales/KIND/REP/PERIOD`, dated the period's last day.
extension RewardEvaluator {
    package func salesNotices(_ snapshot: Snapshot, today: LocalDate, resolver: RecipientResolver) -> [Notice] {
        guard let sales = rules.sales, let reward = sales.reward else { return [] }
        var notices: [Notice] = []
        for kind in [Period.month, .quarter] {
            guard let goals = sales.goals[kind], !goals.isEmpty else { continue }
            let period = CalendarPeriod(kind, containing: today).previous
            let sold = SalesFigures.sold(snapshot, in: period, zone: rules.zone)
            for (rep, goal) in goals.sorted(by: { $0.key < $1.key }) {
                let amount = sold[rep] ?? 0
                guard goal > 0, amount >= goal else { continue }
                let facts = NoticeFacts.Reward(
                    repName: snapshot.rep(rep)?.name ?? rep,
                    reason: .goal(name: kind.rawValue, actual: ReportFormat.money(amount), goal: ReportFormat.money(goal)),
                    period: period.description, points: reward.points, bonus: reward.bonus)
                notices.append(
                    notice(
                        "reward/sales/\(kind.rawValue)/\(rep)/\(period)", rule: "sales", rep: rep, facts,
                        date: period.lastDay, notify: [.rep, .manager], resolver))
            }
        }
        return notices
    }
}
