import Foundation
import Testing
import TicklerCore

/// Seed 000/002, found by a new user: a prospect won (a contact with `outcome: won`) while the
/// CRM export still says `status: prospect` is no longer nagged about or forecast.
@Suite struct ForecastWonTests {
    static let rules = """
        forecast:
          goals: { R1: 40000 }
          stale_after: 3w
        """

    static func snapshot(outcome: String?) -> Snapshot {
        let customer = Customer(
            id: "L2", name: "Talleres Gómez", rep: "R1", class: "A", status: .prospect,
            registeredAt: Build.at("2020-03-01 09:00"), expectedAmount: 12000, closeDate: Build.date("2026-11-20"),
            probability: 60)
        let contacts = [
            Contact(customer: "L2", rep: "R1", at: Build.at("2026-10-20 10:00"), method: .visit, progress: 60),
            Contact(customer: "L2", rep: "R1", at: Build.at("2026-11-18 10:00"), method: .phone, outcome: outcome),
        ]
        return Snapshot(reps: ProcessNoticeTests.reps, customers: [customer], contacts: contacts)
    }

    @Test("a won prospect gets no close-date or stale-probability notice; an open one does")
    func wonIsClosed() throws {
        let rules = try ProcessNoticeTests.rules(Self.rules)
        let at = Build.at("2026-11-30 10:00")
        let open = Evaluator(rules: rules).evaluate(Self.snapshot(outcome: nil), at: at).notices.filter { $0.kind == .forecast }
        #expect(open.map(\.key) == ["forecast/close/L2/2026-11-20", "forecast/stale/L2/2026-10-20"])
        let won = Evaluator(rules: rules).evaluate(Self.snapshot(outcome: "won"), at: at).notices.filter { $0.kind == .forecast }
        #expect(won.isEmpty)
        let table = ForecastEvaluator.table(rules: rules, Self.snapshot(outcome: "won"), today: Build.date("2026-11-30"))
        #expect(table.rows.allSatisfy { $0[2] == "0" || $0[2] == "0.00" }, "\(table.rows)")
    }
}
