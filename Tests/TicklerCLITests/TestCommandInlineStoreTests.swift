import Foundation
import Testing
import TicklerTestSupport

@Suite("tickler test: an inline store with bad records")
struct TestCommandInlineStoreTests {
    @Test("each bad record at FILE:LINE:COLUMN, then why no case ran and what to do; exit 1")
    func badInlineRecords() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("rules.yaml", "version: 1\ntimezone: Europe/Budapest\nfollowup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n")
        let test = try scratch.write(
            "t.test.yaml",
            """
            rules: rules.yaml
            store:
              reps:
                - { id: kovacs, name: Kovács Péter }
              customers:
                - { id: U1, name: Alfa Kft., rep: kovacs, class: A }
              contacts:
                - { customer: U9, rep: kovacs, at: 2026-11-26T10:00:00+01:00 }
            cases:
              - { name: x, at: 2026-11-27T10:00, absent: [{ kind: overdue }] }

            """)
        let result = try TicklerBinary.run(["test", test])
        #expect(result.status == 1)
        #expect(result.stderrLines == [
            "\(test):8:7: contact skipped: customer 'U9' is not in the store's customers (did you mean 'U1'?); add the customer or fix the id",
            "\(test): the inline store has bad records (above), so its cases were not run; fix the records",
        ])
        #expect(result.stdoutLines == ["0 passed, 1 failed"])
    }
}
