/// One entry of `penalties:` — a recorded violation (an `events` record) and its price.
///
/// Seed 003: `late_greeting` 10 yuan / 5 points each time; `reception_no_show` three times
/// within a week: 20 yuan / 10 points and no reception duty for a week.
package struct PenaltyRule: Sendable {
    package struct Repeat: Sendable {
        package var count: Int
        package var within: RuleDuration
        package var penalty: Penalty
        package var note: String?

        package init(count: Int, within: RuleDuration, penalty: Penalty, note: String? = nil) {
            self.count = count
            self.within = within
            self.penalty = penalty
            self.note = note
        }
    }

    package var event: String
    /// Charged for every occurrence; `nil` when only the repeat rule charges.
    package var penalty: Penalty?
    package var `repeat`: Repeat?
    package var notify: [Recipient]
    package var note: String?
    package var location: SourceLocation

    package init(
        event: String, penalty: Penalty? = nil, repeat: Repeat? = nil, notify: [Recipient] = [.rep, .manager],
        note: String? = nil, location: SourceLocation
    ) {
        self.event = event
        self.penalty = penalty
        self.repeat = `repeat`
        self.notify = notify
        self.note = note
        self.location = location
    }
}
