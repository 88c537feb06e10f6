import Foundation
import Testing
import TicklerCore

/// Issue 17 item 4: customers carry a `source`; reports show the right numbers and the
/// close ratio per source (seeds 000 and 002).
@Suite struct LeadSourceTests {
    static let yaml = """
        version: 1
        timezone: Europe/Madrid
        locale: es
        lead_sources:
          - { name: feria, label: { es: Feria comercial, en: Trade fair } }
          - internet
          - referido
        reports:
          - { name: mensual, every: "1 09:00", period: month, show: [sources], to: [managers] }
        """

    static func snapshot(internetSource: String = "internet") -> Snapshot {
        let zone = Zone(identifier: "Europe/Madrid")!
        func at(_ text: String) -> Date { Build.at(text, zone) }
        let customers = [
            Customer(id: "F1", name: "Uno", rep: "V1", class: "A", status: .prospect, registeredAt: at("2026-11-03 10:00"), source: "feria"),
            Customer(id: "F2", name: "Dos", rep: "V1", class: "A", status: .prospect, registeredAt: at("2026-11-03 11:00"), source: "feria"),
            Customer(id: "I1", name: "Tres", rep: "V1", class: "B", status: .lead, registeredAt: at("2026-10-20 10:00"), source: internetSource),
            Customer(id: "N1", name: "Cuatro", rep: "V1", class: "C", status: .customer),
        ]
        var contacts: [Contact] = []
        // Feria: 2 opportunities, one closed after 3 contacts; 4 contacts in all.
        for day in ["04", "10", "17"] { contacts.append(Contact(customer: "F1", rep: "V1", at: at("2026-11-\(day) 10:00"))) }
        contacts[2].outcome = "won"
        contacts.append(Contact(customer: "F2", rep: "V1", at: at("2026-11-05 10:00")))
        // Internet: one opportunity, 2 contacts, no close.
        contacts.append(Contact(customer: "I1", rep: "V1", at: at("2026-11-06 10:00")))
        contacts.append(Contact(customer: "I1", rep: "V1", at: at("2026-11-20 10:00")))
        // No source: one contact, closed. A contact in October does not count.
        contacts.append(Contact(customer: "N1", rep: "V1", at: at("2026-11-12 10:00"), outcome: "won"))
        contacts.append(Contact(customer: "N1", rep: "V1", at: at("2026-10-12 10:00"), outcome: "won"))
        let reps = [Rep(id: "J1", name: "Carmen"), Rep(id: "V1", name: "Lucía", manager: "J1")]
        return Snapshot(reps: reps, customers: customers, contacts: contacts)
    }

    @Test("the sources table counts new customers, contacts, opportunities and closes per source, with both ratios")
    func table() throws {
        let rules = try RulesParser.parse(Self.yaml, file: "r.yaml")
        let report = ReportBuilder(rules: rules).report(
            rules.reports[0], Self.snapshot(), at: Build.at("2026-12-01 09:00", Zone(identifier: "Europe/Madrid")!))
        let table = try #require(report.tables.first)
        #expect(table.id == "sources")
        #expect(table.columns.first == "Origen")
        #expect(table.rows == [
            ["Feria comercial", "2", "4", "2", "1", "50%", "25%"],
            ["internet", "0", "2", "1", "0", "0%", "0%"],
            ["referido", "0", "0", "0", "0", "", ""],
            ["(sin origen)", "0", "1", "1", "1", "100%", "100%"],
            ["Total", "2", "7", "4", "2", "50%", "29%"],
        ])
    }

    @Test("a customer's source near a listed one is named by tickler check's store checks")
    func typos() throws {
        let rules = try RulesParser.parse(Self.yaml, file: "r.yaml")
        let errors = LeadSourceTypos.errors(in: Self.snapshot(internetSource: "internte"), rules: rules).map(\.message)
        #expect(errors == [
            "source 'internte' is not in the rules' lead_sources; did you mean 'internet'? (this customer would be "
                + "counted apart in reports); fix the source in the store, or list it in 'lead_sources'"
        ])
        #expect(LeadSourceTypos.errors(in: Self.snapshot(internetSource: "radio"), rules: rules).isEmpty)
    }

    @Test("lead_sources problems are reported at their place")
    func parsing() {
        #expect(throws: DiagnosticsError.self) {
            try RulesParser.parse("version: 1\ntimezone: UTC\nlead_sources: [feria, feria]\n", file: "r.yaml")
        }
        do {
            _ = try RulesParser.parse(
                "version: 1\ntimezone: UTC\nlead_sources: [feria, feria, { name: web, labl: Web }]\n", file: "r.yaml")
        } catch {
            let messages = error.diagnostics.map { "\($0.location.line):\($0.location.column ?? 0): \($0.message)" }
            #expect(messages.contains { $0.hasPrefix("3:23: lead source 'feria' is listed twice (first on line 3)") })
            #expect(messages.contains { $0.hasPrefix("3:43: unknown key 'labl' in a lead source; did you mean 'label'?") })
        }
    }

    @Test("alerts may read a customer's source")
    func expressionField() throws {
        let rules = try RulesParser.parse(
            Self.yaml + "\nalerts:\n  - { name: feria, for: customers, when: 'source == \"feria\" and status == \"prospect\"' }\n",
            file: "r.yaml")
        let notices = Evaluator(rules: rules).evaluate(Self.snapshot(), at: Build.at("2026-11-24 10:00")).notices
        #expect(Set(notices.filter { $0.kind == .alert }.compactMap(\.customer)) == ["F1", "F2"])
    }
}
