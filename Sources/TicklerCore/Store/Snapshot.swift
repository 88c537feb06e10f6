/// The data store read into typed, indexed values: the evaluator's only view of the world.
///
/// Built by the store loader (or directly by tests); immutable once built.
package struct Snapshot: Sendable {
    package private(set) var reps: [Rep]
    package private(set) var customers: [Customer]
    package private(set) var contacts: [Contact]
    package private(set) var attendance: [AttendanceRecord]
    package private(set) var events: [EventRecord]
    /// Daily visit plans and daily reports filed by reps (`reports` collection, seed 004).
    package private(set) var reports: [ReportFiling]

    package private(set) var repsByID: [String: Int]
    package private(set) var customersByID: [String: Int]
    /// Index into `contacts` of each customer's latest contact.
    package private(set) var lastContactByCustomer: [String: Int]
    /// Indices into `contacts` of each customer's contacts, in store order.
    package private(set) var contactsByCustomer: [String: [Int]]
    /// The latest date of the records, for ``asOf(_:zone:)``.
    package private(set) var horizon: RecordHorizon
    /// The cuts ``asOf(_:zone:)`` made of this snapshot, shared by its copies.
    let memo = AsOfMemo()

    package init(
        reps: [Rep] = [], customers: [Customer] = [], contacts: [Contact] = [],
        attendance: [AttendanceRecord] = [], events: [EventRecord] = [], reports: [ReportFiling] = []
    ) {
        self.reports = reports
        self.reps = reps
        self.customers = customers
        self.contacts = contacts
        self.attendance = attendance
        self.events = events
        // Later records win for duplicate ids, as a CRM re-export would mean.
        var repsByID = [String: Int](minimumCapacity: reps.count)
        for (i, rep) in reps.enumerated() { repsByID[rep.id] = i }
        var customersByID = [String: Int](minimumCapacity: customers.count)
        for (i, customer) in customers.enumerated() { customersByID[customer.id] = i }
        var last = [String: Int](minimumCapacity: customers.count)
        var byCustomer = [String: [Int]](minimumCapacity: customers.count)
        for (i, contact) in contacts.enumerated() {
            byCustomer[contact.customer, default: []].append(i)
            if let j = last[contact.customer], contacts[j].at > contact.at { continue }
            last[contact.customer] = i
        }
        self.contactsByCustomer = byCustomer
        self.repsByID = repsByID
        self.customersByID = customersByID
        self.lastContactByCustomer = last
        self.horizon = RecordHorizon(
            customers: customers, contacts: contacts, attendance: attendance, events: events, reports: reports)
    }

    package func rep(_ id: String) -> Rep? { repsByID[id].map { reps[$0] } }
    package func customer(_ id: String) -> Customer? { customersByID[id].map { customers[$0] } }
    /// Every contact with the customer `customerID`, in store order.
    package func contacts(of customerID: String) -> [Contact] {
        (contactsByCustomer[customerID] ?? []).map { contacts[$0] }
    }
    package func lastContact(of customerID: String) -> Contact? {
        lastContactByCustomer[customerID].map { contacts[$0] }
    }
}
