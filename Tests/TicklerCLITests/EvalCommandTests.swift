import Foundation
import Testing
import TicklerTestSupport

@Suite("tickler eval")
struct EvalCommandTests {
    static let example = ["eval", "--rules", "rules/office.yaml", "--store", "rules/example-store"]

    func json(_ at: String, _ extra: [String] = []) throws -> [[String: Any]] {
        let result = try TicklerBinary.run(Self.example + ["--at", at, "--format", "json"] + extra)
        #expect(result.status == 0)
        return try result.stdoutLines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("--format json prints one object per notice with the contract's fields")
    func jsonLines() throws {
        let notices = try json("2026-11-24T10:00")
        #expect(notices.count >= 10)
        for notice in notices {
            for field in ["key", "kind", "rule", "rep", "to", "message"] {
                #expect(notice[field] != nil, "\(field) missing in \(notice)")
            }
        }
        let overdue = try #require(notices.first { $0["key"] as? String == "overdue/C005/2026-11-12/2" })
        #expect(overdue["kind"] as? String == "overdue")
        #expect(overdue["customer"] as? String == "C005")
        #expect(overdue["due"] as? String == "2026-11-12")
        #expect(overdue["level"] as? Int == 2)
        #expect(overdue["fine"] as? Int == 10)
        #expect(overdue["points"] as? Int == 5)
        #expect(overdue["to"] as? [String] == ["R03", "M02"])
        #expect((overdue["message"] as? String)?.contains("Ferretería López S.L.") == true)
    }

    @Test("keys are stable: the same notices at two times of one day have the same keys")
    func stableKeys() throws {
        let morning = try json("2026-11-24T10:00").compactMap { $0["key"] as? String }.filter { $0.hasPrefix("overdue/") }
        let evening = try json("2026-11-24T17:30:00+08:00").compactMap { $0["key"] as? String }.filter { $0.hasPrefix("overdue/") }
        #expect(!morning.isEmpty)
        #expect(morning == evening)
    }

    @Test("the text output ends with a summary line in the rules' zone")
    func text() throws {
        let result = try TicklerBinary.run(Self.example + ["--at", "2026-11-24T10:00"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.last?.hasPrefix("39 notices at 2026-11-24 10:00 Asia/Shanghai: 8 overdue") == true)
        #expect(result.stdout.contains("客户 Ferretería López S.L.（A类）跟进已逾期 12 天"))
    }

    @Test("a bad --at is a usage error with an example of what to write")
    func badTime() throws {
        let result = try TicklerBinary.run(Self.example + ["--at", "tomorrow"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("2026-11-24T09:00"))
    }

    @Test("invalid rules: exit 1 and nothing evaluated")
    func invalidRules() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write("rules.yaml", "version: 2\ntimezone: Mars/Olympus\n")
        let result = try TicklerBinary.run(["eval", "--rules", rules, "--store", "rules/example-store"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(rules):1:10: "))
        #expect(result.stderr.contains("\(rules):2:11: "))
    }

    @Test("a bad store record is reported and skipped; the rest is evaluated; the store is not modified")
    func badRecordSkipped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("store/reps.json", #"[{"id": "R1", "name": "Wang"}]"# + "\n")
        let customers = #"{"id": "C1", "name": "Acme", "rep": "R1", "class": "A", "registered_at": "2026-11-01"}"# + "\n"
            + #"{"id": "C2", "name": "Bad", "rep": "R1", "class": "A", "registered_at": "yesterday"}"# + "\n"
        let path = try scratch.write("store/customers.jsonl", customers)
        let result = try TicklerBinary.run(
            ["eval", "--rules", "rules/office.yaml", "--store", scratch.path + "/store", "--at", "2026-11-24T10:00", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("customers.jsonl:2: "))
        #expect(result.stdout.contains("\"key\":\"overdue/C1/2026-11-09/2\""))
        #expect(!result.stdout.contains("C2"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == customers)
    }
}
