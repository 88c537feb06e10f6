/// The checks across records of a store: ids used twice and references to reps or customers
/// that do not exist. A record that fails one is reported and skipped, as a record that breaks
/// the schema is, so that nothing is charged or sent on a guess:
///
/// - a rep or customer whose `id` is already used: the later one is skipped (the first stays);
/// - a rep whose `manager` is not a rep, or is the rep itself: the rep is kept without its
///   manager (its customers are still followed up; what goes to `manager` goes to the rep
///   until it is fixed);
/// - a customer whose `rep` is not a rep; a contact, attendance record, event or filed
///   plan/report naming a rep or customer that is not in the store (or was skipped):
///   skipped;
/// - a contact whose `shared_with` (a sale split half and half) is not a rep, or is the
///   contact's own rep: skipped, so that no half of a sale is credited on a guess;
/// - a second attendance record of one rep on one day: skipped;
/// - a filed plan whose `approved_by` is not a rep: kept (so the rep is not charged for a
///   missing plan), but its late approval is charged to nobody until it is fixed.
///
/// References to a collection are checked only when it has records: a store (or a rule test's
/// inline store) without a `reps` collection has nothing to check rep ids against.
package enum StoreIntegrity {
    /// After this many problems in one file, the rest are counted in one closing line.
    package static let maxReportsPerFile = 100

    /// The snapshot of the records that pass, and a diagnostic for each that does not.
    /// `rejectedReps` and `rejectedCustomers` are the ids of records the loader skipped for
    /// breaking the schema, so that records naming them are told so rather than that the rep
    /// or customer does not exist.
    /// `location` gives the position of a record's origin as the user names the file.
    package static func snapshot(
        reps: [Rep], customers: [Customer], contacts: [Contact], attendance: [AttendanceRecord],
        events: [EventRecord], reports: [ReportFiling], rejectedReps: [RecordOrigin: String] = [:],
        rejectedCustomers: [RecordOrigin: String] = [:], location: (RecordOrigin) -> SourceLocation
    ) -> (Snapshot, [Diagnostic]) {
        var log = Log()
        var keptReps: [Rep] = []
        var repLines: [String: RecordOrigin] = [:]
        for rep in reps {
            if let first = repLines[rep.id] {
                log.skip(location(rep.origin), "rep", "id '\(rep.id)' is already used \(place(first, rep.origin)); give each rep its own id, or remove one of them")
                continue
            }
            repLines[rep.id] = rep.origin
            keptReps.append(rep)
        }
        let repIDs = Set(repLines.keys)
        func repProblem(_ id: String) -> String? {
            guard !repIDs.isEmpty, !repIDs.contains(id) else { return nil }
            if let origin = firstOrigin(of: id, in: rejectedReps) {
                return "rep '\(id)' was skipped (\(location(origin))), so this record is too; fix that rep first"
            }
            return unknownRep(id, repIDs)
        }
        for i in keptReps.indices {
            if keptReps[i].manager == keptReps[i].id {
                log.report(
                    location(keptReps[i].origin),
                    "rep '\(keptReps[i].id)' names itself as its manager; set the rep's own manager, or leave 'manager' "
                        + "out for the top of the office (the rep is kept without a manager until it is fixed)")
                keptReps[i].manager = nil
                continue
            }
            guard let manager = keptReps[i].manager, !repIDs.contains(manager) else { continue }
            log.report(
                location(keptReps[i].origin),
                "rep '\(keptReps[i].id)': manager '\(manager)' is not a rep in the store\(hint(manager, repIDs)); "
                    + "the rep is kept without a manager, so what goes to 'manager' goes to the rep until it is fixed")
            keptReps[i].manager = nil
        }
        var customerLines: [String: RecordOrigin] = [:]
        var skippedCustomers: [String: RecordOrigin] = [:]
        let keptCustomers = kept(customers) { customer in
            if let first = customerLines[customer.id] ?? skippedCustomers[customer.id] {
                log.skip(location(customer.origin), "customer", "id '\(customer.id)' is already used \(place(first, customer.origin)); give each customer its own id, or remove one of them")
                return false
            }
            if let problem = repProblem(customer.rep) {
                log.skip(location(customer.origin), "customer", problem)
                skippedCustomers[customer.id] = customer.origin
                return false
            }
            customerLines[customer.id] = customer.origin
            return true
        }
        let customerIDs = Set(customerLines.keys)
        let checkCustomers = !customers.isEmpty
        func customerProblem(_ id: String) -> String? {
            guard checkCustomers, !customerIDs.contains(id) else { return nil }
            if let origin = skippedCustomers[id] ?? firstOrigin(of: id, in: rejectedCustomers) {
                return "customer '\(id)' was skipped (\(location(origin))), so this record is too; fix that customer first"
            }
            return "customer '\(id)' is not in the store's customers\(hint(id, customerIDs)); add the customer or fix the id"
        }
        func sharingProblem(_ contact: Contact) -> String? {
            guard let other = contact.sharedWith else { return nil }
            if other == contact.rep {
                return "'shared_with' names the contact's own rep '\(other)'; name the other rep of the shared sale, or leave it out"
            }
            return repProblem(other).map { "'shared_with': " + $0 }
        }
        let keptContacts = kept(contacts) { contact in
            guard let problem = customerProblem(contact.customer) ?? repProblem(contact.rep) ?? sharingProblem(contact)
            else { return true }
            log.skip(location(contact.origin), "contact", problem)
            return false
        }
        var days: [String: RecordOrigin] = [:]
        let keptAttendance = kept(attendance) { record in
            if let problem = repProblem(record.rep) {
                log.skip(location(record.origin), "attendance record", problem)
                return false
            }
            let key = record.rep + "\u{0}" + record.date.description
            if let first = days[key] {
                log.skip(location(record.origin), "attendance record", "rep '\(record.rep)' already has an attendance record for \(record.date) \(place(first, record.origin)); keep one record a day (merge the check-in and the absence into it)")
                return false
            }
            days[key] = record.origin
            return true
        }
        let keptEvents = kept(events) { event in
            guard let problem = repProblem(event.rep) ?? event.customer.flatMap(customerProblem) else { return true }
            log.skip(location(event.origin), "event", problem)
            return false
        }
        let keptReports = kept(reports) { filing in
            guard let problem = repProblem(filing.rep) else {
                if let approver = filing.approvedBy, !repIDs.isEmpty, !repIDs.contains(approver) {
                    log.report(
                        location(filing.origin),
                        "daily plan of rep '\(filing.rep)' for \(filing.date): approved_by '\(approver)' is not a rep in "
                            + "the store\(hint(approver, repIDs)); the plan is kept, but nobody is charged for a late "
                            + "approval until it is fixed; set approved_by to the approver's rep id")
                }
                return true
            }
            log.skip(location(filing.origin), "daily plan or report", problem)
            return false
        }
        let snapshot = Snapshot(
            reps: keptReps, customers: keptCustomers, contacts: keptContacts, attendance: keptAttendance,
            events: keptEvents, reports: keptReports)
        return (snapshot, log.finished())
    }

    /// The records `keep` accepts, in order (`keep` runs once per record, in order). When it
    /// accepts them all, `records` itself: the arrays share their storage, so the daemon's
    /// follower, which keeps the decoded records for its next read, does not hold a second
    /// copy of the store beside the snapshot.
    private static func kept<T>(_ records: [T], _ keep: (T) -> Bool) -> [T] {
        var dropped: [Int] = []
        for (index, record) in records.enumerated() where !keep(record) { dropped.append(index) }
        if dropped.isEmpty { return records }
        var result: [T] = []
        result.reserveCapacity(records.count - dropped.count)
        var next = dropped.makeIterator()
        var skip = next.next()
        for (index, record) in records.enumerated() {
            if index == skip {
                skip = next.next()
            } else {
                result.append(record)
            }
        }
        return result
    }

    /// Where the first record skipped with `id` was, if any.
    private static func firstOrigin(of id: String, in rejected: [RecordOrigin: String]) -> RecordOrigin? {
        rejected.filter { $0.value == id }.keys.min { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    private static func unknownRep(_ id: String, _ known: Set<String>) -> String? {
        guard !known.isEmpty, !known.contains(id) else { return nil }
        return "rep '\(id)' is not in the store's reps\(hint(id, known)); add the rep or fix the id"
    }

    private static func hint(_ id: String, _ known: Set<String>) -> String {
        NearestName.suggestion(for: id, among: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func place(_ first: RecordOrigin, _ record: RecordOrigin) -> String {
        first.file == record.file ? "at line \(first.line)" : "at \(first)"
    }

    /// The diagnostics so far, at most ``maxReportsPerFile`` a file.
    private struct Log {
        var diagnostics: [Diagnostic] = []
        var perFile: [String: Int] = [:]
        var omitted: [String: (first: SourceLocation, count: Int)] = [:]

        mutating func skip(_ at: SourceLocation, _ record: String, _ problem: String) {
            report(at, "\(record) skipped: \(problem)")
        }

        mutating func report(_ at: SourceLocation, _ message: String) {
            let count = perFile[at.file, default: 0]
            if count < StoreIntegrity.maxReportsPerFile {
                perFile[at.file] = count + 1
                diagnostics.append(Diagnostic(at, message))
            } else {
                let first = omitted[at.file]?.first ?? at
                omitted[at.file] = (first, (omitted[at.file]?.count ?? 0) + 1)
            }
        }

        func finished() -> [Diagnostic] {
            diagnostics + omitted.sorted { $0.key < $1.key }.map { _, value in
                Diagnostic(
                    value.first,
                    "\(value.count) more records of this file (from this line on) were skipped because they name ids "
                        + "that do not exist or are used twice; fix the problems above and check again")
            }
        }
    }
}
