import Foundation
import Testing
import TicklerCore

/// Issue 17 item 2 (sales against goals per month and quarter and a year earlier; the
/// forecast counts prospects, not leads) and item 6's shared sale (业绩分半).
@Suite struct SalesTests {
    static let zone = Zone(identifier: "Europe/Budapest")!

    static func rules(_ extra: String = "") throws(DiagnosticsError) -> Rules {
        try RulesParser.parse(
            """
            version: 1
            timezone: Europe/Budapest
            locale: en
            sales:
              goals:
                month: { K1: 1000, K2: 1000 }
                quarter: { K1: 2500 }
              reward: { points: 10, bonus: 100 }
            reports:
              - { name: monthly, every: "1 08:00", period: month, show: [sales], to: [managers] }
              - { name: quarterly, every: "1 08:00", period: quarter, show: [sales], to: [managers] }
            """ + extra, file: "r.yaml")
    }

    static func snapshot() -> Snapshot {
        func sale(_ rep: String, _ at: String, _ amount: Decimal, shared: String? = nil) -> Contact {
            Contact(customer: "U1", rep: rep, at: Build.at(at, zone), outcome: "won", amount: amount, sharedWith: shared)
        }
        let contacts = [
            sale("K1", "2025-11-10 10:00", 800),
            sale("K1", "2026-10-05 10:00", 1200),
            sale("K1", "2026-11-03 10:00", 600),
            sale("K1", "2026-11-20 10:00", 400),
            sale("K2", "2026-11-12 10:00", 1000, shared: "K1"),  // 业绩分半: 500 each
            Contact(customer: "U1", rep: "K2", at: Build.at("2026-11-13 10:00", zone)),
        ]
        let reps = [Rep(id: "V1", name: "Nagy Péter"), Rep(id: "K1", name: "Kovács Anna", manager: "V1"), Rep(id: "K2", name: "Tóth Gábor", manager: "V1")]
        return Snapshot(reps: reps, customers: [Customer(id: "U1", name: "Szabó Kft.", rep: "K1", class: "A")], contacts: contacts)
    }

    @Test("the month's sales against the goal and November a year earlier; a shared sale counts half for each")
    func monthTable() throws {
        let rules = try Self.rules()
        let report = ReportBuilder(rules: rules).report(rules.reports[0], Self.snapshot(), at: Build.at("2026-12-01 08:00", Self.zone))
        let table = try #require(report.tables.first)
        #expect(table.columns == ["Rep", "Sales", "Goal", "Attainment", "Same period last year", "Change"])
        #expect(table.rows == [
            ["Kovács Anna", "1500", "1000", "150%", "800", "+88%"],
            ["Tóth Gábor", "500", "1000", "50%", "0", ""],
            ["Total", "2000", "2000", "100%", "800", "+150%"],
        ])
    }

    @Test("the quarter's sales against the quarterly goal")
    func quarterTable() throws {
        let rules = try Self.rules()
        let report = ReportBuilder(rules: rules).report(rules.reports[1], Self.snapshot(), at: Build.at("2027-01-01 08:00", Self.zone))
        let table = try #require(report.tables.first)
        #expect(table.rows[0] == ["Kovács Anna", "2700", "2500", "108%", "800", "+238%"])
        #expect(table.rows[1] == ["Tóth Gábor", "500", "", "", "0", ""])
    }

    @Test("a goal reached in a month that closed earns the sales reward once")
    func goalReward() throws {
        let notices = Evaluator(rules: try Self.rules()).evaluate(Self.snapshot(), at: Build.at("2026-12-01 09:00", Self.zone)).notices
        let rewards = notices.filter { $0.kind == .reward }
        #expect(rewards.map(\.key) == ["reward/sales/month/K1/2026-11"])
        #expect(rewards.first?.message == "Kovács Anna reached the monthly sales goal in November: 1500 of 1000. Reward: +10 points, bonus 100.")
    }

    @Test("a sales reward is given on the first day after the goal period and counts in that day's scoring period")
    func goalRewardInScore() throws {
        let rules = try Self.rules("\nscoring: { start: 100, period: month, warn_below: 100, notify: [manager] }\n")
        let evaluation = Evaluator(rules: rules).evaluate(Self.snapshot(), at: Build.at("2026-12-01 09:00", Self.zone))
        #expect(evaluation.ledger.first { $0.key == "reward/sales/month/K1/2026-11" }?.date == Build.date("2026-12-01"))
        let scoring = try #require(rules.scoring)
        // On the day it is given, and later in December in a bare eval (no daemon ledger).
        for at in ["2026-12-01 09:00", "2026-12-15 09:00"] {
            let now = Build.at(at, Self.zone)
            let cut = Self.snapshot().asOf(now, zone: Self.zone)
            let evaluator = Evaluator(rules: rules)
            let scores = ScoreEvaluator(rule: scoring, locale: .en).scores(
                ledger: evaluator.periodCharges(
                    scoring, cut, since: Self.zone.startOfDay(now), now: now, resolver: RecipientResolver(snapshot: cut),
                    fresh: evaluator.evaluate(Self.snapshot(), at: now).ledger),
                reps: QuotaEvaluator.reps(in: cut), today: Self.zone.localDate(now))
            #expect(scores.first { $0.rep == "K1" }?.points == 110, "\(at)")
        }
        // November's score does not: the goal was not reached until November was over.
        let november = Evaluator(rules: rules).evaluate(Self.snapshot(), at: Build.at("2026-11-30 18:00", Self.zone))
        #expect(!november.notices.contains { $0.key == "reward/sales/month/K1/2026-11" })
    }

    @Test(
        "a sales reward says the goal and the period in the glossary's words",
        arguments: [
            (NoticeLocale.es, "Kovács Anna alcanzó el objetivo de ventas mensual en noviembre: 1500 de 1000. Recompensa: +10 puntos, prima de 100."),
            (.hu, "Kovács Anna novemberben elérte a havi értékesítési célt: 1500 (cél: 1000). Jutalom: +10 pont, prémium 100."),
            (.zhHans, "Kovács Anna 11月已达成月度销售目标：1500（目标 1000）。奖励：加 10 分，奖金 100 元。"),
            (.zhHant, "Kovács Anna 11月已達成月度銷售目標：1500（目標 1000）。獎勵：加 10 分，獎金 100 元。"),
        ])
    func goalRewardTexts(_ locale: NoticeLocale, _ expected: String) {
        let facts = NoticeFacts.Reward(
            repName: "Kovács Anna", reason: .goal(name: "month", actual: "1500", goal: "1000"), period: "2026-11", points: 10,
            bonus: 100)
        #expect(NoticeText.render(.reward, .reward(facts), locale: locale) == expected)
    }

    @Test("the forecast counts prospects, and leads only with include_leads")
    func forecastLeads() throws {
        let base = "version: 1\ntimezone: Europe/Budapest\nforecast: { goals: { K1: 1000 } }\n"
        let customers = [
            Customer(id: "P", name: "P", rep: "K1", class: "A", status: .prospect, expectedAmount: 1000, closeDate: Build.date("2026-11-30"), probability: 50),
            Customer(id: "L", name: "L", rep: "K1", class: "A", status: .lead, expectedAmount: 4000, closeDate: Build.date("2026-11-30"), probability: 50),
        ]
        let snapshot = Snapshot(reps: [Rep(id: "K1", name: "Anna")], customers: customers)
        let prospects = ForecastEvaluator.table(rules: try RulesParser.parse(base, file: "r.yaml"), snapshot, today: Build.date("2026-11-24"))
        #expect(prospects.rows[0][2] == "1000")
        let withLeads = try RulesParser.parse(base.replacingOccurrences(of: "} }", with: "}, include_leads: true }"), file: "r.yaml")
        #expect(ForecastEvaluator.table(rules: withLeads, snapshot, today: Build.date("2026-11-24")).rows[0][2] == "5000")
    }

    @Test("a shared sale naming an unknown rep, or the contact's own rep, is skipped with the reason")
    func sharingChecks() {
        let reps = [Rep(id: "K1", name: "A"), Rep(id: "K2", name: "B")]
        let customers = [Customer(id: "U1", name: "U", rep: "K1", class: "A")]
        let contacts = [
            Contact(customer: "U1", rep: "K1", at: Build.at("2026-11-03 10:00"), amount: 10, sharedWith: "K3", origin: RecordOrigin(file: "contacts.jsonl", line: 1)),
            Contact(customer: "U1", rep: "K1", at: Build.at("2026-11-03 10:00"), amount: 10, sharedWith: "K1", origin: RecordOrigin(file: "contacts.jsonl", line: 2)),
            Contact(customer: "U1", rep: "K1", at: Build.at("2026-11-03 10:00"), amount: 10, sharedWith: "K2", origin: RecordOrigin(file: "contacts.jsonl", line: 3)),
        ]
        let (snapshot, problems) = StoreIntegrity.snapshot(
            reps: reps, customers: customers, contacts: contacts, attendance: [], events: [], reports: [],
            location: { SourceLocation(file: $0.file, line: $0.line) })
        #expect(snapshot.contacts.count == 1)
        let messages = problems.map(\.message)
        #expect(messages.contains { $0.contains("'shared_with': rep 'K3' is not in the store's reps") })
        #expect(messages.contains { $0.contains("'shared_with' names the contact's own rep 'K1'") })
    }

    @Test("sales problems in the rules are reported at their place")
    func parsing() {
        do {
            _ = try RulesParser.parse("version: 1\ntimezone: UTC\nsales: { goals: { monthly: { K1: 10 }, quarter: { K1: 40.000 } } }\n", file: "r.yaml")
            Issue.record("accepted")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains { $0.hasPrefix("unknown key 'monthly' in 'goals'; did you mean 'month'?") })
            #expect(messages.contains { $0.hasPrefix("the quarter goal of K1 ") })
        }
    }
}
