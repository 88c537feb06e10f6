/// How one customer's follow-up stands on a given day, and why: the dates and the step
/// used. `tickler explain` prints it; the evaluator turns it into a notice.
package struct FollowupStatus: Sendable, Hashable {
    /// Where the due date came from.
    package enum Basis: Sendable, Hashable {
        /// Last contact + cadence.
        case lastContact(LocalDate)
        /// No contact yet: registration + cadence.
        case registered(LocalDate)
        /// The rep's explicit `next_contact`, earlier than the cadence date.
        case nextContact(LocalDate)
        /// A `next_contact` later than the cadence date, agreed with the customer, that
        /// postpones the follow-up (`followup: next_contact: postpone`); `limit` is the
        /// latest day `at_most` allows, when one is set.
        case agreed(LocalDate, limit: LocalDate?)
    }

    /// Where the customer stands today.
    package enum State: Sendable, Hashable {
        /// Not due yet; reminders start on `remindFrom`.
        case notDue(remindFrom: LocalDate)
        /// Within `remind_before` of the due date, or on it.
        case dueSoon
        /// Past due by `days` (calendar days), at ladder step `level`; `nil` when no step
        /// has been reached yet.
        case overdue(days: Int, level: Int?)
    }

    package var customer: String
    package var cadence: RuleDuration
    /// `class A` or `status dead`: which cadence entry applied.
    package var cadenceSource: String
    package var basis: Basis
    /// The cadence date before any `next_contact` or working-day adjustment.
    package var cadenceDue: LocalDate
    /// Set when `cadenceDue` fell on a non-working day and was moved.
    package var movedFrom: LocalDate?
    package var due: LocalDate
    package var state: State

    /// True when the due date is the rep's agreed `next_contact` (a `scheduled` notice).
    package var isScheduled: Bool {
        switch basis {
        case .nextContact: return true
        case .agreed(let date, _): return due == date
        case .lastContact, .registered: return false
        }
    }

    /// True when a later agreed `next_contact` postponed the due date (capped or not).
    package var isAgreed: Bool {
        if case .agreed = basis { return true }
        return false
    }
}
