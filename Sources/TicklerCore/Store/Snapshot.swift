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
    /// The contacts grouped by customer: the indices into `contacts` of the customer at index
    /// `c` of `customers` are `contactOrder[contactStart[c] ..< contactStart[c + 1]]`, in store
    /// order. One hash of each contact's customer id while building, none when reading, and
    /// two flat arrays instead of an array (and a hashed `String` key) per customer.
    private var contactStart: [Int32]
    private var contactOrder: [Int32]
    /// Index into `contacts` of each customer's latest contact, by customer index; -1: none.
    private var lastContactIndex: [Int32]
    /// Contacts naming a customer id that is not in `customers` (only in snapshots built
    /// directly, e.g. by tests: the loader's integrity checks skip such contacts).
    private var strayContacts: [String: [Int]]
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
        // Counting sort of the contacts by customer index: stable, so store order is kept.
        var customerOfContact = [Int32](repeating: -1, count: contacts.count)
        var start = [Int32](repeating: 0, count: customers.count + 1)
        var last = [Int32](repeating: -1, count: customers.count)
        var stray: [String: [Int]] = [:]
        for (i, contact) in contacts.enumerated() {
            guard let c = customersByID[contact.customer] else {
                stray[contact.customer, default: []].append(i)
                continue
            }
            customerOfContact[i] = Int32(c)
            start[c + 1] += 1
            let j = Int(last[c])
            if j >= 0, contacts[j].at > contact.at { continue }
            last[c] = Int32(i)
        }
        for c in customers.indices { start[c + 1] += start[c] }
        var next = start
        var order = [Int32](repeating: 0, count: Int(start[customers.count]))
        for (i, c) in customerOfContact.enumerated() where c >= 0 {
            order[Int(next[Int(c)])] = Int32(i)
            next[Int(c)] += 1
        }
        self.contactStart = start
        self.contactOrder = order
        self.lastContactIndex = last
        self.strayContacts = stray
        self.repsByID = repsByID
        self.customersByID = customersByID
        self.horizon = RecordHorizon(
            customers: customers, contacts: contacts, attendance: attendance, events: events, reports: reports)
    }

    package func rep(_ id: String) -> Rep? { repsByID[id].map { reps[$0] } }
    package func customer(_ id: String) -> Customer? { customersByID[id].map { customers[$0] } }
    /// Every contact with the customer `customerID`, in store order.
    package func contacts(of customerID: String) -> [Contact] {
        contactIndices(of: customerID).map { contacts[$0] }
    }
    /// The indices into `contacts` of the customer `customerID`'s contacts, in store order.
    package func contactIndices(of customerID: String) -> [Int] {
        guard let c = customersByID[customerID] else { return strayContacts[customerID] ?? [] }
        return contactOrder[Int(contactStart[c])..<Int(contactStart[c + 1])].map { Int($0) }
    }
    /// The customer's latest contact; of equal times, the later in the store.
    package func lastContact(of customerID: String) -> Contact? {
        guard let c = customersByID[customerID] else {
            var latest: Int?
            for i in strayContacts[customerID] ?? [] {
                if let j = latest, contacts[j].at > contacts[i].at { continue }
                latest = i
            }
            return latest.map { contacts[$0] }
        }
        let i = Int(lastContactIndex[c])
        return i >= 0 ? contacts[i] : nil
    }
}
