import Foundation
import Testing
import TicklerTestSupport

/// What `tickler check` says about a valid file: the summary names what the manager wrote,
/// and a notice that would reach nobody is warned about.
@Suite("tickler check: the summary and recipient warnings")
struct CheckSummaryTests {
    @Test("timezone UTC is printed as UTC, a cadence without a ladder as 'no escalation steps', counts of one singular")
    func summary() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml",
            """
            version: 1
            timezone: UTC
            followup:
              cadence: { A: 7d, B: 14d, C: 30d }
            penalties:
              - { event: late_report, fine: 5 }

            """)
        let result = try TicklerBinary.run(["check", rules])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.first == "OK \(rules): timezone UTC, locale en, follow-up A 7d/B 14d/C 30d, no escalation steps, 1 penalty")
    }

    @Test("notify: [manager] with a rep who has no manager: a warning at the notify line, exit 0")
    func managerlessRep() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml",
            """
            version: 1
            timezone: Europe/Madrid
            followup:
              cadence: { A: 7d, B: 14d, C: 30d }
              overdue:
                - { after: 3d, notify: [manager] }

            """)
        try scratch.write(
            "store/reps.json",
            #"[{"id": "R1", "name": "Ana", "manager": "M1"}, {"id": "M1", "name": "Jefa"}, {"id": "R2", "name": "Luis"}]"#)
        try scratch.write("store/customers.json", #"[{"id": "C1", "name": "Acme", "rep": "R2", "class": "A"}]"#)
        let result = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/store"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.last == "OK \(scratch.path)/store: 3 reps, 1 customer, 0 contacts, 0 attendance records, 0 events, 0 filed plans and reports")
        #expect(result.stderrLines == [
            "\(rules):6:28: warning: this notice goes to the rep's manager, but rep 'R2' has no manager: theirs go to the "
                + "rep instead; set 'manager' in the store's reps, or add a fixed recipient to 'notify'"
        ])
    }
}
