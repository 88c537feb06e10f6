import Foundation
import Testing
import TicklerCore
import TicklerDaemon

/// The daemon's evaluation across ticks (``EvaluationCache``): what a full evaluation gives,
/// and from scratch after a rules reload.
@Suite struct EvaluationCacheTests {
    static func rules(cadenceA: String) throws -> Rules {
        try RulesParser.parse(
            """
            version: 1
            timezone: Asia/Shanghai
            locale: en
            classes: [A]
            followup:
              cadence: { A: \(cadenceA) }
              remind_before: 1d
              overdue:
                - after: 0d
                  notify: [rep]
            """, file: "rules.yaml")
    }

    @Test("a rules reload evaluates from scratch: the kept follow-up results of the old rules are not reused")
    func reloadStartsFromScratch() throws {
        let weekly = try Self.rules(cadenceA: "7d")
        let monthly = try Self.rules(cadenceA: "30d")
        let zone = weekly.zone
        let now = zone.instant(LocalDate(year: 2026, month: 11, day: 24)!, TimeOfDay(minutes: 600))
        let snapshot = Snapshot(
            reps: [Rep(id: "R01", name: "Wang")],
            customers: [Customer(id: "C1", name: "Chen", rep: "R01", class: "A")],
            contacts: [Contact(customer: "C1", rep: "R01", at: now.addingTimeInterval(-10 * 86400), method: .phone)])
        let cache = EvaluationCache()
        let first = cache.evaluate(snapshot, rules: weekly, at: now, since: now, ledger: [])
        #expect(first.notices.map(\.kind) == [.overdue])
        // What TickEngine does when its rules are set (a reload).
        cache.reset()
        let later = now.addingTimeInterval(60)
        let reloaded = cache.evaluate(snapshot, rules: monthly, at: later, since: now, ledger: [])
        #expect(reloaded.notices == Evaluator(rules: monthly).evaluate(snapshot, at: later, since: now).notices)
        #expect(reloaded.notices.isEmpty)
    }
}
