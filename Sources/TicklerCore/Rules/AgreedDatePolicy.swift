/// `followup: next_contact:` — what a call date agreed with the customer may do to the
/// follow-up (seed 000's calendar of future contact dates, seed 003's appointments).
///
/// A `next_contact` earlier than the cadence's due date always brings the follow-up
/// forward. A later one postpones it only when the office says so, and never by more than
/// `atMost` past the cadence's due date, so that "we agreed to talk in spring" cannot hide
/// a key customer for months.
package struct AgreedDatePolicy: Sendable, Hashable {
    /// A later agreed date postpones the follow-up (default: no, as before).
    package var postpone: Bool
    /// The longest postponement past the cadence's due date; `nil`: no limit.
    package var atMost: RuleDuration?

    package init(postpone: Bool = false, atMost: RuleDuration? = nil) {
        self.postpone = postpone
        self.atMost = atMost
    }
}
