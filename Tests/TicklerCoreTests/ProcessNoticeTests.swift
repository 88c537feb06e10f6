import Foundation
import Testing
import TicklerCore

@Suite struct ProcessNoticeTests {
    static let reps = [Rep(id: "R1", name: "Wang Fang", manager: "M1"), Rep(id: "M1", name: "Zhang Wei")]

    static func rules(_ body: String) throws -> Rules {
        try RulesParser.parse(
            "version: 1\ntimezone: Asia/Shanghai\nlocale: en\ncalendar: { office_hours: \"08:30-18:00\" }\n" + body,
            file: "r.yaml")
    }

    @Test("a plan missing at 09:00 reminds the rep, two hours later the manager too")
    func planLadder() throws {
        let rules = try Self.rules("""
            compliance:
              plan_by: "09:00"
              ladder: [{ after: 0h, notify: [rep] }, { after: 2h, notify: [rep, manager] }]
            """)
        let snapshot = Snapshot(reps: Self.reps)
        let early = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 10:00")).notices
        // Monday's missing plan is still shown on Tuesday, at its deepest step.
        #expect(early.filter { $0.kind == .compliance }.map(\.key).sorted() == ["compliance/R1/2026-11-23/plan/1", "compliance/R1/2026-11-24/plan/0"])
        let late = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 11:30")).notices
        let notice = try #require(late.first { $0.kind == .compliance && $0.date == Build.date("2026-11-24") })
        #expect(notice.key == "compliance/R1/2026-11-24/plan/1" && notice.to == ["R1", "M1"])
        #expect(notice.message(in: .zhHans) != notice.message, "a digest can render it in the reader's language")
    }

    @Test("approval waits are counted in office hours only")
    func approvalInWorkingHours() throws {
        let rules = try Self.rules("compliance: { approve_within: 4h }\n")
        let plan = ReportFiling(rep: "R1", date: Build.date("2026-11-23"), kind: .plan, filedAt: Build.at("2026-11-23 16:00"))
        let snapshot = Snapshot(reps: Self.reps, reports: [plan])
        // 16:00-18:00 Monday plus 08:30-10:00 Tuesday: 3.5 working hours, not yet late.
        #expect(Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 10:00")).notices.isEmpty)
        let notices = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 11:00")).notices
        #expect(notices.map(\.key) == ["compliance/R1/2026-11-23/approval/0"])
        // The approver must act: the reminder is the manager's, not the rep's.
        #expect(notices.first?.to == ["M1"] && notices.first?.rep == "M1")
    }

    @Test("a B customer is warned 5 days before its 45-day reclaim and reclaimed on the day")
    func reclaim() throws {
        let rules = try Self.rules("pool: { reclaim: { A: 30d, B: 45d }, warn_before: 5d }\n")
        let customer = Customer(id: "C1", name: "Acme", rep: "R1", class: "B")
        let snapshot = Snapshot(
            reps: Self.reps, customers: [customer], contacts: [Contact(customer: "C1", rep: "R1", at: Build.at("2026-10-01 10:00"))])
        let pool = try #require(rules.pool)
        let evaluator = PoolEvaluator(rule: pool, calendar: rules.calendar, zone: rules.zone, locale: .en)
        let resolver = RecipientResolver(snapshot: snapshot)
        #expect(evaluator.notices(snapshot, at: Build.at("2026-11-10 12:00"), resolver: resolver).isEmpty)
        let warning = evaluator.notices(snapshot, at: Build.at("2026-11-11 12:00"), resolver: resolver)
        #expect(warning.map(\.key) == ["reclaim/C1/2026-11-16/0"] && warning[0].to == ["R1"] && warning[0].days == 5)
        let reclaimed = evaluator.notices(snapshot, at: Build.at("2026-11-16 12:00"), resolver: resolver)
        #expect(reclaimed.map(\.key) == ["reclaim/C1/2026-11-16/1"] && reclaimed[0].to == ["R1", "M1"])
        #expect(reclaimed[0].message(in: .zhHant) != reclaimed[0].message, "a digest can render it in the reader's language")
        #expect(evaluator.reclaimed(snapshot, at: Build.at("2026-11-16 12:00")).map(\.customer.id) == ["C1"])
    }

    @Test("a passed close date and a probability unchanged for 3 weeks are flagged")
    func forecast() throws {
        let rules = try Self.rules("forecast: { goals: { R1: 100000 }, stale_after: 3w }\n")
        let customer = Customer(
            id: "C1", name: "Acme", rep: "R1", class: "A", status: .prospect, expectedAmount: 50000,
            closeDate: Build.date("2026-11-15"), probability: 60)
        let contacts = [
            Contact(customer: "C1", rep: "R1", at: Build.at("2026-10-01 10:00"), progress: 40),
            Contact(customer: "C1", rep: "R1", at: Build.at("2026-10-20 10:00"), progress: 40),
        ]
        let snapshot = Snapshot(reps: Self.reps, customers: [customer], contacts: contacts)
        let keys = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 10:00")).notices.map(\.key)
        #expect(keys == ["forecast/close/C1/2026-11-15", "forecast/stale/C1/2026-10-01"])
        let table = ForecastEvaluator.table(rules: rules, snapshot, today: Build.date("2026-11-24"))
        #expect(table.rows[0] == ["Wang Fang", "2026-11", "50000", "30000", "100000", "30%"])
    }

    @Test("Spring Festival and Mid-Autumn come from the Chinese calendar")
    func festivals() {
        #expect(ChineseFestivals.date(.springFestival, year: 2027) == Build.date("2027-02-06"))
        #expect(ChineseFestivals.date(.springFestival, year: 2026) == Build.date("2026-02-17"))
        #expect(ChineseFestivals.date(.midAutumn, year: 2026) == Build.date("2026-09-25"))
        #expect(ChineseFestivals.next(.midAutumn, onOrAfter: Build.date("2026-11-24")) == Build.date("2027-09-15"))
    }

    @Test("birthdays, anniversaries and churn risk of class A customers")
    func care() throws {
        let rules = try Self.rules("care: { before: 7d, churn_factor: 2, festivals: { spring_festival: 14d } }\n")
        let a = Customer(id: "C1", name: "Acme", rep: "R1", class: "A", birthday: Build.date("1980-11-30"), founded: Build.date("2010-11-26"))
        let b = Customer(id: "C2", name: "Beta", rep: "R1", class: "B", birthday: Build.date("1980-11-30"))
        let contacts = ["2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22"].map {
            Contact(customer: "C1", rep: "R1", at: Build.at("\($0) 10:00"))
        }
        let snapshot = Snapshot(reps: Self.reps, customers: [a, b], contacts: contacts)
        let keys = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 10:00")).notices.map(\.key).sorted()
        #expect(keys == ["care/anniversary/C1/2026-11-26", "care/birthday/C1/2026-11-30", "care/churn/C1/2026-09-22"])
        let festive = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2027-01-25 10:00")).notices.map(\.key)
        #expect(festive.contains("care/spring_festival/2027-02-06/R1"))
    }

    @Test("the 80/20 list is the fewest customers carrying 80% of the expected amount")
    func keyCustomers() {
        let amounts: [Decimal] = [500, 300, 100, 50, 50]
        let customers = amounts.enumerated().map {
            Customer(id: "C\($0.offset)", name: "N\($0.offset)", rep: "R1", class: "A", expectedAmount: $0.element)
        }
        #expect(CareEvaluator.keyCustomers(Snapshot(customers: customers)).map(\.0.id) == ["C0", "C1"])
    }

    @Test("new notice kinds have a real text in every locale", arguments: NoticeLocale.allCases)
    func texts(_ locale: NoticeLocale) {
        let day = Build.date("2026-11-24")
        let cases: [(NoticeKind, NoticeFacts)] = [
            (.compliance, .compliance(.init(form: .plan, repName: "Wang", date: day, minutesLate: 30))),
            (.forecast, .forecast(.init(customerName: "Acme", problem: .close(date: day, daysPast: 3)))),
            (.reclaim, .reclaim(.init(customerName: "Acme", customerClass: "B", reclaimDate: day, daysLeft: 2))),
            (.care, .care(.init(customerName: "Acme", occasion: .birthday(date: day, inDays: 3)))),
            (.report, .report(.init(title: "R", contacts: 3, newCustomers: 1))),
        ]
        for (kind, facts) in cases {
            let text = NoticeText.render(kind, facts, locale: locale)
            #expect(!text.hasPrefix(kind.rawValue + ":"), "\(kind) in \(locale): \(text)")
        }
    }
}
