import Foundation
package import TicklerCore

/// Turns the fields of one record into the typed store value of its collection.
package struct StoreRecordDecoder: Sendable {
    package var zone: Zone
    /// The customer classes the rules know; empty means any class is accepted.
    package var classes: [String]

    package init(zone: Zone, classes: [String]) {
        self.zone = zone
        self.classes = classes
    }

    /// The fields of `members` as a record of `collection`.
    package func fields(_ members: [JSONMember], _ collection: StoreCollection) -> RecordFields {
        RecordFields(members: members, zone: zone, kind: collection.recordName, required: collection.requiredFields)
    }

    /// A rep; throws ``RecordProblem`` when a field breaks the schema.
    package func rep(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> Rep {
        Rep(
            id: try f.string("id"), name: try f.string("name"), manager: try f.optionalString("manager"),
            mailbox: try f.optionalString("mailbox"), email: try f.optionalString("email"),
            webhook: try f.optionalString("webhook"), locale: try f.optionalEnum("locale", NoticeLocale.self),
            team: try f.optionalString("team"), origin: origin)
    }

    /// A customer; throws ``RecordProblem`` when a field breaks the schema or the class is
    /// not one the rules know.
    package func customer(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> Customer {
        let id = try f.string("id")
        let name = try f.string("name")
        let rep = try f.string("rep")
        let customerClass = try f.string("class")
        if !classes.isEmpty, !classes.contains(customerClass) {
            var message = "unknown class '\(customerClass)' (the rules know \(classes.joined(separator: ", ")))"
            // Any one-letter class is one edit from any other: suggest only a case slip there.
            if let near = NearestName.suggestion(for: customerClass, among: classes),
                near.count > 2 || near.lowercased() == customerClass.lowercased()
            {
                message += "; did you mean '\(near)'?"
            }
            throw RecordProblem(message)
        }
        return Customer(
            id: id, name: name, rep: rep, class: customerClass, status: try f.optionalEnum("status", CustomerStatus.self),
            phone: try f.optionalString("phone"), registeredAt: try f.optionalTimestamp("registered_at"),
            nextContact: try f.optionalDate("next_contact"), birthday: try f.optionalDate("birthday"),
            expectedAmount: try f.optionalDecimal("expected_amount"), closeDate: try f.optionalDate("close_date"),
            probability: try f.optionalDouble("probability", in: 0...100),
            household: try f.optionalString("household"), founded: try f.optionalDate("founded"), origin: origin)
    }

    /// A contact; throws ``RecordProblem`` when a field breaks the schema.
    package func contact(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> Contact {
        Contact(
            customer: try f.string("customer"), rep: try f.string("rep"), at: try f.timestamp("at"),
            method: try f.optionalEnum("method", ContactMethod.self), progress: try f.optionalInt("progress", in: 0...100),
            outcome: try f.optionalString("outcome"), note: try f.optionalString("note"), origin: origin)
    }

    /// An attendance record; throws ``RecordProblem`` when a field breaks the schema.
    package func attendance(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> AttendanceRecord {
        AttendanceRecord(
            rep: try f.string("rep"), date: try f.date("date"), checkIn: try f.optionalTimeOfDay("check_in"),
            absent: try f.optionalBool("absent") ?? false, excused: try f.optionalBool("excused") ?? false,
            origin: origin)
    }

    /// An event; throws ``RecordProblem`` when a field breaks the schema.
    package func event(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> EventRecord {
        EventRecord(
            rep: try f.string("rep"), at: try f.timestamp("at"), event: try f.string("event"),
            customer: try f.optionalString("customer"), note: try f.optionalString("note"), origin: origin)
    }

    /// A daily visit plan or daily report; throws ``RecordProblem`` when a field breaks the schema.
    package func reportFiling(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> ReportFiling {
        guard let kind = try f.optionalEnum("kind", ReportFiling.Kind.self) else {
            throw RecordProblem("field 'kind' is missing (required: rep, date, kind; kind is plan or daily)")
        }
        return ReportFiling(
            rep: try f.string("rep"), date: try f.date("date"), kind: kind, filedAt: try f.optionalTimestamp("filed_at"),
            approvedAt: try f.optionalTimestamp("approved_at"), approvedBy: try f.optionalString("approved_by"),
            origin: origin)
    }
}
