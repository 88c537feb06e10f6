/// The shared customer pool (`pool:`): a customer not followed up within its class's
/// reclaim period goes back to the pool for another rep. Tickler only warns and lists;
/// the CRM does the move (`tickler pool` prints the list it imports).
package struct PoolRule: Sendable {
    /// Reclaim period per class; classes not listed are never reclaimed.
    package var reclaim: [String: RuleDuration]
    /// The rep is warned this long before the reclaim date.
    package var warnBefore: RuleDuration
    /// Who gets the reclaim itself (the rep is always warned).
    package var notify: [Recipient]
    package var location: SourceLocation

    package init(reclaim: [String: RuleDuration], warnBefore: RuleDuration, notify: [Recipient], location: SourceLocation) {
        self.reclaim = reclaim
        self.warnBefore = warnBefore
        self.notify = notify
        self.location = location
    }
}
