import Foundation
import Testing
import TicklerTestSupport

@Suite("tickler explain: an unknown id")
struct ExplainUnknownIDTests {
    @Test("a misspelt rep id: exit 1, with did-you-mean and what to do")
    func misspeltRep() throws {
        let args = ["explain", "--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2026-11-24T10:00"]
        let result = try TicklerBinary.run(args + ["--rep", "R1"])
        #expect(result.status == 1)
        #expect(result.stderrLines.last?.hasPrefix("rules/example-store: no rep 'R1' in the store (did you mean 'R01'?)") == true, "\(result.stderr)")
    }
}
