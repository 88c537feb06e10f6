import Foundation
import Testing
import TicklerCore

@Suite struct ExpressionEvaluationTests {
    typealias F = ExpressionFixture
    static let blank = Customer(id: "C1", name: "Blank", rep: "r1", class: "B")

    @Test(
        "a missing value makes every comparison false; == null asks whether it is missing",
        arguments: [
            ("status == \"lead\"", false),
            ("status != \"lead\"", false),
            ("not (status == \"lead\")", true),
            ("status == null", true),
            ("status != null", false),
            ("null == status", true),
            ("status in [\"lead\", \"prospect\"]", false),
            ("status not in [\"dead\"]", false),
            ("expected_amount * 2 > 0", false),
            ("expected_amount * 2 <= 0", false),
            ("-expected_amount < 0", false),
            ("days_since(last_contact) > 10", false),
            ("days_since(last_contact) == null", true),
            ("days_until(birthday) >= 0", false),
            ("contains(phone, \"1\")", false),
            ("lower(phone) == \"x\"", false),
            ("last_contact < today()", false),
            ("probability / 0 == null", true),
            ("contacts_count == 0", true),
            ("status == \"lead\" or class == \"B\"", true),
        ])
    func nullSemantics(source: String, expected: Bool) throws {
        let value = try F.value(source, customer: Self.blank, now: F.at("2026-11-24T09:00"))
        #expect(value == .bool(expected))
    }

    @Test("arithmetic and comparisons compute as written")
    func arithmetic() throws {
        var c = Self.blank
        c.expectedAmount = Decimal(string: "1250.50")
        c.probability = 0.4
        let now = F.at("2026-11-24T09:00")
        #expect(try F.value("expected_amount * probability", customer: c, now: now).rendered(in: nil) == "500.2")
        #expect(try F.value("(1 + 2) * 3 - 4 / 2", customer: c, now: now) == .number(7))
        #expect(try F.value("expected_amount > 1000 and probability < 0.5", customer: c, now: now) == .bool(true))
        #expect(try F.value("class in [\"A\", \"B\"]", customer: c, now: now) == .bool(true))
        #expect(try F.value("class not in [\"A\", \"B\"]", customer: c, now: now) == .bool(false))
        #expect(try F.value("contains(name, \"LAN\")", customer: c, now: now) == .bool(true))
    }

    @Test("days_since counts local days across the spring DST change in Budapest, not 24-hour periods")
    func daysSinceSpring() throws {
        let z = F.budapest
        // 23:30 on 28 March (CET) to 00:30 on 30 March (CEST): 24 hours, two calendar days.
        let contact = Contact(customer: "C1", rep: "r1", at: F.at("2026-03-28T23:30", z))
        let now = F.at("2026-03-30T00:30", z)
        #expect(now.timeIntervalSince(contact.at) == 24 * 3600)
        let snapshot = Snapshot(customers: [Self.blank], contacts: [contact])
        let days = try F.value("days_since(last_contact)", customer: Self.blank, snapshot: snapshot, now: now, zone: z)
        #expect(days == .number(2))
        let derived = try F.value("days_since_last_contact", customer: Self.blank, snapshot: snapshot, now: now, zone: z)
        #expect(derived == .number(2))
    }

    @Test("days_since and days_until count local days across the autumn DST change in Budapest")
    func autumn() throws {
        let z = F.budapest
        var c = Self.blank
        c.nextContact = F.day("2026-10-27")
        let contact = Contact(customer: "C1", rep: "r1", at: F.at("2026-10-24T00:10", z))
        let now = F.at("2026-10-25T23:50", z)  // 49 h 40 min later
        let snapshot = Snapshot(customers: [c], contacts: [contact])
        #expect(try F.value("days_since(last_contact)", customer: c, snapshot: snapshot, now: now, zone: z) == .number(1))
        #expect(try F.value("days_until(next_contact)", customer: c, snapshot: snapshot, now: now, zone: z) == .number(2))
        #expect(try F.value("days_until(date(\"2026-10-20\"))", customer: c, now: now, zone: z) == .number(-5))
    }

    @Test(
        "days_until(birthday) counts to the next anniversary, across the year end and for 29 February",
        arguments: [
            ("1980-01-02", "2026-12-30", 3),
            ("1975-12-31", "2026-12-30", 1),
            ("1975-12-31", "2026-12-31", 0),
            ("1975-12-29", "2026-12-30", 364),
            ("2000-02-29", "2026-02-20", 8),  // common year: 28 February
            ("2000-02-29", "2028-02-20", 9),  // leap year: 29 February
            ("2000-02-29", "2026-03-01", 364),  // next is 2027-02-28
            ("2000-02-29", "2026-02-28", 0),
        ])
    func birthday(birthday: String, today: String, days: Int) throws {
        var c = Self.blank
        c.birthday = F.day(birthday)
        let now = F.at(today + "T10:00")
        #expect(try F.value("days_until(birthday)", customer: c, now: now) == .number(Double(days)))
        // Through the linked record it is the same yearly date.
        #expect(try F.value("days_until(customer.birthday)", customer: c, now: now) == .number(Double(days)))
        // A birthday read as a plain date is in the past.
        #expect(try F.value("days_since(birthday) > 300", customer: c, now: now) == .bool(true))
    }

    @Test("count_contacts counts whole local days for d and w windows, exact time for h, and nothing after now")
    func countWindow() throws {
        let contacts = [
            Contact(customer: "C1", rep: "r1", at: F.at("2026-11-17T23:59")),  // 7 days ago: outside 7d
            Contact(customer: "C1", rep: "r1", at: F.at("2026-11-18T00:30")),  // 6 days ago: inside 7d
            Contact(customer: "C1", rep: "r2", at: F.at("2026-11-24T08:00")),  // today, 1 h ago
            Contact(customer: "C1", rep: "r1", at: F.at("2026-11-24T11:00")),  // after now: never counted
            Contact(customer: "C2", rep: "r1", at: F.at("2026-11-23T10:00")),  // another customer
        ]
        let snapshot = Snapshot(customers: [Self.blank], contacts: contacts)
        let now = F.at("2026-11-24T09:00")
        func count(_ e: String) throws -> ExpressionValue {
            try F.value(e, customer: Self.blank, snapshot: snapshot, now: now)
        }
        #expect(try count("count_contacts(7d)") == .number(2))
        #expect(try count("count_contacts(1w)") == .number(2))
        #expect(try count("count_contacts(8d)") == .number(3))
        #expect(try count("count_contacts(1d)") == .number(1))
        #expect(try count("count_contacts(2h)") == .number(1))
        #expect(try count("contacts_count") == .number(3))
        #expect(try count("last_contact == null") == .bool(false))
        #expect(try count("days_since(last_contact)") == .number(0))
    }

    @Test("a rep's count_contacts and count_events count that rep's records in the window")
    func repCounts() throws {
        let reps = [Rep(id: "r1", name: "Li", team: "north"), Rep(id: "r2", name: "Wang", team: "north")]
        let contacts = (0..<5).map { Contact(customer: "C\($0)", rep: $0 < 3 ? "r1" : "r2", at: F.at("2026-11-2\($0)T10:00")) }
        let events = [
            EventRecord(rep: "r1", at: F.at("2026-11-02T08:40"), event: "late_greeting"),
            EventRecord(rep: "r1", at: F.at("2026-11-20T08:40"), event: "late_greeting"),
            EventRecord(rep: "r1", at: F.at("2026-11-21T08:40"), event: "floor_quarrel"),
            EventRecord(rep: "r2", at: F.at("2026-11-21T08:40"), event: "late_greeting"),
        ]
        let snapshot = Snapshot(reps: reps, contacts: contacts, events: events)
        let rule = F.rule(
            "count_contacts(7d) >= 3 and count_events(\"late_greeting\", 30d) == 2 and count_events(30d) == 3",
            for: .reps, notify: [.id("boss")])
        let notices = AlertEvaluator.evaluate(
            try CompiledAlert.compile(rule), snapshot: snapshot, at: F.at("2026-11-25T09:00"), zone: F.shanghai,
            locale: .en)
        #expect(notices.map(\.rep) == ["r1"])
        #expect(notices.first?.key == "alert/test-alert/r1")
        #expect(notices.first?.to == ["boss"])
    }
}
