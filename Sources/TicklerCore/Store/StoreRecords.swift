package import Foundation

/// A customer's status (seed 000's card boxes: green leads, yellow prospects, red dead).
package enum CustomerStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case lead, prospect, customer, dead
}


/// A sales rep (`reps` collection).
package struct Rep: Sendable, Hashable {
    package var id: String
    package var name: String
    package var manager: String?
    /// Local user whose mbox receives mail (validated before it becomes a path).
    package var mailbox: String?
    package var email: String?
    package var webhook: String?
    package var locale: NoticeLocale?
    package var team: String?
    package var origin: RecordOrigin

    package init(
        id: String, name: String, manager: String? = nil, mailbox: String? = nil, email: String? = nil,
        webhook: String? = nil, locale: NoticeLocale? = nil, team: String? = nil,
        origin: RecordOrigin = RecordOrigin(file: "reps", line: 0)
    ) {
        self.id = id
        self.name = name
        self.manager = manager
        self.mailbox = mailbox
        self.email = email
        self.webhook = webhook
        self.locale = locale
        self.team = team
        self.origin = origin
    }
}

/// A customer (`customers` collection).
package struct Customer: Sendable, Hashable {
    package var id: String
    package var name: String
    package var rep: String
    package var `class`: String
    package var status: CustomerStatus?
    package var phone: String?
    package var registeredAt: Date?
    /// An explicit next-contact date the rep promised.
    package var nextContact: LocalDate?
    package var birthday: LocalDate?
    package var expectedAmount: Decimal?
    package var closeDate: LocalDate?
    package var probability: Double?
    /// Relatives registered separately (spouses, parents, children) share a household and
    /// count as one customer for registration conflicts (seed 003).
    package var household: String?
    /// The customer company's founding date (its anniversary is a care occasion, seed 004).
    package var founded: LocalDate?
    /// Where the customer came from (`trade_fair`, `internet`, `referral`; seeds 000, 002),
    /// for the numbers per source (``LeadSourceTable``).
    package var source: String?
    package var origin: RecordOrigin

    package init(
        id: String, name: String, rep: String, class: String, status: CustomerStatus? = nil, phone: String? = nil,
        registeredAt: Date? = nil, nextContact: LocalDate? = nil, birthday: LocalDate? = nil,
        expectedAmount: Decimal? = nil, closeDate: LocalDate? = nil, probability: Double? = nil,
        household: String? = nil, founded: LocalDate? = nil, source: String? = nil,
        origin: RecordOrigin = RecordOrigin(file: "customers", line: 0)
    ) {
        self.id = id
        self.name = name
        self.rep = rep
        self.class = `class`
        self.status = status
        self.phone = phone
        self.registeredAt = registeredAt
        self.nextContact = nextContact
        self.birthday = birthday
        self.expectedAmount = expectedAmount
        self.closeDate = closeDate
        self.probability = probability
        self.household = household
        self.founded = founded
        self.source = source
        self.origin = origin
    }
}

/// A contact a rep made with a customer (`contacts` collection).
package struct Contact: Sendable, Hashable {
    package var customer: String
    package var rep: String
    package var at: Date
    package var method: ContactMethod?
    package var progress: Int?
    package var outcome: String?
    package var note: String?
    /// The amount won with this contact (a sale; seeds 000, 001, 004).
    package var amount: Decimal?
    /// Another rep the sale is shared with: half the amount is credited to each (seed 003's 业绩分半).
    package var sharedWith: String?
    package var origin: RecordOrigin

    package init(
        customer: String, rep: String, at: Date, method: ContactMethod? = nil, progress: Int? = nil,
        outcome: String? = nil, note: String? = nil, amount: Decimal? = nil, sharedWith: String? = nil,
        origin: RecordOrigin = RecordOrigin(file: "contacts", line: 0)
    ) {
        self.customer = customer
        self.rep = rep
        self.at = at
        self.method = method
        self.progress = progress
        self.outcome = outcome
        self.note = note
        self.amount = amount
        self.sharedWith = sharedWith
        self.origin = origin
    }
}

/// A day of attendance (`attendance` collection).
package struct AttendanceRecord: Sendable, Hashable {
    package var rep: String
    package var date: LocalDate
    package var checkIn: TimeOfDay?
    package var absent: Bool
    package var excused: Bool
    package var origin: RecordOrigin

    package init(
        rep: String, date: LocalDate, checkIn: TimeOfDay? = nil, absent: Bool = false, excused: Bool = false,
        origin: RecordOrigin = RecordOrigin(file: "attendance", line: 0)
    ) {
        self.rep = rep
        self.date = date
        self.checkIn = checkIn
        self.absent = absent
        self.excused = excused
        self.origin = origin
    }
}

/// A recorded occurrence, usually a violation (`events` collection): `late_greeting`, ...
package struct EventRecord: Sendable, Hashable {
    package var rep: String
    package var at: Date
    package var event: String
    package var customer: String?
    package var note: String?
    package var origin: RecordOrigin

    package init(
        rep: String, at: Date, event: String, customer: String? = nil, note: String? = nil,
        origin: RecordOrigin = RecordOrigin(file: "events", line: 0)
    ) {
        self.rep = rep
        self.at = at
        self.event = event
        self.customer = customer
        self.note = note
        self.origin = origin
    }
}
