import Foundation
import Testing
import TicklerCore

/// Issue 13 leftovers: a notice is never addressed to nobody, a reclaim notice carries only
/// facts true for it, `UTC` is named `UTC`, and YAML keyboard mistakes do not hide the other
/// problems of the file until the next run.
@Suite struct LeftoverFixTests {
    static let reps = [
        Rep(id: "R1", name: "Wang Fang", manager: "M1"),
        Rep(id: "R2", name: "Lucía Pérez"),
        Rep(id: "M1", name: "Zhang Wei"),
    ]

    @Test("'manager' for a rep without a manager means the rep; with a manager, the manager")
    func managerFallsBackToRep() {
        let resolver = RecipientResolver(snapshot: Snapshot(reps: Self.reps))
        #expect(resolver.resolve([.manager], rep: "R2") == ["R2"])
        #expect(resolver.resolve([.manager], rep: "R1") == ["M1"])
        #expect(resolver.resolve([.manager, .id("boss")], rep: "R2") == ["R2", "boss"])
        #expect(resolver.resolve([.rep, .manager], rep: "R2") == ["R2"])
    }

    @Test("an overdue step to [manager] reaches the rep when the rep has no manager")
    func overdueToManagerlessRep() throws {
        let rules = try ProcessNoticeTests.rules(
            """
            classes: [A]
            followup:
              cadence: { A: 7d }
              overdue: [{ after: 0d, notify: [manager] }]
            """)
        let customer = Customer(id: "C1", name: "Acme", rep: "R2", class: "A", registeredAt: Build.at("2026-11-01 09:00"))
        let evaluation = Evaluator(rules: rules).evaluate(
            Snapshot(reps: Self.reps, customers: [customer]), at: Build.at("2026-11-24 10:00"))
        let notice = try #require(evaluation.notices.first { $0.kind == .overdue })
        #expect(notice.to == ["R2"])
        #expect(evaluation.notices.allSatisfy { !$0.to.isEmpty })
    }

    @Test("check --store warns at a manager-only notify (written or the quota default) about reps without a manager")
    func managerlessWarning() throws {
        let rules = try ProcessNoticeTests.rules(
            """
            classes: [A]
            followup:
              cadence: { A: 7d }
              overdue:
                - { after: 0d, notify: [rep] }
                - { after: 3d, notify: manager }
            quotas:
              - { name: calls, at_least: 5, per: week }
            """)
        let warnings = ManagerlessReps.warnings(rules, Snapshot(reps: Self.reps))
        #expect(warnings.map { "\($0.location.line)" } == ["10", "12"])
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.message.contains("rep 'R2' has no manager") })
        #expect(!warnings[0].message.contains("M1"), "the top of the office has no manager by design")
        let managed = [Rep(id: "R1", name: "Wang Fang", manager: "M1"), Rep(id: "M1", name: "Zhang Wei")]
        #expect(ManagerlessReps.warnings(rules, Snapshot(reps: managed)).isEmpty)
    }

    @Test("check --store warns about a report to [managers] when no rep has a manager")
    func reportToNobody() throws {
        let rules = try ProcessNoticeTests.rules(
            "reports:\n  - { name: weekly, every: \"mon 09:00\", period: week, to: [managers] }\n")
        let flat = [Rep(id: "R2", name: "Lucía Pérez"), Rep(id: "R3", name: "Ana")]
        let warnings = ManagerlessReps.warnings(rules, Snapshot(reps: flat))
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.hasPrefix("report 'weekly' goes to nobody") == true)
        #expect(warnings.first?.location.line == 6)
        #expect(ManagerlessReps.warnings(rules, Snapshot(reps: Self.reps)).allSatisfy { !$0.message.hasPrefix("report") })
    }

    @Test("a reclaimed customer's notice has no days left; a warning ahead of it has them")
    func reclaimFacts() throws {
        let rules = try ProcessNoticeTests.rules("pool: { reclaim: { A: 30d }, warn_before: 5d }\n")
        let customer = Customer(id: "A1", name: "Acme", rep: "R1", class: "A", registeredAt: Build.at("2026-10-01 09:00"))
        let snapshot = Snapshot(reps: Self.reps, customers: [customer])
        let warning = try #require(Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-10-29 10:00")).notices.first { $0.kind == .reclaim })
        #expect(warning.level == 0 && warning.facts?.days == 3)
        let reclaim = try #require(Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-20 10:00")).notices.first { $0.kind == .reclaim })
        #expect(reclaim.level == 1)
        #expect(reclaim.facts?.days == nil, "no negative 'days' once reclaimed")
        #expect(reclaim.facts?.timing == "reclaimed")
    }

    @Test("timezone UTC is shown as UTC, not Foundation's GMT")
    func utcName() throws {
        let rules = try RulesParser.parse("version: 1\ntimezone: UTC\n", file: "r.yaml")
        #expect(rules.zone.identifier == "UTC")
    }

    @Test("a full-width colon and an unknown key are both reported in one run")
    func typosAndRuleErrorsInOneRun() {
        let text = "version: 1\ntimezone：Asia/Shanghai\nfollowup:\n  cadance: { A: 7d }\nlocale:es\n"
        #expect(throws: DiagnosticsError.self) { try RulesParser.parse(text, file: "r.yaml") }
        do {
            _ = try RulesParser.parse(text, file: "r.yaml")
        } catch {
            let lines = error.diagnostics.map { "\($0.location.line):\($0.location.column ?? 0)" }
            #expect(lines == ["2:9", "4:3", "4:3", "5:8"], "\(error)")
            #expect(error.diagnostics[1].message.contains("did you mean 'cadence'"), "\(error)")
        }
    }

    @Test("two mistakes on one line (full-width colon and curly quotes) still let the rest be checked")
    func twoTyposOnALine() {
        let text = "version: 1\ntimezone: Asia/Taipei\ncompliance:\n  plan_by：“09:00”\n  ladder: [{ after: 0h }]\ncare:\n  class: [A]\n"
        do {
            _ = try RulesParser.parse(text, file: "r.yaml")
            Issue.record("must fail")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [4, 7], "\(error)")
            #expect(error.diagnostics.last?.message.contains("did you mean 'classes'") == true, "\(error)")
        }
    }

    @Test("a tab in the indentation is not guessed at: only the tab is reported")
    func tabIsNotRepaired() {
        do {
            _ = try RulesParser.parse("version: 1\ntimezone: Asia/Shanghai\nfollowup:\n\tcadance: { A: 7d }\n", file: "r.yaml")
            Issue.record("a tab must be refused")
        } catch {
            #expect(error.diagnostics.count == 1, "\(error)")
            #expect(error.diagnostics.first?.message.contains("tab") == true)
        }
    }

    @Test("curly quotes around a value are put right for the second reading")
    func curlyQuotes() {
        let text = "version: 1\ntimezone: “Asia/Shanghai”\nlocale: xx\n"
        do {
            _ = try RulesParser.parse(text, file: "r.yaml")
            Issue.record("must fail")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [2, 3], "\(error)")
        }
    }
}
