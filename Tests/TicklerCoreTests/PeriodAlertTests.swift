import Foundation
import Testing
import TicklerCore

/// Issue 17 item 5: a rep alert that fires once per period (seed 001's incentives, seed 002's
/// month-end corrective action), with ratios and counts by outcome.
@Suite struct PeriodAlertTests {
    static func rules(_ alert: String) throws(DiagnosticsError) -> Rules {
        try RulesParser.parse("version: 1\ntimezone: Europe/Madrid\nlocale: es\nalerts:\n" + alert, file: "r.yaml")
    }

    static let zone = Zone(identifier: "Europe/Madrid")!

    /// Seed 002's rep in small: 3 opportunities in November, 2 closed, in 6 contacts; V2 made
    /// 4 contacts with one customer and closed nothing.
    static func snapshot() -> Snapshot {
        func at(_ text: String) -> Date { Build.at(text, zone) }
        let customers = ["P1", "P2", "P3", "Q1"].map {
            Customer(id: $0, name: $0, rep: $0 == "Q1" ? "V2" : "V1", class: "A", status: .prospect)
        }
        let contacts = [
            Contact(customer: "P1", rep: "V1", at: at("2026-11-03 10:00")),
            Contact(customer: "P1", rep: "V1", at: at("2026-11-10 10:00"), outcome: "won"),
            Contact(customer: "P2", rep: "V1", at: at("2026-11-04 10:00")),
            Contact(customer: "P2", rep: "V1", at: at("2026-11-18 10:00"), outcome: "Won"),
            Contact(customer: "P3", rep: "V1", at: at("2026-11-05 10:00")),
            Contact(customer: "P3", rep: "V1", at: at("2026-11-25 10:00"), outcome: "lost"),
            Contact(customer: "Q1", rep: "V2", at: at("2026-11-02 10:00")),
            Contact(customer: "Q1", rep: "V2", at: at("2026-11-09 10:00")),
            Contact(customer: "Q1", rep: "V2", at: at("2026-11-16 10:00")),
            Contact(customer: "Q1", rep: "V2", at: at("2026-11-23 10:00")),
            Contact(customer: "P1", rep: "V1", at: at("2026-12-02 10:00"), outcome: "won"),
        ]
        return Snapshot(reps: [Rep(id: "J1", name: "Jefa"), Rep(id: "V1", name: "Lucía", manager: "J1"), Rep(id: "V2", name: "Pablo", manager: "J1")], customers: customers, contacts: contacts)
    }

    static func alerts(_ rules: Rules, at text: String) -> [Notice] {
        Evaluator(rules: rules).evaluate(snapshot(), at: Build.at(text, zone)).notices.filter { $0.kind == .alert }
    }

    @Test("a month-end review judges the month that ended by closes per opportunity, once per rep and month")
    func monthEnd() throws {
        let rules = try Self.rules(
            "  - { name: cierre-bajo, for: reps, every: month, closed: true, notify: [manager],\n"
                + "      when: 'period_contacts() > 0 and period_closes() / period_opportunities() < 0.5' }\n")
        let notices = Self.alerts(rules, at: "2026-12-01 09:00")
        #expect(notices.map(\.key) == ["alert/cierre-bajo/V2/2026-11"])
        #expect(notices.first?.to == ["J1"])
        // V1 closed 2 of 3 opportunities (67%), though only 2 of 6 contacts (33%): no alert.
        let perContact = try Self.rules(
            "  - { name: por-contacto, for: reps, every: month, closed: true,\n"
                + "      when: 'period_closes() / period_contacts() < 0.5' }\n")
        #expect(Self.alerts(perContact, at: "2026-12-01 09:00").map(\.key) == [
            "alert/por-contacto/V1/2026-11", "alert/por-contacto/V2/2026-11",
        ])
    }

    @Test("an incentive fires in the period it is reached, counting contacts by outcome, and again the next period")
    func incentive() throws {
        let rules = try Self.rules(
            "  - { name: premio, for: reps, every: month, when: 'period_contacts(\"won\") >= 2',\n"
                + "      message: '{name}: {period_contacts(\"won\")} cierres este mes' }\n")
        #expect(Self.alerts(rules, at: "2026-11-17 12:00").isEmpty)
        let reached = Self.alerts(rules, at: "2026-11-18 12:00")
        #expect(reached.map(\.key) == ["alert/premio/V1/2026-11"])
        #expect(reached.first?.message == "Lucía: 2 cierres este mes")
        #expect(Self.alerts(rules, at: "2026-12-20 12:00").isEmpty)
    }

    @Test("a rep with no opportunities in the period has no ratio: the comparison is false")
    func divisionByZero() throws {
        let rules = try Self.rules("  - { name: r, for: reps, every: week, when: 'period_closes() / period_opportunities() < 1' }\n")
        #expect(Self.alerts(rules, at: "2026-12-28 09:00").isEmpty)
    }

    @Test("period functions need every and for: reps; every needs for: reps; closed needs every")
    func mistakes() {
        func messages(_ alert: String) -> [String] {
            do {
                _ = try Self.rules(alert)
                return []
            } catch {
                return error.diagnostics.map { "\($0.location.line):\($0.location.column ?? 0): \($0.message)" }
            }
        }
        #expect(messages("  - { name: a, for: reps, when: 'period_closes() > 1' }\n").contains {
            $0.hasPrefix("5:34: period_closes() counts within the alert's period: it needs 'for: reps' and 'every: week'")
        })
        #expect(messages("  - { name: a, for: customers, every: month, when: 'true' }\n").contains {
            $0.hasPrefix("5:39: 'every' makes an alert fire once per rep and period, so it needs 'for: reps'")
        })
        #expect(messages("  - { name: a, for: reps, closed: true, when: 'true' }\n").contains {
            $0.hasPrefix("5:35: 'closed' judges the period that just ended")
        })
        #expect(messages("  - { name: a, for: reps, every: monthly, when: 'true' }\n").contains {
            $0.hasPrefix("5:34: unknown period 'monthly'; did you mean 'month'?")
        })
        #expect(messages("  - { name: a, for: reps, every: month, when: 'period_contacts(won) > 1' }\n").contains {
            $0.contains("period_contacts takes an outcome in quotes")
        })
    }
}
