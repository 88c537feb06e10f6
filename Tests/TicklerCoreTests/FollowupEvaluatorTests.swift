import Foundation
import Testing
import TicklerCore

@Suite struct FollowupEvaluatorTests {
    let rules = Build.rules()

    func evaluate(_ customers: [Customer], _ contacts: [Contact] = [], at: String) -> [Notice] {
        Evaluator(rules: rules).evaluate(
            Snapshot(reps: Build.reps, customers: customers, contacts: contacts), at: Build.at(at)
        ).notices.filter { $0.rule == "followup" }
    }

    func customerA(_ id: String = "A1", status: CustomerStatus? = .customer, next: String? = nil) -> Customer {
        Customer(
            id: id, name: "王芳贸易", rep: "R1", class: "A", status: status,
            nextContact: next.map(Build.date))
    }

    func contact(_ customer: String = "A1", _ at: String) -> Contact {
        Contact(customer: customer, rep: "R1", at: Build.at(at))
    }

    @Test(
        "a class A customer's overdue level follows the ladder by whole days past due",
        arguments: [
            ("2026-11-17", nil as Int?, nil as NoticeKind?),  // contacted today: not due
            ("2026-11-11", nil, .dueSoon),  // due tomorrow (11-18)
            ("2026-11-10", nil, .dueSoon),  // due today
            ("2026-11-09", 0, .overdue),  // 1 day past due
            ("2026-11-08", 0, .overdue),  // 2 days
            ("2026-11-07", 1, .overdue),  // 3 days: the 3d step
            ("2026-11-04", 1, .overdue),  // 6 days
            ("2026-11-03", 2, .overdue),  // 7 days: the 7d step with its penalty
            ("2026-09-01", 2, .overdue),
        ])
    func ladder(lastContact: String, level: Int?, kind: NoticeKind?) {
        let notices = evaluate([customerA()], [contact("A1", lastContact + " 15:00")], at: "2026-11-17 09:00")
        #expect(notices.first?.kind == kind)
        #expect(notices.first?.level == level)
    }

    @Test("a class A customer contacted 10 days ago is overdue at level 1 and goes to rep and manager")
    func recipientsAndKey() throws {
        let notices = evaluate([customerA()], [contact("A1", "2026-11-07 10:00")], at: "2026-11-17 09:00")
        let notice = try #require(notices.first)
        #expect(notice.key == "overdue/A1/2026-11-14/1")
        #expect(notice.due == Build.date("2026-11-14"))
        #expect(notice.days == 3)
        #expect(notice.to == ["R1", "M1"])
        #expect(notice.fine == nil)
        #expect(notice.message.contains("王芳贸易"))
    }

    @Test("the 7d step carries its fine and points into the ledger once, keyed like the notice")
    func penaltyStep() throws {
        let evaluation = Evaluator(rules: rules).evaluate(
            Snapshot(reps: Build.reps, customers: [customerA()], contacts: [contact("A1", "2026-11-01 10:00")]),
            at: Build.at("2026-11-17 09:00"))
        let notice = try #require(evaluation.notices.first)
        #expect(notice.level == 2 && notice.fine == 10 && notice.points == 5)
        #expect(evaluation.ledger.map(\.key) == [notice.key])
        #expect(evaluation.ledger.first?.date == Build.date("2026-11-15"))
    }

    @Test("a customer with no contact is due registration + cadence")
    func registration() {
        var customer = customerA()
        customer.class = "B"
        customer.registeredAt = Build.at("2026-11-01 16:00")
        let notices = evaluate([customer], at: "2026-11-14 09:00")
        #expect(notices.map(\.key) == ["due_soon/A1/2026-11-15"])
    }

    @Test("a customer with neither contact nor registration nor next_contact gets nothing")
    func noBasis() {
        #expect(evaluate([customerA()], at: "2026-11-14 09:00").isEmpty)
    }

    @Test("dead leads follow the yearly status cadence, not their class")
    func deadLead() {
        let dead = customerA(status: .dead)
        let contacts = [contact("A1", "2025-11-20 10:00")]
        #expect(evaluate([dead], contacts, at: "2026-11-17 09:00").isEmpty)
        #expect(evaluate([dead], contacts, at: "2026-11-19 09:00").map(\.kind) == [.dueSoon])
        #expect(evaluate([dead], contacts, at: "2026-11-21 09:00").map(\.key) == ["overdue/A1/2026-11-20/0"])
    }

    @Test("an earlier next_contact makes the customer scheduled on that date, then overdue from it")
    func nextContact() {
        let customer = customerA(next: "2026-11-12")
        let contacts = [contact("A1", "2026-11-09 10:00")]
        #expect(evaluate([customer], contacts, at: "2026-11-11 09:00").map(\.key) == ["scheduled/A1/2026-11-12"])
        #expect(evaluate([customer], contacts, at: "2026-11-13 09:00").map(\.key) == ["overdue/A1/2026-11-12/0"])
    }

    @Test("a later next_contact does not postpone the cadence, and a contact after it fulfils it")
    func nextContactLaterOrFulfilled() {
        let later = customerA(next: "2026-12-30")
        #expect(
            evaluate([later], [contact("A1", "2026-11-09 10:00")], at: "2026-11-16 09:00").map(\.key) == [
                "due_soon/A1/2026-11-16"
            ])
        let fulfilled = customerA(next: "2026-11-10")
        #expect(evaluate([fulfilled], [contact("A1", "2026-11-10 18:00")], at: "2026-11-12 09:00").isEmpty)
    }

    @Test("a due date on a weekend or holiday moves to the next working day")
    func workingDays() throws {
        var rules = Build.rules()
        rules.calendar = BusinessCalendar(holidays: [Build.date("2026-10-01"), Build.date("2026-10-02")])
        // Contacted Thu 2026-09-24; +7d = Thu 10-01 (holiday) -> Fri 10-02 (holiday) -> Mon 10-05.
        let snapshot = Snapshot(reps: Build.reps, customers: [customerA()], contacts: [contact("A1", "2026-09-24 10:00")])
        let notices = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-10-06 09:00")).notices
        #expect(notices.map(\.key) == ["overdue/A1/2026-10-05/0"])
        let evaluator = FollowupEvaluator(rule: rules.followup!, calendar: rules.calendar, zone: rules.zone)
        let status = try evaluator.status(
            of: customerA(), lastContact: Build.at("2026-09-24 10:00"), today: Build.date("2026-10-06")
        ).get()
        #expect(status.movedFrom == Build.date("2026-10-01"))
    }

    @Test("the local date of a contact is taken in the rules' zone, not UTC")
    func timezone() {
        // 2026-11-09T17:30Z is 01:30 on 2026-11-10 in Shanghai: due 11-17, so only due_soon on the 17th.
        let contacts = [Contact(customer: "A1", rep: "R1", at: Date(timeIntervalSince1970: 1_794_245_400))]
        #expect(Build.zone().localDate(contacts[0].at) == Build.date("2026-11-10"))
        #expect(evaluate([customerA()], contacts, at: "2026-11-17 23:59").map(\.kind) == [.dueSoon])
        #expect(evaluate([customerA()], contacts, at: "2026-11-18 00:00").map(\.kind) == [.overdue])
    }

    @Test("across the autumn DST change a 7d cadence still lands on the same weekday")
    func daylightSaving() {
        let rules = Build.rules(zone: "Europe/Budapest")
        let zone = rules.zone
        // Budapest leaves DST on 2026-10-25 03:00; contact late Saturday evening before it.
        let contact = Contact(customer: "A1", rep: "R1", at: Build.at("2026-10-24 23:30", zone))
        let snapshot = Snapshot(reps: Build.reps, customers: [customerA()], contacts: [contact])
        let onDue = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-10-31 23:59", zone)).notices
        #expect(onDue.map(\.key) == ["due_soon/A1/2026-10-31"])
        let after = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-01 00:00", zone)).notices
        #expect(after.map(\.key) == ["overdue/A1/2026-10-31/0"])
    }

    @Test("keys are the same at every tick of a day and across days at the same level")
    func keyStability() {
        let contacts = [contact("A1", "2026-11-07 10:00")]
        let morning = evaluate([customerA()], contacts, at: "2026-11-17 09:00").map(\.key)
        let evening = evaluate([customerA()], contacts, at: "2026-11-17 21:00").map(\.key)
        let nextDay = evaluate([customerA()], contacts, at: "2026-11-18 09:00").map(\.key)
        #expect(morning == evening)
        #expect(morning == nextDay)
        #expect(evaluate([customerA()], contacts, at: "2026-11-21 09:00").map(\.key) == ["overdue/A1/2026-11-14/2"])
    }
}
