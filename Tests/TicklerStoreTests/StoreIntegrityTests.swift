import Foundation
import Testing
import TicklerCore
import TicklerStore

@Suite("The store check across records: duplicate ids, unknown reps and customers, stray files")
struct StoreIntegrityTests {
    static let reps = #"[{"id": "r1", "name": "Wang"}, {"id": "m1", "name": "Boss"}]"#
    static let customers = #"{"id": "C1", "name": "Acme", "rep": "r1", "class": "A"}"# + "\n"

    @Test("a second customer with the same id is reported and skipped; the first stays")
    func duplicateCustomer() throws {
        let store = try TempStore([
            "reps.json": Self.reps,
            "customers.jsonl": Self.customers + #"{"id": "C1", "name": "Other", "rep": "r1", "class": "B"}"# + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "customers.jsonl:2: customer skipped: id 'C1' is already used at line 1; give each customer its own id, or remove one of them"
        ])
        #expect(load.snapshot.customers.map(\.name) == ["Acme"])
    }

    @Test("a second rep with the same id is reported and skipped")
    func duplicateRep() throws {
        let store = try TempStore(["reps.json": "[\n" + #"{"id": "r1", "name": "Wang"},"# + "\n" + #"{"id": "r1", "name": "Li"}"# + "\n]"])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "reps.json:3: rep skipped: id 'r1' is already used at line 2; give each rep its own id, or remove one of them"
        ])
        #expect(load.snapshot.reps.map(\.name) == ["Wang"])
    }

    @Test("records naming a rep or customer that does not exist are skipped, with did-you-mean")
    func unknownReferences() throws {
        let store = try TempStore([
            "reps.json": Self.reps,
            "customers.jsonl": Self.customers + #"{"id": "C2", "name": "Beta", "rep": "r2", "class": "A"}"# + "\n",
            "contacts.jsonl": #"{"customer": "C1", "rep": "r1", "at": "2026-11-20"}"# + "\n"
                + #"{"customer": "C9", "rep": "r1", "at": "2026-11-20"}"# + "\n"
                + #"{"customer": "C1", "rep": "rl", "at": "2026-11-20"}"# + "\n"
                + #"{"customer": "C2", "rep": "r1", "at": "2026-11-20"}"# + "\n",
            "attendance.jsonl": #"{"rep": "x9", "date": "2026-11-20"}"# + "\n",
            "events.jsonl": #"{"rep": "r1", "at": "2026-11-20", "event": "late_greeting", "customer": "C7"}"# + "\n",
            "reports.jsonl": #"{"rep": "nobody", "date": "2026-11-20", "kind": "plan"}"# + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "customers.jsonl:2: customer skipped: rep 'r2' is not in the store's reps (did you mean 'r1'?); add the rep or fix the id",
            "contacts.jsonl:2: contact skipped: customer 'C9' is not in the store's customers (did you mean 'C1'?); add the customer or fix the id",
            "contacts.jsonl:3: contact skipped: rep 'rl' is not in the store's reps (did you mean 'r1'?); add the rep or fix the id",
            "contacts.jsonl:4: contact skipped: customer 'C2' was skipped (customers.jsonl:2), so this record is too; fix that customer first",
            "attendance.jsonl:1: attendance record skipped: rep 'x9' is not in the store's reps; add the rep or fix the id",
            "events.jsonl:1: event skipped: customer 'C7' is not in the store's customers (did you mean 'C1'?); add the customer or fix the id",
            "reports.jsonl:1: daily plan or report skipped: rep 'nobody' is not in the store's reps; add the rep or fix the id",
        ])
        #expect(load.snapshot.contacts.count == 1)
        #expect(load.snapshot.attendance.isEmpty && load.snapshot.events.isEmpty && load.snapshot.reports.isEmpty)
    }

    @Test("a rep whose manager is not a rep is kept without the manager")
    func unknownManager() throws {
        let store = try TempStore([
            "reps.json": #"[{"id": "r1", "name": "Wang", "manager": "m2"}, {"id": "m1", "name": "Boss"}]"#,
            "customers.jsonl": Self.customers,
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "reps.json:1: rep 'r1': manager 'm2' is not a rep in the store (did you mean 'm1'?); the rep is kept without a manager, so what goes to 'manager' goes to the rep until it is fixed"
        ])
        #expect(load.snapshot.rep("r1")?.manager == nil)
        #expect(load.snapshot.customers.count == 1)
    }

    @Test("a plan whose approved_by is not a rep is reported with did-you-mean, and kept")
    func unknownApprover() throws {
        let store = try TempStore([
            "reps.json": Self.reps,
            "customers.jsonl": Self.customers,
            "reports.jsonl": #"{"rep": "r1", "date": "2026-11-24", "kind": "plan", "filed_at": "2026-11-24T08:45", "approved_by": "m2"}"#
                + "\n" + #"{"rep": "r1", "date": "2026-11-25", "kind": "plan", "approved_by": "m1"}"# + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "reports.jsonl:1: daily plan of rep 'r1' for 2026-11-24: approved_by 'm2' is not a rep in the store (did you mean 'm1'?); "
                + "the plan is kept, but nobody is charged for a late approval until it is fixed; set approved_by to the approver's rep id"
        ])
        #expect(load.snapshot.reports.count == 2, "kept: skipping it would charge the rep for a missing plan")
    }

    @Test("a misspelt attendance field is named with 'an', not 'a attendance record'")
    func misspeltAttendanceField() throws {
        let store = try TempStore([
            "reps.json": Self.reps, "customers.jsonl": Self.customers,
            "attendance.jsonl": #"{"rep": "r1", "date": "2026-11-25", "checkin": "08:31"}"# + "\n",
        ])
        defer { store.remove() }
        #expect(store.described(try store.load()) == [
            "attendance.jsonl:1: attendance record skipped: field 'checkin' is not an attendance record field; did you mean 'check_in'? (other unknown fields are ignored)"
        ])
    }

    @Test("an attendance record with both a check-in and absent: true is skipped, not charged on a guess")
    func checkInAndAbsent() throws {
        let store = try TempStore([
            "reps.json": Self.reps, "customers.jsonl": Self.customers,
            "attendance.jsonl": #"{"rep": "r1", "date": "2026-11-23", "check_in": "09:05", "absent": true}"# + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "attendance.jsonl:1: attendance record skipped: it has both 'check_in' (09:05) and 'absent: true'; a rep who "
                + "checked in was not absent: remove one of them (a check-in late enough is counted as an absence by a 'counts_as: absent' tier)"
        ])
        #expect(load.snapshot.attendance.isEmpty)
    }

    @Test("a contact of a customer skipped for a bad field says the customer was skipped, not that it does not exist")
    func contactOfSchemaSkippedCustomer() throws {
        let store = try TempStore([
            "reps.json": Self.reps,
            "customers.jsonl": Self.customers + #"{"id": "C2", "name": "Beta", "rep": "r1", "class": "A", "expected_amount": "12.000"}"# + "\n",
            "contacts.jsonl": #"{"customer": "C2", "rep": "r1", "at": "2026-11-20"}"# + "\n",
        ])
        defer { store.remove() }
        let described = store.described(try store.load())
        #expect(described.count == 2)
        #expect(described.last == "contacts.jsonl:1: contact skipped: customer 'C2' was skipped (customers.jsonl:2), so this record is too; fix that customer first")
    }

    @Test("a customer of a rep skipped for a bad field says the rep was skipped")
    func customerOfSchemaSkippedRep() throws {
        let store = try TempStore([
            "reps.json": "[\n" + #"{"id": "r1", "name": "Wang"},"# + "\n" + #"{"id": "r2", "name": "Li", "manger": "r1"}"# + "\n]",
            "customers.jsonl": #"{"id": "C1", "name": "Acme", "rep": "r2", "class": "A"}"# + "\n",
        ])
        defer { store.remove() }
        let described = store.described(try store.load())
        #expect(described.last == "customers.jsonl:1: customer skipped: rep 'r2' was skipped (reps.json:3), so this record is too; fix that rep first", "\(described)")
    }

    @Test("a rep who is its own manager is reported and kept without a manager")
    func ownManager() throws {
        let store = try TempStore([
            "reps.json": #"[{"id": "r1", "name": "Wang", "manager": "r1"}]"#, "customers.jsonl": Self.customers,
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "reps.json:1: rep 'r1' names itself as its manager; set the rep's own manager, or leave 'manager' out for the top of the office (the rep is kept without a manager until it is fixed)"
        ])
        #expect(load.snapshot.rep("r1")?.manager == nil)
    }

    @Test("two attendance records of one rep on one day: the second is skipped")
    func duplicateAttendance() throws {
        let store = try TempStore([
            "reps.json": Self.reps, "customers.jsonl": Self.customers,
            "attendance.jsonl": #"{"rep": "r1", "date": "2026-11-20", "check_in": "08:50"}"# + "\n"
                + #"{"rep": "r1", "date": "2026-11-21", "check_in": "08:20"}"# + "\n"
                + #"{"rep": "r1", "date": "2026-11-20", "check_in": "08:20"}"# + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "attendance.jsonl:3: attendance record skipped: rep 'r1' already has an attendance record for 2026-11-20 at line 1; keep one record a day (merge the check-in and the absence into it)"
        ])
        #expect(load.snapshot.attendance.count == 2)
    }

    @Test("a misspelt field name skips the record with did-you-mean; a CRM's own column is ignored")
    func misspeltField() throws {
        let store = try TempStore([
            "reps.json": Self.reps,
            "customers.jsonl": Self.customers
                + #"{"id": "C2", "name": "Beta", "rep": "r1", "class": "A", "next_contat": "2026-12-01"}"# + "\n"
                + #"{"id": "C3", "name": "Gamma", "rep": "r1", "class": "A", "crm_region": "north"}"# + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "customers.jsonl:2: customer skipped: field 'next_contat' is not a customer field; did you mean 'next_contact'? (other unknown fields are ignored)"
        ])
        #expect(load.snapshot.customers.map(\.id) == ["C1", "C3"])
    }

    @Test("files the loader does not read are named: a near collection name is an error, anything else a warning")
    func strayFiles() throws {
        let store = try TempStore([
            "reps.json": Self.reps, "Customers.JSON": "[]", "reps.csv": "id,name\n", "contact.jsonl": "",
            "README.txt": "notes", ".hidden": "", "customers.jsonl": Self.customers, "customers.jsonl.tmp": "",
        ])
        defer { store.remove() }
        let described = store.described(try store.load())
        #expect(described == [
            "Customers.JSON:1: this file is not read, so the store has no customers from it; did you mean customers.json or customers.jsonl? Rename it (names are lower case)",
            "README.txt:1: warning: this file is not read (a store reads only reps, customers, contacts, attendance, events, reports as NAME.json or NAME.jsonl); move it out of the store folder",
            "contact.jsonl:1: this file is not read, so the store has no contacts from it; did you mean contacts.json or contacts.jsonl? Rename it (names are lower case)",
            "reps.csv:1: this file is not read, so the store has no reps from it; the store reads only JSON: export it as reps.json (an array) or reps.jsonl (one object a line)",
        ])
    }

    @Test("an append read incrementally gives the same records and diagnostics as a full load")
    func followerMatchesFullLoad() throws {
        let store = try TempStore([
            "reps.json": Self.reps, "customers.jsonl": Self.customers,
            "contacts.jsonl": #"{"customer": "C1", "rep": "r1", "at": "2026-11-20"}"# + "\n",
        ])
        defer { store.remove() }
        var follower = StoreFollower(directory: store.directory, zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"])
        _ = try follower.refresh()
        let handle = try #require(FileHandle(forWritingAtPath: store.path("contacts.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((#"{"customer": "C5", "rep": "r1", "at": "2026-11-21"}"# + "\n").utf8))
        try handle.close()
        let customersHandle = try #require(FileHandle(forWritingAtPath: store.path("customers.jsonl")))
        try customersHandle.seekToEnd()
        try customersHandle.write(contentsOf: Data((#"{"id": "C5", "name": "Late", "rep": "r1", "class": "A"}"# + "\n").utf8))
        try customersHandle.close()
        let incremental = try follower.refresh().load
        let full = try store.load()
        #expect(incremental.diagnostics == full.diagnostics)
        #expect(incremental.snapshot.contacts == full.snapshot.contacts)
        #expect(incremental.snapshot.contacts.count == 2)
        try "".write(toFile: store.path("reps.csv"), atomically: true, encoding: .utf8)
        let withStray = try follower.refresh()
        #expect(withStray.load.diagnostics == (try store.load()).diagnostics)
        #expect(withStray.load.diagnostics.count == 1)
    }

    @Test("a rule test's inline store gets the same checks, at FILE:LINE:COLUMN (without reps, rep ids are not checked)")
    func inlineStore() throws {
        let yaml = """
            customers:
              - { id: C1, name: Acme, rep: r1, class: A }
              - { id: C1, name: Again, rep: r1, class: A }
            contacts:
              - { customer: C2, rep: r1, at: 2026-11-20 }
            """
        let root = try #require(try YAMLDocument.load(yaml, file: "t.yaml"))
        guard case .mapping(let pairs) = root.content else { Issue.record("not a mapping"); return }
        let collections = pairs.map { pair -> (name: String, records: YAMLNode) in
            guard case .scalar(let name, _) = pair.key.content else { return ("", pair.value) }
            return (name, pair.value)
        }
        let load = InlineStore(zone: Zone(identifier: "UTC")!, classes: ["A"]).load(collections)
        #expect(load.diagnostics.map(\.description) == [
            "t.yaml:3:5: customer skipped: id 'C1' is already used at line 2; give each customer its own id, or remove one of them",
            "t.yaml:5:5: contact skipped: customer 'C2' is not in the store's customers (did you mean 'C1'?); add the customer or fix the id",
        ])
    }
}

@Suite("The store check keeps one copy of the store")
struct StoreIntegrityStorageTests {
    @Test("when every record is kept the snapshot shares the records' storage; a skipped record makes a copy without it")
    func keptRecordsShareStorage() throws {
        let contact = #"{"customer": "C1", "rep": "r1", "at": "2026-11-20T10:00:00+08:00", "method": "phone"}"# + "\n"
        let store = try TempStore([
            "reps.json": StoreIntegrityTests.reps, "customers.jsonl": StoreIntegrityTests.customers,
            "contacts.jsonl": contact + contact,
        ])
        defer { store.remove() }
        let first = try store.load().snapshot
        #expect(first.contacts.count == 2)
        func check(contacts: [Contact]) -> (Snapshot, [Diagnostic]) {
            StoreIntegrity.snapshot(
                reps: first.reps, customers: first.customers, contacts: contacts, attendance: first.attendance,
                events: first.events, reports: first.reports
            ) { SourceLocation(file: $0.file, line: $0.line) }
        }
        let (again, problems) = check(contacts: first.contacts)
        #expect(problems.isEmpty)
        let address = { (records: [Contact]) in records.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(address(again.contacts) == address(first.contacts))
        #expect(again.customers.withUnsafeBufferPointer { $0.baseAddress }
            == first.customers.withUnsafeBufferPointer { $0.baseAddress })

        var stray = first.contacts[0]
        stray.customer = "C9"
        let (cut, cutProblems) = check(contacts: first.contacts + [stray])
        #expect(cutProblems.count == 1)
        #expect(cut.contacts.count == 2)
    }
}
