import Testing
import TicklerCore

/// Hostile text in the other YAML inputs and in rule values (docs/reliability.md); the rules
/// file's own alias, nesting and syntax cases are in RulesParserRobustnessTests.
@Suite("Hostile YAML: rule tests and rule values give positioned errors, never a crash or a hang")
struct HostileYAMLTests {
    static func testFileProblems(_ text: String) -> [String] {
        do {
            _ = try RuleTestParser.parse(text, file: "office.test.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("a billion-laughs alias bomb in a rule test file is refused at its first alias")
    func ruleTestAliasBomb() throws {
        var text = "rules: office.yaml\nstore: store/\ncases:\n  - at: 2026-11-24T10:00\n    expect: &a [{ kind: overdue }, { kind: overdue }]\n"
        text += "    absent: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        for (name, previous) in zip(["c", "d", "e", "f", "g", "h"], ["b", "c", "d", "e", "f", "g"]) {
            text += "x\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let problems = Self.testFileProblems(text)
        #expect(problems.first?.hasPrefix("office.test.yaml:6:17: YAML aliases (*name) are not allowed") == true, "\(problems)")
    }

    @Test("deep nesting in a rule test file is refused at the first level too deep")
    func ruleTestDeepNesting() {
        let text = "rules: office.yaml\nstore: store/\ncases: " + String(repeating: "[", count: 100_000)
        let problems = Self.testFileProblems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("office.test.yaml:3:") == true, "\(problems)")
    }

    @Test("NUL bytes and control characters are refused at their line and column", arguments: [
        ("version: 1\ntimezone: U\u{0}TC\n", "rules.yaml:2:12: YAML syntax error: control characters are not allowed"),
        ("version: 1\ntimezone: UTC\nlocale: e\u{7}n\n", "rules.yaml:3:10: YAML syntax error: control characters are not allowed"),
        ("version: 1\ntimezone: \"U\u{1B}[2JTC\"\n", "rules.yaml:2:13: YAML syntax error: control characters are not allowed"),
    ])
    func controlCharacters(text: String, expected: String) {
        let problems = RulesFixtures.problems(text)
        #expect(problems.first?.hasPrefix(expected) == true, "\(problems)")
    }

    @Test("huge and odd numbers in rule values are refused at the value", arguments: [
        ("followup:\n  cadence: { A: 99999999999999999999999d, B: 7d, C: 7d }\n",
         "rules.yaml:4:17: the cadence of A must be a duration"),
        ("followup:\n  cadence: { A: 9223372036854775807d, B: 7d, C: 7d }\n", "rules.yaml:4:17: the cadence of A must be a duration"),
        ("followup:\n  cadence: { A: 2147483647bd, B: 7d, C: 7d }\n", "rules.yaml:4:17: the cadence of A must be a duration"),
        ("followup:\n  cadence: { A: -7d, B: 7d, C: 7d }\n", "rules.yaml:4:17: the cadence of A must be a duration"),
        ("penalties:\n  - { event: late, fine: 1e400, points: 1 }\n", "rules.yaml:4:26: 'fine' must be a number"),
        ("penalties:\n  - { event: late, fine: 10, points: 99999999999999999999999 }\n",
         "rules.yaml:4:38: 'points' must be a whole number"),
        ("attendance:\n  start: \"99:99\"\n  notify: [rep]\n", "rules.yaml:4:10: 'start' must be a time of day"),
    ])
    func hugeNumbers(section: String, prefix: String) {
        let problems = RulesFixtures.problems("version: 1\ntimezone: UTC\n" + section)
        #expect(problems.contains { $0.hasPrefix(prefix) }, "\(problems)")
    }

    @Test("a duplicate key in a rule test case is reported where it is repeated")
    func ruleTestDuplicateKey() {
        let problems = Self.testFileProblems(
            "rules: office.yaml\nstore: store/\ncases:\n  - at: 2026-11-24T10:00\n    at: 2026-11-25T10:00\n    expect: []\n")
        #expect(problems.first?.hasPrefix("office.test.yaml:5:5: 'at' is given twice") == true, "\(problems)")
    }
}
