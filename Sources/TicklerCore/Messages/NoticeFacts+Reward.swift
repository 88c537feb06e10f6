package import Foundation

extension NoticeFacts {
    /// `reward`: points and a bonus a rep earned in a period (issue 17 item 3).
    package struct Reward: Sendable, Hashable {
        /// What was reached.
        package enum Reason: Sendable, Hashable {
            /// A quota met in a period that closed: contacts made and required.
            case quota(name: String, made: Int, required: Int)
            /// A per-period rep alert with a `reward`.
            case alert(name: String)
            /// A sales goal reached: the amount sold and the goal, as written.
            case goal(name: String, actual: String, goal: String)
        }

        package var repName: String
        package var reason: Reason
        /// The period it was earned in (`2026-W47`, `2026-11`, `2026-Q4`).
        package var period: String
        package var points: Int
        package var bonus: Decimal

        package init(repName: String, reason: Reason, period: String, points: Int, bonus: Decimal) {
            self.repName = repName
            self.reason = reason
            self.period = period
            self.points = points
            self.bonus = bonus
        }
    }
}
