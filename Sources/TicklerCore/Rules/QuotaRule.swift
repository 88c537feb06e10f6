/// One entry of `quotas:` — a minimum number of contacts per rep per period (seed 001).
package struct QuotaRule: Sendable {
    package var name: String
    /// Contact methods that count; empty means every method.
    package var methods: [ContactMethod]
    package var atLeast: Int
    package var per: Period
    package var notify: [Recipient]
    package var location: SourceLocation

    package init(
        name: String, methods: [ContactMethod], atLeast: Int, per: Period, notify: [Recipient],
        location: SourceLocation
    ) {
        self.name = name
        self.methods = methods
        self.atLeast = atLeast
        self.per = per
        self.notify = notify
        self.location = location
    }
}
