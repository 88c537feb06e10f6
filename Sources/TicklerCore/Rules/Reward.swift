package import Foundation

/// Points and a bonus given for reaching a target (seeds 001, 003: rewards as well as fines):
/// `reward: { points: 10, bonus: 200 }` on a quota, a per-period rep alert or a sales goal.
///
/// In the ledger a reward is an entry with negative `points` (points are what is deducted
/// from the score, so a reward raises it) and its `bonus`; the notice says it as given.
package struct Reward: Sendable, Hashable {
    /// Points added to the rep's score in the period.
    package var points: Int
    /// Money paid to the rep, in the office's currency.
    package var bonus: Decimal

    package init(points: Int = 0, bonus: Decimal = 0) {
        self.points = points
        self.bonus = bonus
    }
}
