import Foundation
import Testing
import TicklerTestSupport

/// A scratch folder with files written by the test.
struct Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("tickler check")
struct CheckCommandTests {
    @Test("the shipped rules and example store are valid: exit 0 with a summary")
    func shippedExample() throws {
        let result = try TicklerBinary.run(["check", "rules/office.yaml", "--store", "rules/example-store"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.first?.hasPrefix("OK rules/office.yaml: timezone Asia/Shanghai") == true)
        #expect(result.stdout.contains("OK rules/example-store: 6 reps, 18 customers"))
        #expect(result.stderr.isEmpty)
    }

    @Test("an invalid rules file: exit 1, every problem as FILE:LINE:COLUMN on stderr")
    func invalidRules() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml",
            """
            version: 1
            timezone: Asia/Shanghai
            followup:
              cadance: { A: 7d }
            attendance:
              start: "8:30"
              late:
                - { up_to: 20m, fine: 20 }
                - { up_to: 10m, fine: 10 }
              absent: { fine: -5 }
            """)
        let result = try TicklerBinary.run(["check", rules])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderrLines
        #expect(lines.contains { $0.hasPrefix("\(rules):4:3: ") && $0.contains("did you mean 'cadence'") })
        #expect(lines.contains { $0.hasPrefix("\(rules):9:") })
        #expect(lines.contains { $0.hasPrefix("\(rules):10:") && $0.contains("fine") })
        #expect(lines.last?.contains("problems; nothing was evaluated") == true)
    }

    @Test("a missing rules file or a bad option: exit 2")
    func usageAndIO() throws {
        let missing = try TicklerBinary.run(["check", "no/such/rules.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/rules.yaml: cannot read the rules file"))
        let badOption = try TicklerBinary.run(["check", "rules/office.yaml", "--stor", "x"])
        #expect(badOption.status == 2)
        let noStore = try TicklerBinary.run(["check", "rules/office.yaml", "--store", "no/such/store"])
        #expect(noStore.status == 2)
        #expect(noStore.stderr.contains("no/such/store"))
    }

    @Test("bad store records: exit 1, each reported at FILE:LINE")
    func badStoreRecords() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("store/reps.json", #"[{"id": "R1", "name": "Wang"}]"# + "\n")
        try scratch.write(
            "store/customers.jsonl",
            #"{"id": "C1", "name": "Acme", "rep": "R1", "class": "A"}"# + "\n"
                + #"{"id": "C2", "name": "Bad", "rep": "R1", "class": "Z"}"# + "\n"
                + #"{"id": "C3", "name": "Ok", "rep": "R1", "class": "B"}"# + "\n")
        let result = try TicklerBinary.run(["check", "rules/office.yaml", "--store", scratch.path + "/store"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(scratch.path + "/store/customers.jsonl:2: "))
        #expect(result.stderr.contains("unknown class 'Z'"))
        #expect(result.stderr.contains("1 bad record"))
    }
}
