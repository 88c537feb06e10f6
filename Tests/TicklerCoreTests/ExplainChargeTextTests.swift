import Foundation
import Testing
import TicklerCore

/// `tickler explain` names charges without zero parts and in the right number.
@Suite struct ExplainChargeTextTests {
    @Test("a points-only step reads '1 point', not 'fine 0, 1 points'")
    func pointsOnly() throws {
        let rules = try ProcessNoticeTests.rules(
            """
            classes: [A]
            followup:
              cadence: { A: 7d }
              overdue: [{ after: 1d, notify: [rep], penalty: { points: 1 } }]
            scoring: { start: 100, period: month, warn_below: 80 }
            """)
        let customer = Customer(id: "C1", name: "Acme", rep: "R1", class: "A", registeredAt: Build.at("2026-11-01 09:00"))
        let snapshot = Snapshot(reps: LeftoverFixTests.reps, customers: [customer])
        let explainer = Explainer(rules: rules, snapshot: snapshot, now: Build.at("2026-11-24 10:00"))
        let text = try #require(explainer.customer("C1")).joined(separator: "\n")
        #expect(text.contains("notify rep; 1 point (r.yaml:"), "\(text)")
        #expect(!text.contains("fine 0"))
        let rep = try #require(explainer.rep("R1")).joined(separator: "\n")
        #expect(rep.contains("followup: -1 point (customers"), "\(rep)")
        #expect(!rep.contains("fine 0"))
    }
}
