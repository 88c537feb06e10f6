/// Filing the daily forms on time (`compliance:`, seed 004): the visit plan by a set time,
/// the daily report by the end of the day, the supervisor's approval of the plan within a
/// number of working hours. Late forms climb a ladder like the follow-up's.
package struct ComplianceRule: Sendable {
    /// One step of the ladder: from `after` past the deadline, tell `notify`.
    package struct Step: Sendable {
        package var after: RuleDuration
        package var notify: [Recipient]
        package var penalty: Penalty?

        package init(after: RuleDuration, notify: [Recipient], penalty: Penalty? = nil) {
            self.after = after
            self.notify = notify
            self.penalty = penalty
        }
    }

    /// The visit plan of a workday must be filed by this time (`nil`: plans are not required).
    package var planBy: TimeOfDay?
    /// The daily report must be filed by this time of its day (`nil`: reports are not required).
    package var reportBy: TimeOfDay?
    /// A filed plan must be approved within this many working hours (office hours of
    /// workdays; all hours of workdays when the calendar has none). `nil`: not checked.
    package var approveWithin: RuleDuration?
    /// Steps in increasing `after`; the deepest step reached applies.
    package var ladder: [Step]
    package var location: SourceLocation

    package init(
        planBy: TimeOfDay?, reportBy: TimeOfDay?, approveWithin: RuleDuration?, ladder: [Step],
        location: SourceLocation
    ) {
        self.planBy = planBy
        self.reportBy = reportBy
        self.approveWithin = approveWithin
        self.ladder = ladder
        self.location = location
    }
}
