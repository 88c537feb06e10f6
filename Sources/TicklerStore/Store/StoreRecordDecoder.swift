import Foundation
package import TicklerCore

/// Turns the fields of one record into the typed store value of its collection.
package struct StoreRecordDecoder: Sendable {
    package var zone: Zone
    /// The customer classes the rules know; empty means any class is accepted.
    package var classes: [String]
    /// The contact methods the rules know: the built-in ones and the office's own.
    package var contactMethods: [String]

    package init(zone: Zone, classes: [String], contactMethods: [String] = ContactMethod.allCases.map(\.rawValue)) {
        self.zone = zone
        self.classes = classes
        self.contactMethods = contactMethods
    }

    /// The fields of `members` as a record of `collection`.
    package func fields(_ members: [JSONMember], _ collection: StoreCollection) -> RecordFields {
        RecordFields(
            members: members, zone: zone, kind: collection.recordName, required: collection.requiredFields,
            optional: collection.optionalFields)
    }

    /// A rep; throws ``RecordProblem`` when a field breaks the schema.
    package func rep(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> Rep {
        try f.checkFieldNames()
        return Rep(
            id: try identifier(f, "id"), name: try f.string("name"), manager: try optionalIdentifier(f, "manager"),
            mailbox: try mailbox(f), email: try f.optionalString("email"),
            webhook: try f.optionalString("webhook"), locale: try f.optionalEnum("locale", NoticeLocale.self),
            team: try f.optionalString("team"), origin: origin)
    }

    /// A customer; throws ``RecordProblem`` when a field breaks the schema or the class is
    /// not one the rules know.
    package func customer(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> Customer {
        try f.checkFieldNames()
        let id = try identifier(f, "id")
        let name = try f.string("name")
        let rep = try identifier(f, "rep")
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
            household: try f.optionalString("household"), founded: try f.optionalDate("founded"),
            source: try f.optionalString("source"), origin: origin)
    }

    /// A contact; throws ``RecordProblem`` when a field breaks the schema.
    package func contact(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> Contact {
        try f.checkFieldNames()
        return Contact(
            customer: try identifier(f, "customer"), rep: try identifier(f, "rep"), at: try f.timestamp("at"),
            method: try method(f), progress: try f.optionalInt("progress", in: 0...100),
            outcome: try f.optionalString("outcome"), note: try f.optionalString("note"), amount: try amount(f),
            sharedWith: try sharedWith(f), origin: origin)
    }

    /// An attendance record; throws ``RecordProblem`` when a field breaks the schema, or when
    /// it says both that the rep checked in and that the rep was absent (which one to charge
    /// would be a guess).
    package func attendance(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> AttendanceRecord {
        try f.checkFieldNames()
        let record = AttendanceRecord(
            rep: try identifier(f, "rep"), date: try f.date("date"), checkIn: try f.optionalTimeOfDay("check_in"),
            absent: try f.optionalBool("absent") ?? false, excused: try f.optionalBool("excused") ?? false,
            origin: origin)
        if record.absent, let checkIn = record.checkIn {
            throw RecordProblem(
                "it has both 'check_in' (\(checkIn)) and 'absent: true'; a rep who checked in was not absent: remove "
                    + "one of them (a check-in late enough is counted as an absence by a 'counts_as: absent' tier)")
        }
        return record
    }

    /// An event; throws ``RecordProblem`` when a field breaks the schema.
    package func event(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> EventRecord {
        try f.checkFieldNames()
        return EventRecord(
            rep: try identifier(f, "rep"), at: try f.timestamp("at"), event: try f.string("event"),
            customer: try optionalIdentifier(f, "customer"), note: try f.optionalString("note"), origin: origin)
    }

    /// A daily visit plan or daily report; throws ``RecordProblem`` when a field breaks the schema.
    package func reportFiling(_ f: RecordFields, origin: RecordOrigin) throws(RecordProblem) -> ReportFiling {
        try f.checkFieldNames()
        guard let kind = try f.optionalEnum("kind", ReportFiling.Kind.self) else {
            throw RecordProblem("field 'kind' is missing (required: rep, date, kind; kind is plan or daily)")
        }
        return ReportFiling(
            rep: try identifier(f, "rep"), date: try f.date("date"), kind: kind, filedAt: try f.optionalTimestamp("filed_at"),
            approvedAt: try f.optionalTimestamp("approved_at"), approvedBy: try f.optionalString("approved_by"),
            origin: origin)
    }

    // MARK: identifiers

    /// A required id field: any text but control characters (a CR or LF in an id would split
    /// a log line or a header wherever the id is shown).
    private func identifier(_ f: RecordFields, _ key: String) throws(RecordProblem) -> String {
        let text = try f.string(key)
        try checkControls(text, key)
        return text
    }

    private func optionalIdentifier(_ f: RecordFields, _ key: String) throws(RecordProblem) -> String? {
        guard let text = try f.optionalString(key) else { return nil }
        try checkControls(text, key)
        return text
    }

    private func checkControls(_ text: String, _ key: String) throws(RecordProblem) {
        if text.unicodeScalars.contains(where: IdentifierText.isControl) {
            throw RecordProblem(
                "field '\(key)' \(IdentifierText.quoted(text)) holds a control character (a line break, tab or NUL); remove it")
        }
    }

    /// `mailbox` must be a plain local user name: it becomes a spool file name and a header.
    private func mailbox(_ f: RecordFields) throws(RecordProblem) -> String? {
        guard let text = try f.optionalString("mailbox") else { return nil }
        if let problem = MailboxName.problem(with: text) {
            throw RecordProblem("field 'mailbox': \(problem.message)")
        }
        return text
    }

    /// A contact's `method`: one the rules know (built-in or the office's own, `contact_methods:`).
    private func method(_ f: RecordFields) throws(RecordProblem) -> ContactMethod? {
        guard let text = try f.optionalString("method") else { return nil }
        if contactMethods.contains(text) { return ContactMethod(rawValue: text) }
        var message = "field 'method' is '\(text)'; expected one of \(contactMethods.joined(separator: ", "))"
        if let near = NearestName.suggestion(for: text, among: contactMethods) { message += " (did you mean '\(near)'?)" }
        message += "; an office's own method is declared in the rules' 'contact_methods'"
        throw RecordProblem(message)
    }

    /// A contact's `amount`: the amount won, not negative (a refund is not a sale).
    private func amount(_ f: RecordFields) throws(RecordProblem) -> Decimal? {
        guard let amount = try f.optionalDecimal("amount") else { return nil }
        guard amount >= 0 else {
            throw RecordProblem("field 'amount' is \(amount); the amount won cannot be negative (leave a lost deal without 'amount')")
        }
        return amount
    }

    /// A contact's `shared_with`: the other rep of a sale split half and half (业绩分半).
    private func sharedWith(_ f: RecordFields) throws(RecordProblem) -> String? {
        try optionalIdentifier(f, "shared_with")
    }
}
