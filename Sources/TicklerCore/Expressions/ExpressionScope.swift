/// The record an alert is looking at, with the records linked from it.
///
/// For a customer the `customer` is the record itself; for a contact or an event it is the
/// customer it names (nil when that customer is not in the store). `rep` is the record's
/// rep and `manager` that rep's manager, each nil when unknown.
package struct ExpressionScope: Sendable {
    package var customer: Customer?
    package var rep: Rep?
    package var manager: Rep?
    package var contact: Contact?
    package var attendance: AttendanceRecord?
    package var event: EventRecord?
    /// The id of the customer concerned, even when that customer is not in the store.
    package var customerID: String?
    /// The id of the rep concerned, even when that rep is not in the store.
    package var repID: String
    /// The alert's period (`every:`), which `period_*()` count within.
    package var period: CalendarPeriod?

    package init(
        customer: Customer? = nil, rep: Rep? = nil, manager: Rep? = nil, contact: Contact? = nil,
        attendance: AttendanceRecord? = nil, event: EventRecord? = nil, customerID: String? = nil, repID: String
    ) {
        self.customer = customer
        self.rep = rep
        self.manager = manager
        self.contact = contact
        self.attendance = attendance
        self.event = event
        self.customerID = customerID
        self.repID = repID
    }
}

/// What an expression reads beyond the record itself, so an evaluation builds only the
/// indexes the alert uses.
package struct ExpressionNeeds: OptionSet, Sendable, Hashable {
    package var rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// The linked customer record of a contact or event.
    package static let customer = ExpressionNeeds(rawValue: 1 << 0)
    /// The manager's rep record.
    package static let manager = ExpressionNeeds(rawValue: 1 << 1)
    /// The latest contact of each customer.
    package static let lastContact = ExpressionNeeds(rawValue: 1 << 2)
    package static let contactsByCustomer = ExpressionNeeds(rawValue: 1 << 3)
    package static let contactsByRep = ExpressionNeeds(rawValue: 1 << 4)
    package static let eventsByCustomer = ExpressionNeeds(rawValue: 1 << 5)
    package static let eventsByRep = ExpressionNeeds(rawValue: 1 << 6)
    /// `days_until` of a birthday: the next anniversary becomes part of the notice key.
    package static let anniversary = ExpressionNeeds(rawValue: 1 << 7)
    /// The rep record of a customer, contact, event or attendance day.
    package static let rep = ExpressionNeeds(rawValue: 1 << 8)
    /// `period_*()`: each rep's contacts with their customer and outcome, by time.
    package static let periodActivity = ExpressionNeeds(rawValue: 1 << 9)
}

/// Whose activity `count_contacts` and `count_events` count.
package enum ActivityOwner: Sendable, Hashable {
    case customer, rep
}
