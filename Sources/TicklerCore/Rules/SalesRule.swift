package import Foundation

/// `sales:` — what each rep sold against a goal per month and per quarter (seed 001's
/// quarterly and monthly goals, compared with the same period a year earlier), with an
/// optional reward for a goal reached (issue 17 items 2 and 3).
///
/// A sale is a contact with an `amount` (the amount won); seed 003's 业绩分半 credits a
/// contact with `shared_with` half to each rep (``SalesFigures``).
package struct SalesRule: Sendable {
    /// Goals per period kind (`month`, `quarter`) and rep id.
    package var goals: [Period: [String: Decimal]]
    /// Given to each rep who reached a goal, once per goal period that closed.
    package var reward: Reward?
    package var location: SourceLocation

    package init(goals: [Period: [String: Decimal]], reward: Reward? = nil, location: SourceLocation) {
        self.goals = goals
        self.reward = reward
        self.location = location
    }

    /// The goal of `rep` for a period of `kind`, if the rules set one.
    package func goal(_ rep: String, _ kind: Period) -> Decimal? { goals[kind]?[rep] }
}
