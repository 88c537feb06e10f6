import Foundation
import Testing
import TicklerTestSupport

/// `tickler check` on the bad input of issue 13 (items 8 to 11): exit codes and message lines.
@Suite("tickler check: bad input named at FILE:LINE")
struct CheckInputMistakeTests {
    static let rules = """
        version: 1
        timezone: Asia/Shanghai
        followup:
          cadence: { A: 7d, B: 14d, C: 30d }

        """

    /// Writes raw bytes (a byte order mark, UTF-16) into the scratch folder.
    static func write(_ scratch: Scratch, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = scratch.path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a store with duplicate ids, unknown references and stray files: exit 1, every problem in one run")
    func badStore() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write("rules.yaml", Self.rules)
        try scratch.write("store/reps.json", #"[{"id": "R1", "name": "Wang", "manager": "M9"}]"# + "\n")
        try scratch.write(
            "store/customers.jsonl",
            #"{"id": "C1", "name": "Acme", "rep": "R1", "class": "A"}"# + "\n"
                + #"{"id": "C1", "name": "Acme again", "rep": "R1", "class": "A"}"# + "\n"
                + #"{"id": "C2", "name": "Beta", "rep": "R2", "class": "A", "next_contat": "2026-12-01"}"# + "\n")
        try scratch.write(
            "store/attendance.jsonl",
            #"{"rep": "R1", "date": "2026-11-20"}"# + "\n" + #"{"rep": "R1", "date": "2026-11-20"}"# + "\n")
        try scratch.write("store/Contacts.JSON", "[]")
        let store = scratch.path + "/store"
        let result = try TicklerBinary.run(["check", rules, "--store", store])
        #expect(result.status == 1)
        let lines = result.stderrLines
        #expect(lines.contains { $0.hasPrefix("\(store)/Contacts.JSON:1: this file is not read") && $0.contains("did you mean contacts.json") })
        #expect(lines.contains { $0.hasPrefix("\(store)/customers.jsonl:2: customer skipped: id 'C1' is already used at line 1") })
        #expect(lines.contains { $0.hasPrefix("\(store)/customers.jsonl:3: customer skipped: field 'next_contat'") && $0.contains("did you mean 'next_contact'?") })
        #expect(lines.contains { $0.hasPrefix("\(store)/reps.json:1: rep 'R1': manager 'M9' is not a rep in the store") })
        #expect(lines.contains { $0.hasPrefix("\(store)/attendance.jsonl:2: attendance record skipped: rep 'R1' already has an attendance record for 2026-11-20 at line 1") })
        #expect(!result.stdout.contains("OK \(store)"))
    }

    @Test("a customer naming an unknown rep, and a store with no customers: exit 1")
    func unknownRepAndNoCustomers() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write("rules.yaml", Self.rules)
        try scratch.write("a/reps.json", #"[{"id": "R1", "name": "Wang"}]"#)
        try scratch.write("a/customers.json", #"[{"id": "C1", "name": "Acme", "rep": "R2", "class": "A"}]"#)
        let a = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/a"])
        #expect(a.status == 1)
        #expect(a.stderrLines.contains { $0.hasPrefix("\(scratch.path)/a/customers.json:1: customer skipped: rep 'R2' is not in the store's reps (did you mean 'R1'?)") })
        try scratch.write("b/reps.json", #"[{"id": "R1", "name": "Wang"}]"#)
        let b = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/b"])
        #expect(b.status == 1)
        #expect(b.stderrLines.contains { $0.hasPrefix("\(scratch.path)/b/customers.json:1: the store has no customers") })
    }

    @Test("byte order marks are accepted in the rules, a .jsonl collection and a rule test file")
    func byteOrderMarks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let rules = try Self.write(scratch, "rules.yaml", bom + Array(Self.rules.utf8))
        _ = try Self.write(scratch, "store/reps.json", bom + Array(#"[{"id": "R1", "name": "Wang"}]"#.utf8))
        _ = try Self.write(
            scratch, "store/customers.jsonl", bom + Array((#"{"id": "C1", "name": "Acme", "rep": "R1", "class": "A"}"# + "\n").utf8))
        let check = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/store"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("1 rep, 1 customer"))
        let test = try Self.write(
            scratch, "t.test.yaml",
            bom + Array("rules: rules.yaml\nstore: store\ncases:\n  - { at: 2026-11-24T10:00, absent: [{ customer: C9 }] }\n".utf8))
        let run = try TicklerBinary.run(["test", test])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test("a UTF-16 rules file is named as UTF-16: exit 1")
    func utf16Rules() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let wide: [UInt8] = [0xFF, 0xFE] + Self.rules.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let rules = try Self.write(scratch, "rules.yaml", wide)
        let result = try TicklerBinary.run(["check", rules])
        #expect(result.status == 1)
        #expect(result.stderrLines.first?.hasPrefix("\(rules):1:1: the rules file is UTF-16 text") == true, "\(result.stderr)")
    }

    @Test("rules mistakes: each at its line and column, all in one run, exit 1")
    func rulesMistakes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml",
            """
            version: 1
            timezone: CST
            scoring: { start: 100, warn_below: 80, notify: no }
            penalties:
              - { event: late_greeting, fine: 40.000 }
            """)
        let result = try TicklerBinary.run(["check", rules])
        #expect(result.status == 1)
        let lines = result.stderrLines
        #expect(lines.contains { $0.hasPrefix("\(rules):2:11: timezone 'CST' is an abbreviation") && $0.contains("'Asia/Shanghai' or 'America/Chicago'") })
        #expect(lines.contains { $0.hasPrefix("\(rules):3:48: 'no' is not a recipient") })
        #expect(lines.contains { $0.hasPrefix("\(rules):5:35: 'fine' is '40.000', which reads as 40") })
    }

    @Test("YAML typos: a tab, a full-width colon, a missing space, a misindented item", arguments: [
        ("version: 1\ntimezone: Asia/Shanghai\nfollowup:\n\tcadence: { A: 7d }\n", "4:1: a tab is used for indentation here"),
        ("version: 1\ntimezone： Asia/Shanghai\n", "2:9: full-width colon '：' here; YAML needs the ASCII ':'"),
        ("version: 1\ntimezone:Asia/Shanghai\n", "2:10: missing space after the colon of 'timezone:'"),
        ("version: 1\ntimezone: Asia/Shanghai\nfollowup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n  overdue:\n    - after: 0d\n      notify: [rep]\n   - after: 3d\n", "8:4: this list item is indented 3 spaces"),
    ])
    func yamlTypos(text: String, expected: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write("rules.yaml", text)
        let result = try TicklerBinary.run(["check", rules])
        #expect(result.status == 1)
        #expect(result.stderrLines.first?.hasPrefix("\(rules):\(expected)") == true, "\(result.stderr)")
        #expect(!result.stderr.contains("cannot start any token"))
    }

    @Test("warnings only (an unknown rep in notify, a reclaim without a class): exit 0, printed as warnings")
    func warningsOnly() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rules = try scratch.write(
            "rules.yaml", Self.rules + "scoring: { start: 100, warn_below: 80, notify: [rep, boss] }\npool:\n  reclaim: { A: 30d }\n")
        try scratch.write("store/reps.json", #"[{"id": "R1", "name": "Wang"}, {"id": "bass", "name": "B"}]"#)
        try scratch.write("store/customers.json", #"[{"id": "C1", "name": "Acme", "rep": "R1", "class": "A"}]"#)
        let ok = try TicklerBinary.run(["check", rules])
        #expect(ok.status == 0)
        #expect(ok.stderrLines.contains { $0.hasPrefix("\(rules):7:12: warning: 'reclaim' has no period for class B, C") })
        let typo = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/store"])
        #expect(typo.status == 1)
        #expect(typo.stderrLines.contains { $0.hasPrefix("\(rules):5:54: 'notify' names rep 'boss', which is not in the store's reps; did you mean 'bass'?") })
        try scratch.write("store/reps.json", #"[{"id": "R1", "name": "Wang"}]"#)
        let unknown = try TicklerBinary.run(["check", rules, "--store", scratch.path + "/store"])
        #expect(unknown.status == 0, "\(unknown.stderr)")
        #expect(unknown.stderrLines.contains { $0.hasPrefix("\(rules):5:54: warning: 'notify' names rep 'boss'") })
    }
}
