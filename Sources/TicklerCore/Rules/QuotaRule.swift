/// One entry of `quotas:` — a minimum number of contacts per rep per period (seed 001).
package struct QuotaRule: Sendable {
    package var name: String
    /// Contact methods that count; empty means every method.
    package var methods: [ContactMethod]
    package var atLeast: Int
    package var per: Period
    package var notify: [Recipient]
    /// `remind_at`: on the last working day of a period, from this time on, a rep still short
    /// is reported to `notify` before the period closes. `nil`: no such heads-up.
    package var remindAt: TimeOfDay?
    /// Points and a bonus for each rep who met the quota in a period that closed.
    package var reward: Reward?
    package var location: SourceLocation

    package init(
        name: String, methods: [ContactMethod], atLeast: Int, per: Period, notify: [Recipient],
        remindAt: TimeOfDay? = nil, location: SourceLocation
    ) {
        self.remindAt = remindAt
        self.name = name
        self.methods = methods
        self.atLeast = atLeast
        self.per = per
        self.notify = notify
        self.location = location
    }
}
