import Foundation
import Testing
import TicklerCore

/// Issue 13 item 1: evaluation is as of `--at`; records dated later do not exist yet.
@Suite struct AsOfTests {
    let customer = Customer(id: "A1", name: "Acme", rep: "R1", class: "A")

    func contact(_ at: String, line: Int) -> Contact {
        Contact(customer: "A1", rep: "R1", at: Build.at(at), origin: RecordOrigin(file: "contacts.jsonl", line: line))
    }

    @Test("a contact dated after --at does not hide an overdue customer")
    func laterContactIgnored() {
        let snapshot = Snapshot(
            reps: Build.reps, customers: [customer],
            contacts: [contact("2026-11-10 10:00", line: 1), contact("2026-11-25 10:00", line: 2)])
        let notices = Evaluator(rules: Build.rules()).evaluate(snapshot, at: Build.at("2026-11-20 10:00")).notices
        #expect(notices.map(\.key) == ["overdue/A1/2026-11-17/1"])
    }

    @Test("explain at a past time shows the contact that was the last one then")
    func explainSeesThePast() throws {
        let snapshot = Snapshot(
            reps: Build.reps, customers: [customer],
            contacts: [contact("2026-11-10 10:00", line: 1), contact("2026-11-25 10:00", line: 2)])
        let lines = try #require(
            Explainer(rules: Build.rules(), snapshot: snapshot, now: Build.at("2026-11-20 10:00")).customer("A1"))
        #expect(lines.contains { $0.contains("last contact 2026-11-10 10:00") })
        #expect(!lines.joined().contains("2026-11-25"))
    }

    @Test("a customer registered after --at is not there yet: no registration conflict with it")
    func laterRegistration() throws {
        var rules = Build.rules()
        rules.conflicts = ConflictRule(match: [.phone], location: Build.here)
        let first = Customer(id: "C1", name: "Acme", rep: "R1", class: "A", phone: "13800138000", registeredAt: Build.at("2026-11-01 09:00"))
        let second = Customer(id: "C2", name: "Acme Ltd", rep: "R2", class: "A", phone: "13800138000", registeredAt: Build.at("2026-11-22 09:00"))
        let snapshot = Snapshot(reps: Build.reps, customers: [first, second])
        let before = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-21 10:00")).notices
        #expect(!before.contains { $0.kind == .conflict })
        let after = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-22 10:00")).notices
        #expect(after.contains { $0.kind == .conflict && $0.customer == "C2" })
    }

    @Test("attendance, events, filings and approvals dated after --at are cut from the snapshot")
    func snapshotCut() {
        let zone = Build.zone()
        let filing = ReportFiling(
            rep: "R1", date: Build.date("2026-11-24"), kind: .plan, filedAt: Build.at("2026-11-24 08:00"),
            approvedAt: Build.at("2026-11-24 12:00"), approvedBy: "M1")
        let snapshot = Snapshot(
            reps: Build.reps, customers: [customer], contacts: [contact("2026-11-24 11:00", line: 1)],
            attendance: [
                AttendanceRecord(rep: "R1", date: Build.date("2026-11-24"), checkIn: TimeOfDay(hour: 8, minute: 40)),
                AttendanceRecord(rep: "R2", date: Build.date("2026-11-24"), checkIn: TimeOfDay(hour: 10, minute: 30)),
            ],
            events: [EventRecord(rep: "R1", at: Build.at("2026-11-24 10:01"), event: "late_greeting")],
            reports: [filing, ReportFiling(rep: "R1", date: Build.date("2026-11-24"), kind: .daily, filedAt: Build.at("2026-11-24 18:00"))])
        let cut = snapshot.asOf(Build.at("2026-11-24 10:00"), zone: zone)
        #expect(cut.contacts.isEmpty && cut.events.isEmpty)
        #expect(cut.attendance.map(\.rep) == ["R1"])
        #expect(cut.reports.count == 1 && cut.reports[0].approvedAt == nil && cut.reports[0].approvedBy == nil)
        #expect(cut.customers.count == 1)
        let whole = snapshot.asOf(Build.at("2026-11-25 00:00"), zone: zone)
        #expect(whole.contacts.count == 1 && whole.reports.count == 2 && whole.attendance.count == 2)
    }

    @Test("check's warnings name each record dated in the future at FILE:LINE")
    func futureWarnings() {
        let snapshot = Snapshot(
            reps: Build.reps, customers: [customer],
            contacts: [contact("2026-11-10 10:00", line: 1), contact("2026-11-25 10:00", line: 2)],
            events: [EventRecord(rep: "R1", at: Build.at("2026-12-01 10:00"), event: "late_greeting", origin: RecordOrigin(file: "events.jsonl", line: 7))])
        let warnings = FutureRecords.warnings(
            in: snapshot, after: Build.at("2026-11-20 10:00"), zone: Build.zone(), path: { "store/" + $0 })
        #expect(warnings.map(\.location.description) == ["store/contacts.jsonl:2", "store/events.jsonl:7"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings[0].description.hasPrefix("store/contacts.jsonl:2: warning: contact dated 2026-11-25 10:00"))
        #expect(FutureRecords.warnings(in: snapshot, after: Build.at("2026-12-02 00:00"), zone: Build.zone()).isEmpty)
    }

    @Test("pool at a past time counts from the contact made by then, not a later one")
    func poolAsOf() throws {
        let rules = try ProcessNoticeTests.rules("pool: { reclaim: { A: 30d }, warn_before: 5d }\n")
        let pool = try #require(rules.pool)
        let snapshot = Snapshot(
            reps: Build.reps, customers: [customer],
            contacts: [contact("2026-10-01 10:00", line: 1), contact("2026-11-20 10:00", line: 2)])
        let evaluator = PoolEvaluator(rule: pool, calendar: rules.calendar, zone: rules.zone, locale: .en)
        let entries = evaluator.entries(snapshot, at: Build.at("2026-11-05 10:00"))
        #expect(entries.map(\.since) == [Build.date("2026-10-01")])
        #expect(evaluator.reclaimed(snapshot, at: Build.at("2026-11-05 10:00")).map(\.customer.id) == ["A1"])
    }

    @Test("a report reads the same whenever it is made: as of its scheduled time")
    func reportAsOfItsTime() throws {
        let yaml = ReportTests.yaml.replacingOccurrences(of: "show: [numbers]", with: "show: [numbers, pool]")
        let rules = try RulesParser.parse(yaml + "\npool: { reclaim: { A: 30d }, warn_before: 60d }\n", file: "r.yaml")
        let customers = [
            Customer(id: "A1", name: "Acme", rep: "R1", class: "A", registeredAt: Build.at("2026-10-01 10:00")),
            Customer(id: "L1", name: "Late", rep: "R1", class: "A", registeredAt: Build.at("2026-11-24 10:00")),
        ]
        let early = Snapshot(reps: ReportTests.reps, customers: [customers[0]], contacts: [contact("2026-11-18 10:00", line: 1)])
        let later = Snapshot(
            reps: ReportTests.reps, customers: customers,
            contacts: [contact("2026-11-18 10:00", line: 1), contact("2026-11-24 11:00", line: 2)])
        let builder = ReportBuilder(rules: rules)
        let onTime = builder.report(rules.reports[0], early, at: Build.at("2026-11-23 09:00"))
        let midweek = builder.report(rules.reports[0], later, at: Build.at("2026-11-25 15:00"))
        #expect(midweek.tables == onTime.tables)
    }
}
