import Foundation
import Testing
import TicklerCore

@Suite struct ExpressionAlertTests {
    typealias F = ExpressionFixture

    static let reps = [
        Rep(id: "r1", name: "Zhāng Wěi", manager: "m1", team: "north"),
        Rep(id: "m1", name: "Kovács Éva", team: "north"),
    ]

    /// The SPEC's example alert, as the rules parser hands it over.
    static let staleProposal = F.rule(
        "status == \"prospect\" and days_since(last_contact) > 10",
        message: "{customer.name}: proposal sent, no contact for {days_since_last_contact} days",
        name: "stale-proposal")

    static func store(extra: [Contact] = []) -> Snapshot {
        let customers = [
            Customer(id: "C1", name: "北京盛世贸易", rep: "r1", class: "A", status: .prospect),
            Customer(id: "C2", name: "Fresh", rep: "r1", class: "A", status: .prospect),
            Customer(id: "C3", name: "Never called", rep: "r1", class: "B", status: .prospect),
            Customer(id: "C4", name: "Old lead", rep: "r1", class: "C", status: .lead),
        ]
        let contacts = [
            Contact(customer: "C1", rep: "r1", at: F.at("2026-11-10T15:00")),
            Contact(customer: "C1", rep: "r1", at: F.at("2026-11-12T16:20")),
            Contact(customer: "C2", rep: "r1", at: F.at("2026-11-20T10:00")),
            Contact(customer: "C4", rep: "r1", at: F.at("2026-10-01T10:00")),
        ]
        return Snapshot(reps: reps, customers: customers, contacts: contacts + extra)
    }

    @Test("the SPEC example: a prospect without contact for more than 10 days notifies its rep")
    func specExample() throws {
        let alert = try CompiledAlert.compile(Self.staleProposal)
        let notices = AlertEvaluator.evaluate(
            alert, snapshot: Self.store(), at: F.at("2026-11-24T09:00"), zone: F.shanghai, locale: .zhHans)
        #expect(notices.count == 1)
        let notice = try #require(notices.first)
        #expect(notice.kind == .alert)
        #expect(notice.rule == "stale-proposal")
        #expect(notice.rep == "r1")
        #expect(notice.customer == "C1")
        #expect(notice.to == ["r1"])
        #expect(notice.key == "alert/stale-proposal/C1/2026-11-12")
        #expect(notice.message == "北京盛世贸易: proposal sent, no contact for 12 days")
        #expect(notice.source == "customers:0")
    }

    @Test("keys are the same across runs and change when a new contact arrives")
    func keyStability() throws {
        let alert = try CompiledAlert.compile(Self.staleProposal)
        let morning = AlertEvaluator.evaluate(
            alert, snapshot: Self.store(), at: F.at("2026-11-24T09:00"), zone: F.shanghai, locale: .en)
        let evening = AlertEvaluator.evaluate(
            alert, snapshot: Self.store(), at: F.at("2026-11-24T19:00"), zone: F.shanghai, locale: .en)
        #expect(morning.map(\.key) == evening.map(\.key))
        #expect(morning == evening)

        // The rep calls on the 14th (recorded late); twelve days on, the alert is new again.
        let called = Self.store(extra: [Contact(customer: "C1", rep: "r1", at: F.at("2026-11-14T11:00"))])
        let later = AlertEvaluator.evaluate(
            alert, snapshot: called, at: F.at("2026-11-26T09:00"), zone: F.shanghai, locale: .en)
        #expect(later.map(\.key) == ["alert/stale-proposal/C1/2026-11-14"])
        #expect(Set(later.map(\.key)).isDisjoint(with: morning.map(\.key)))
    }

    @Test("a birthday alert gets a new key every year even without a new contact")
    func birthdayKeys() throws {
        let alert = try CompiledAlert.compile(F.rule("class == \"A\" and days_until(birthday) == 0", name: "birthday"))
        var customer = Customer(id: "K1", name: "Key", rep: "r1", class: "A")
        customer.birthday = F.day("1970-12-31")
        let snapshot = Snapshot(reps: Self.reps, customers: [customer])
        let keys = ["2026-12-31T09:00", "2027-12-31T09:00", "2027-12-30T09:00"].map {
            AlertEvaluator.evaluate(alert, snapshot: snapshot, at: F.at($0), zone: F.shanghai, locale: .en).map(\.key)
        }
        #expect(keys == [["alert/birthday/K1/none/2026-12-31"], ["alert/birthday/K1/none/2027-12-31"], []])
    }

    @Test("a message renders qualified, derived and linked fields, with missing values as '-'")
    func templateRendering() throws {
        let rule = F.rule(
            "true",
            message: "{customer.name} ({name}) of {rep.name}/{manager.name}, team {rep.team}: "
                + "{days_since_last_contact} days, {contacts_count} contacts, last {last_contact}, phone {phone}, "
                + "{{literal}} {expected_amount * 2}",
            notify: [.rep, .manager, .id("m1"), .id("audit")])
        var customer = Customer(id: "C9", name: "Ünőke Kft.", rep: "r1", class: "A")
        customer.expectedAmount = Decimal(string: "1000.25")
        let snapshot = Snapshot(
            reps: Self.reps, customers: [customer],
            contacts: [Contact(customer: "C9", rep: "r1", at: F.at("2026-11-20T14:05"))])
        let notice = try #require(
            AlertEvaluator.evaluate(
                try CompiledAlert.compile(rule), snapshot: snapshot, at: F.at("2026-11-24T09:00"), zone: F.shanghai,
                locale: .hu
            ).first)
        #expect(
            notice.message
                == "Ünőke Kft. (Ünőke Kft.) of Zhāng Wěi/Kovács Éva, team north: 4 days, 1 contacts, "
                + "last 2026-11-20 14:05, phone -, {literal} 2000.5")
        #expect(notice.to == ["r1", "m1", "audit"])
    }

    @Test(
        "without a message the notice names the alert and the subject in the rules' locale",
        arguments: [
            (NoticeLocale.en, "Alert \u{201C}test-alert\u{201D}: customer Old lead (C4)"),
            (.hu, "\u{201E}test-alert\u{201D} riasztás: ügyfél Old lead (C4)"),
            (.zhHant, "提醒「test-alert」：客戶 Old lead（C4）"),
        ])
    func defaultMessage(locale: NoticeLocale, text: String) throws {
        let alert = try CompiledAlert.compile(F.rule("status == \"lead\""))
        let notices = AlertEvaluator.evaluate(
            alert, snapshot: Self.store(), at: F.at("2026-11-24T09:00"), zone: F.shanghai, locale: locale)
        #expect(notices.map(\.message) == [text])
    }

    @Test("contacts, events and attendance alerts key by their natural key and skip records after now")
    func otherSubjects() throws {
        let snapshot = Snapshot(
            reps: Self.reps,
            customers: [Customer(id: "C1", name: "Acme", rep: "r1", class: "A")],
            contacts: [
                Contact(customer: "C1", rep: "r1", at: F.at("2026-11-23T10:00"), progress: 90),
                Contact(customer: "C1", rep: "r1", at: F.at("2026-11-25T10:00"), progress: 95),
            ],
            attendance: [AttendanceRecord(rep: "r1", date: F.day("2026-11-24"), checkIn: TimeOfDay(parsing: "08:52"))],
            events: [EventRecord(rep: "r1", at: F.at("2026-11-24T08:40"), event: "floor_quarrel", customer: "C1")])
        let now = F.at("2026-11-24T09:00")
        func run(_ when: String, _ subject: AlertRule.Subject, message: String? = nil) throws -> [Notice] {
            AlertEvaluator.evaluate(
                try CompiledAlert.compile(F.rule(when, for: subject, message: message, notify: [.manager])),
                snapshot: snapshot, at: now, zone: F.shanghai, locale: .en)
        }
        let contact = try run("progress >= 90 and customer.class == \"A\"", .contacts, message: "{customer.name} {at}")
        #expect(contact.map(\.key) == ["alert/test-alert/r1/2026-11-23T02:00:00Z/C1"])
        #expect(contact.first?.message == "Acme 2026-11-23 10:00")
        #expect(contact.first?.customer == "C1")
        #expect(contact.first?.to == ["m1"])
        let late = try run("check_in > \"08:40\" and not excused", .attendance, message: "{rep.name} {check_in}")
        #expect(late.map(\.key) == ["alert/test-alert/r1/2026-11-24"])
        #expect(late.first?.message == "Zhāng Wěi 08:52")
        #expect(late.first?.date == F.day("2026-11-24"))
        let quarrel = try run("event == \"floor_quarrel\"", .events, message: "{customer.name}: {note}")
        #expect(quarrel.map(\.key) == ["alert/test-alert/r1/2026-11-24T00:40:00Z/floor_quarrel"])
        #expect(quarrel.first?.message == "Acme: -")
    }
}

@Suite struct ExpressionRulesFileTests {
    @Test("alerts read by the rules parser compile, and errors point into the rules file")
    func throughTheParser() throws {
        let text = """
            version: 1
            timezone: Asia/Shanghai
            alerts:
              - name: stale-proposal
                for: customers
                when: status == "prospect" and days_since(last_contact) > 10
                notify: [rep]
                message: "{customer.name}: proposal sent, no contact for {days_since_last_contact} days"
              - name: typo
                for: customers
                when: 'status == "prospect" and dayz_since(last_contact) > 10'
            """
        do {
            _ = try RulesParser.parse(text, file: "rules.yaml")
            Issue.record("a misspelt function passed the rules parser")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.description.hasPrefix("rules.yaml:11:37: unknown function 'dayz_since'; did you mean 'days_since'?"))
        }
        let valid = try RulesParser.parse(text.components(separatedBy: "\n  - name: typo")[0], file: "rules.yaml")
        #expect(valid.compiledAlerts.map(\.rule.name) == ["stale-proposal"])
    }
}
