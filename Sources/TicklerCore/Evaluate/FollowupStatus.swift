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

    package var isScheduled: Bool {
        if case .nextContact = basis { return true }
        return false
    }
}
