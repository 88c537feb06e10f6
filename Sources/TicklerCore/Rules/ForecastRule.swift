package import Foundation

/// The pipeline forecast (`forecast:`, seed 000's master ledger of prospects): expected
/// amounts weighted by probability, by month of close, against each rep's monthly goal.
package struct ForecastRule: Sendable {
    /// Monthly sales goal per rep id (reps without one show no goal).
    package var goals: [String: Decimal]
    /// How many months, from the current one, the forecast table shows.
    package var months: Int
    /// A prospect whose close date passed this long ago with no contact since is flagged.
    package var closeGrace: RuleDuration
    /// A prospect whose probability (tracked by contacts' `progress`) has not changed in this
    /// long is flagged (`nil`: not checked).
    package var staleAfter: RuleDuration?
    package var notify: [Recipient]
    /// Leads count in the forecast too (default: only prospects, seed 000's "perspectivas").
    package var includeLeads = false
    package var location: SourceLocation

    package init(
        goals: [String: Decimal], months: Int = 3, closeGrace: RuleDuration = RuleDuration(0, .days),
        staleAfter: RuleDuration?, notify: [Recipient], location: SourceLocation
    ) {
        self.goals = goals
        self.months = months
        self.closeGrace = closeGrace
        self.staleAfter = staleAfter
        self.notify = notify
        self.location = location
    }
}
