internal import Foundation

/// Rewards for sales goals reached (`sales: reward`, issue 17 items 2 and 3): for each goal
/// period (month, quarter) that closed before `today`, each rep whose sales reached the goal
/// gets a `reward` notice `reward/sales/KIND/REP/PERIOD`, to the rep and the manager, dated
/// the day it is given: the first day after the goal period (so November's reward counts in
/// the score of the scoring period holding 1 December).
extension RewardEvaluator {
    /// The rewards of the month and the quarter that closed last before `today`.
    package func salesNotices(_ snapshot: Snapshot, today: LocalDate, resolver: RecipientResolver) -> [Notice] {
        Self.goalKinds.flatMap { kind in
            salesNotices(kind, snapshot, period: CalendarPeriod(kind, containing: today).previous, resolver)
        }
    }

    /// The period kinds a sales goal is set for.
    static let goalKinds: [Period] = [.month, .quarter]

    /// The rewards for the goals of `kind` in the closed `period`: one for each rep who reached
    /// the goal.
    func salesNotices(
        _ kind: Period, _ snapshot: Snapshot, period: CalendarPeriod, _ resolver: RecipientResolver
    ) -> [Notice] {
        guard let sales = rules.sales, let reward = sales.reward, let goals = sales.goals[kind], !goals.isEmpty else {
            return []
        }
        let sold = SalesFigures.sold(snapshot, in: period, zone: rules.zone)
        var notices: [Notice] = []
        for (rep, goal) in goals.sorted(by: { $0.key < $1.key }) {
            let amount = sold[rep] ?? 0
            guard goal > 0, amount >= goal else { continue }
            let facts = NoticeFacts.Reward(
                repName: snapshot.rep(rep)?.name ?? rep,
                reason: .goal(name: kind.rawValue, actual: ReportFormat.money(amount), goal: ReportFormat.money(goal)),
                period: period.description, points: reward.points, bonus: reward.bonus)
            notices.append(
                notice(
                    "reward/sales/\(kind.rawValue)/\(rep)/\(period)", rule: "sales", rep: rep, facts, date: period.end,
                    notify: [.rep, .manager], resolver))
        }
        return notices
    }
}
