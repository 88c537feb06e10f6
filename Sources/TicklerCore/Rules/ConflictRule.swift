/// `conflicts:` — registration conflicts between reps (seed 003: 客户登记发生冲突的，以先登记的为准;
/// relatives of one household count as one customer).
package struct ConflictRule: Sendable {
    /// What makes two registrations the same customer.
    package enum Match: String, Sendable, Hashable, CaseIterable {
        /// The same phone number, compared on its last nine digits.
        case phone
        /// The same full name, ignoring case and spacing.
        case name
        /// The same `household` value (spouses, parents, children).
        case household
    }

    package var match: [Match]
    package var notify: [Recipient]
    /// Complete registrations winning, and how long a returning customer stays the original rep's.
    package var registration = RegistrationPolicy()
    package var location: SourceLocation

    package init(match: [Match] = Match.allCases, notify: [Recipient] = [.manager], location: SourceLocation) {
        self.match = match
        self.notify = notify
        self.location = location
    }
}
