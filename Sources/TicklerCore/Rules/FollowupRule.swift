/// `followup:` — how often each class of customer must be contacted, and what happens
/// when a rep falls behind (seed 003: A weekly, B every two weeks, C monthly).
package struct FollowupRule: Sendable {
    /// Cadence per customer class (`A: 7d`).
    package var cadence: [String: RuleDuration]
    /// Cadence per customer status; wins over the class cadence (`dead: 365d`, seed 000).
    package var statusCadence: [CustomerStatus: RuleDuration]
    /// A `due_soon` (or `scheduled`) notice starts this long before the due date.
    package var remindBefore: RuleDuration
    package var overdue: EscalationLadder
    /// Whether a later agreed `next_contact` postpones the follow-up, and how far.
    package var agreedDate: AgreedDatePolicy
    package var location: SourceLocation

    package init(
        cadence: [String: RuleDuration], statusCadence: [CustomerStatus: RuleDuration] = [:],
        remindBefore: RuleDuration = RuleDuration(1, .days), overdue: EscalationLadder = EscalationLadder(),
        agreedDate: AgreedDatePolicy = AgreedDatePolicy(), location: SourceLocation
    ) {
        self.cadence = cadence
        self.statusCadence = statusCadence
        self.remindBefore = remindBefore
        self.overdue = overdue
        self.agreedDate = agreedDate
        self.location = location
    }
}

/// The overdue escalation ladder: the deepest step reached applies.
package struct EscalationLadder: Sendable {
    package struct Step: Sendable {
        /// Whole days (or business days) past the due date from which the step applies.
        package var after: RuleDuration
        package var notify: [Recipient]
        package var penalty: Penalty?
        package var location: SourceLocation

        package init(after: RuleDuration, notify: [Recipient], penalty: Penalty? = nil, location: SourceLocation) {
            self.after = after
            self.notify = notify
            self.penalty = penalty
            self.location = location
        }
    }

    /// Steps with strictly increasing `after` (checked by the parser).
    package var steps: [Step]

    package init(steps: [Step] = []) {
        self.steps = steps
    }
}
