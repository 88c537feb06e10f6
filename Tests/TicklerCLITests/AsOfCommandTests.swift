import Foundation
import Testing
import TicklerTestSupport

@Suite("commands evaluate as of --at")
struct AsOfCommandTests {
    @Test("explain at a time before a customer's registration says it does not exist yet (exit 1)")
    func explainBeforeRegistration() throws {
        let result = try TicklerBinary.run([
            "explain", "--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2020-01-01T10:00",
            "--customer", "C014",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("customer 'C014' is registered at 2025-02-14 10:00, after --at: it does not exist yet then"))
    }

    @Test("eval on a Sunday before C014's Monday visit shows it overdue; the visit is not a follow-up done yet")
    func evalBeforeAVisit() throws {
        let result = try TicklerBinary.run([
            "eval", "--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2026-11-22T10:00",
            "--format", "json",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"key\":\"overdue/C014/2025-02-21/2\""))
    }
}
