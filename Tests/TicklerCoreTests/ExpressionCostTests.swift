import Foundation
import Testing
import TicklerCore

private typealias F = ExpressionFixture

/// An alert can never slow the office server down (docs/expressions.md, "Limits"): `count_*`
/// are binary searches in indexes built once per evaluation, a quadratic `contains` cannot be
/// written, and `tickler check` refuses alerts whose cost bound is too high, alone or together.
/// Benchmarks/alerts-cost.py measures what the limits allow.
@Suite struct ExpressionCostTests {
    @Test("an alert with more count_* calls than the bound allows is refused at its when:")
    func tooManyCounts() {
        let sum = Array(repeating: "count_contacts(7d)", count: 13).joined(separator: " + ")
        let problems = F.problems(sum + " > 3")
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("rules.yaml:12:11: alert 'test-alert' costs 430 units per record, more than the 400") == true)
        #expect(F.problems(Array(repeating: "count_contacts(7d)", count: 12).joined(separator: " + ") + " > 3").isEmpty)
    }

    @Test("contains looks for a fixed text; a part read from the record (quadratic) is refused")
    func containsNeedsALiteral() {
        let problems = F.problems("contains(note, outcome)", for: .contacts)
        #expect(problems.first?.message.hasPrefix("contains looks for a fixed text") == true)
        #expect(F.problems("contains(note, \"complaint\")", for: .contacts).isEmpty)
    }

    @Test("the alerts of one rules file together stay within the file's budget")
    func fileBudget() throws {
        func rules(_ count: Int) -> String {
            var text = "version: 1\ntimezone: Asia/Shanghai\nalerts:\n"
            for i in 0..<count {
                text += """
                      - name: busy-\(i)
                        for: contacts
                        when: count_contacts(7d) + count_contacts(30d) + count_events(30d) > \(i)
                        notify: [rep]

                    """
            }
            return text
        }
        // 3 counts and 4 other terms: 100 units, times 10 for contacts; 12 fit in 12,000.
        #expect(throws: Never.self) { try RulesParser.parse(rules(12), file: "rules.yaml") }
        do {
            _ = try RulesParser.parse(rules(13), file: "rules.yaml")
            Issue.record("thirteen costly contact alerts passed")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.description.contains("with alert 'busy-12' the alerts cost 13000 weighted units"))
        }
    }

    @Test("count_events with a name counts from its own index, the same as a walk over the window would")
    func namedEventIndex() throws {
        var events: [EventRecord] = []
        for day in 1...28 {
            let at = F.at("2026-11-\(day < 10 ? "0" : "")\(day)T09:00")
            events.append(EventRecord(rep: "r1", at: at, event: day % 3 == 0 ? "late_greeting" : "floor_quarrel"))
        }
        let snapshot = Snapshot(reps: [Rep(id: "r1", name: "Li")], events: events)
        let alert = try CompiledAlert.compile(
            F.rule("count_events(\"late_greeting\", 7d) == 2 and count_events(7d) == 7", for: .reps))
        let notices = AlertEvaluator.evaluate(alert, snapshot: snapshot, at: F.at("2026-11-28T18:00"), zone: F.shanghai, locale: .en)
        #expect(notices.count == 1)
    }
}
