import Foundation
import Testing
import TicklerTestSupport

@Suite("tickler check: records dated in the future")
struct FutureRecordsCheckTests {
    @Test("a contact dated in the future is a warning at FILE:LINE; the store stays valid (exit 0)")
    func futureContactWarns() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write("rules.yaml", "version: 1\ntimezone: UTC\nclasses: [A]\nfollowup: { cadence: { A: 7d } }\n")
        try scratch.write("store/reps.json", #"[{"id": "R1", "name": "Wang"}]"#)
        try scratch.write("store/customers.json", #"[{"id": "C1", "name": "Acme", "rep": "R1", "class": "A"}]"#)
        try scratch.write(
            "store/contacts.jsonl",
            #"""
            {"customer": "C1", "rep": "R1", "at": "2020-01-02T10:00:00Z"}
            {"customer": "C1", "rep": "R1", "at": "2099-01-02T10:00:00Z"}

            """#)
        let result = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/store"])
        #expect(result.status == 0)
        #expect(result.stderr.contains(scratch.path + "/store/contacts.jsonl:2: warning: contact dated 2099-01-02 10:00, after now"))
        #expect(!result.stderr.contains("contacts.jsonl:1"))
    }
}
