import Foundation
import Testing
import TicklerTestSupport

@Suite("tickler explain")
struct ExplainCommandTests {
    static let example = ["explain", "--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2026-11-24T10:00"]

    @Test("explaining a customer shows the moved due date and the step that applies")
    func customer() throws {
        let result = try TicklerBinary.run(Self.example + ["--customer", "C006"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("cadence date = last contact 2026-11-01 + 14d = 2026-11-15"))
        #expect(result.stdout.contains("2026-11-15 (sun) is not a working day: moved to 2026-11-16"))
        #expect(result.stdout.contains("applies"))
    }

    @Test("explaining a rep shows the lateness tier, the repeat penalty and the score")
    func rep() throws {
        let result = try TicklerBinary.run(Self.example + ["--rep", "R02"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("checked in 08:38, 8 min late: tier up to 10m"))
        #expect(result.stdout.contains("penalty/reception_no_show/R02/repeat/"))
        #expect(result.stdout.contains("Score 2026-11:"))
    }

    @Test("an unknown id exits 1; neither or both of --customer/--rep is a usage error")
    func errors() throws {
        #expect(try TicklerBinary.run(Self.example + ["--customer", "NOPE"]).status == 1)
        #expect(try TicklerBinary.run(Self.example).status == 2)
        #expect(try TicklerBinary.run(Self.example + ["--customer", "C1", "--rep", "R1"]).status == 2)
    }
}

@Suite("tickler test")
struct TestCommandTests {
    @Test("the shipped rule tests pass")
    func shipped() throws {
        let result = try TicklerBinary.run(["test", "rules/tests/office.test.yaml", "rules/tests/seed-rulebook.test.yaml"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdoutLines.last?.hasSuffix(" passed, 0 failed") == true)
    }

    @Test("every rule test under rules/tests passes, the example rulebooks' too")
    func everyShippedTest() throws {
        let folder = TicklerBinary.packageRoot + "/rules/tests"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".test.yaml") }
        #expect(files.count >= 3)
        let result = try TicklerBinary.run(["test"] + files.sorted().map { "rules/tests/\($0)" })
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdoutLines.last?.hasSuffix(" passed, 0 failed") == true)
    }

    @Test("a failing expectation is named by file and line, with the closest notice")
    func failing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let root = TicklerBinary.packageRoot
        let file = try scratch.write(
            "bad.test.yaml",
            """
            rules: \(root)/rules/office.yaml
            store: \(root)/rules/example-store
            cases:
              - at: 2026-11-24T10:00
                expect:
                  - { kind: overdue, customer: C005, level: 1 }
                absent:
                  - { customer: C002 }
              - at: 2026-11-24T10:00
                expect:
                  - { kind: overdue, customer: C005, level: 2 }
            """)
        let result = try TicklerBinary.run(["test", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(file):4:5"))
        #expect(result.stdout.contains("\(file):6:9: expected a notice { kind: overdue, customer: C005, level: 1 }"))
        #expect(result.stdout.contains("closest: overdue/C005/2026-11-12/2: level is 2, not 1"))
        #expect(result.stdout.contains("\(file):8:9: expected no notice { customer: C002 }"))
        #expect(result.stdoutLines.last == "1 passed, 1 failed")
    }

    @Test("an invalid test file is reported at its line and column")
    func invalid() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("x.test.yaml", "rules: r.yaml\nstore: s\ncases:\n  - at: 2026-11-24T10:00\n    expekt: []\n")
        let result = try TicklerBinary.run(["test", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):5:5: ") && result.stderr.contains("did you mean 'expect'"))
    }
}

@Suite("tickler ledger")
struct LedgerCommandTests {
    @Test("the store's charges of the month, per rep, with their records and scores")
    func fromStore() throws {
        let result = try TicklerBinary.run([
            "ledger", "--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2026-11-24T10:00", "--rep", "R04",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("R04: fines 130, points -55, score 45"))
        #expect(result.stdout.contains("penalties.floor_quarrel  fine 50  -20 pts  events.jsonl:5"))
        #expect(!result.stdout.contains("R02"))
    }

    @Test("CSV for a spreadsheet; a bad period or missing inputs are usage errors")
    func csvAndErrors() throws {
        let csv = try TicklerBinary.run([
            "ledger", "--rules", "rules/office.yaml", "--store", "rules/example-store", "--at", "2026-11-24T10:00",
            "--period", "2026-W48", "--format", "csv",
        ])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("date,rep,rule,fine,points,source,key\r\n"))
        #expect(csv.stdout.contains("2026-11-24,R04,attendance,50,20,attendance.jsonl:9,absent/R04/2026-11-24"))
        #expect(!csv.stdout.contains("2026-11-20"))
        #expect(try TicklerBinary.run(["ledger", "--rules", "rules/office.yaml"]).status == 2)
        #expect(
            try TicklerBinary.run(["ledger", "--rules", "rules/office.yaml", "--store", "rules/example-store", "--period", "Nov"])
                .status == 2)
    }
}
