import Testing
import TicklerCore

/// Each case: a whole rules file (when it starts with `version` or `timezone`) or the part
/// after `version: 1` and `timezone:`, which then starts on line 3, and the start of the one error it must give.
struct RulesErrorCase: Sendable, CustomTestStringConvertible {
    var yaml: String
    var expected: String

    init(_ yaml: String, _ expected: String) {
        self.yaml = yaml
        self.expected = expected
    }

    var text: String { yaml.hasPrefix("version") || yaml.hasPrefix("timezone") ? yaml : "version: 1\ntimezone: Asia/Shanghai\n" + yaml }
    var testDescription: String { expected }
}

@Suite("RulesParser: every error a manager can meet, with its line and column")
struct RulesParserErrorTests {
    static let cases: [RulesErrorCase] = [
        // Keys and types.
        .init("folowup:\n  cadence: { A: 7d, B: 14d, C: 30d }",
              "rules.yaml:3:1: unknown key 'folowup' in the rules file; did you mean 'followup'?"),
        .init("colour: red", "rules.yaml:3:1: unknown key 'colour' in the rules file; use one of: version, timezone,"),
        .init("attendance:\n  start: \"08:30\"\n  lates: []", "rules.yaml:5:3: unknown key 'lates' in 'attendance'; did you mean 'late'?"),
        .init("classes: A", "rules.yaml:3:10: 'classes' must be a list"),
        .init("calendar: [mon]", "rules.yaml:3:11: 'calendar' must be a mapping"),
        .init("penalties:\n  - { event: x, fine: ten }", "rules.yaml:4:23: 'fine' must be a number, e.g. 10 or 12.50, not 'ten'"),
        .init("scoring: { start: 1.5, warn_below: 1 }", "rules.yaml:3:19: 'start' must be a whole number"),
        .init("version: 1\ntimezone: Asia/Shanghai\nversion: 1", "rules.yaml:3:1: 'version' is given twice in the same mapping (first at line 1)"),
        // Values.
        .init("followup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n  remind_before: 1 day",
              "rules.yaml:5:18: 'remind_before' must be a duration: a whole number and a unit"),
        .init("followup:\n  cadence: { A: 30m, B: 14d, C: 30d }",
              "rules.yaml:4:17: the cadence of A must be counted in days (d), weeks (w), business days (bd), not in minutes (m)"),
        .init("attendance:\n  start: 8h30", "rules.yaml:4:10: 'start' must be a time of day HH:MM"),
        .init("attendance:\n  start: \"24:00\"", "rules.yaml:4:10: 'start' must be a time of day HH:MM"),
        .init("calendar:\n  holidays: [2026-10-01, 2026-02-30]", "rules.yaml:4:26: a holiday must be a real date written YYYY-MM-DD"),
        .init("calendar:\n  office_hours: \"18:00-08:30\"", "rules.yaml:4:17: 'office_hours' must start before it ends"),
        .init("calendar:\n  office_hours: 8-18", "rules.yaml:4:17: 'office_hours' must be two times HH:MM-HH:MM"),
        .init("calendar:\n  holidays: [2026-10-01]\n  extra_workdays: [2026-10-01]",
              "rules.yaml:5:20: 2026-10-01 is both a holiday (line 4) and an extra workday"),
        .init("version: 1\ntimezone: Europe/Budapset", "rules.yaml:2:11: unknown timezone 'Europe/Budapset'; did you mean 'Europe/Budapest'?"),
        .init("version: 1\ntimezone: Mars/Olympus_Mons", "rules.yaml:2:11: unknown timezone 'Mars/Olympus_Mons'; write an IANA name"),
        .init("locale: zh_Hans", "rules.yaml:3:9: unknown locale 'zh_Hans'; did you mean 'zh-Hans'?"),
        .init("locale: fr", "rules.yaml:3:9: unknown locale 'fr'; use one of: en, es, hu, zh-Hans, zh-Hant"),
        .init("calendar:\n  workdays: [mon, tue, wen]", "rules.yaml:4:24: unknown weekday 'wen'; did you mean 'wed'?"),
        .init("version: 1\ntimezone: UTC\nfollowup:\n  cadence: {A: 1d, B: 1d, C: 1d}\n  status_cadence: { ded: 365d }",
              "rules.yaml:5:21: unknown status 'ded' in 'status_cadence'; did you mean 'dead'?"),
        // Version.
        .init("version: 1.0\ntimezone: UTC", "rules.yaml:1:10: 'version' must be a whole number"),
        .init("timezone: UTC", "rules.yaml:1:1: the rules file is missing 'version'; add 'version: 1'"),
        .init("version: 2\ntimezone: UTC", "rules.yaml:1:10: unsupported 'version: 2'; this tickler reads rules files with 'version: 1'"),
        .init("version: 1", "rules.yaml:1:1: the rules file is missing 'timezone'"),
        // Lateness tiers.
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 20m, fine: 20 }\n    - { up_to: 10m, fine: 10 }",
              "rules.yaml:7:16: 'up_to: 10m' must be more than the previous tier's 'up_to: 20m' (line 6)"),
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 10m, fine: 10 }\n    - { up_to: 10m, fine: 20 }",
              "rules.yaml:7:16: 'up_to: 10m' must be more than the previous tier's 'up_to: 10m' (line 6)"),
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 10m, fine: 10 }\n    - { over: 30m, fine: 50 }",
              "rules.yaml:7:15: lateness from 10m to 30m has no tier (a gap); write 'over: 10m'"),
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 30m, fine: 10 }\n    - { over: 20m, fine: 50 }",
              "rules.yaml:7:15: 'over: 20m' overlaps the previous tier, which goes up to 30m; write 'over: 30m'"),
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 10m, fine: 10 }\n    - { over: 10m, fine: 50 }\n    - { up_to: 40m }",
              "rules.yaml:8:7: this tier comes after the 'over' tier of line 7 and can never apply"),
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 10m, counts_as: late }",
              "rules.yaml:6:32: unknown 'counts_as' value 'late'; use one of: absent"),
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { fine: 10 }",
              "rules.yaml:6:7: a lateness tier needs 'up_to'"),
        .init("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 1d }",
              "rules.yaml:6:16: 'up_to' must be counted in seconds (s), minutes (m), hours (h), not in days (d)"),
        // Escalation ladder.
        .init("followup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n  overdue:\n    - after: 3d\n    - after: 3d",
              "rules.yaml:7:14: 'after: 3d' must be later than the previous step's 'after: 3d' (line 6)"),
        .init("followup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n  overdue:\n    - { after: 1d, penalty: {} }",
              "rules.yaml:6:29: 'penalty' needs a 'fine', 'points' or both"),
        // Classes and cadence.
        .init("followup:\n  cadence: { A: 7d, B: 14d, C: 30d, D: 60d }",
              "rules.yaml:4:37: unknown class 'D' in 'cadence'; use one of: A, B, C (declare it in 'classes' to use it)"),
        .init("followup:\n  cadence: { A: 7d, b: 14d, C: 30d }", "rules.yaml:4:21: unknown class 'b' in 'cadence'; did you mean 'B'?"),
        .init("followup:\n  cadence: { A: 7d, B: 14d }", "rules.yaml:4:12: 'cadence' says nothing about class C; add e.g. C: 30d"),
        .init("followup:\n  cadence: { A: 0d, B: 14d, C: 30d }", "rules.yaml:4:17: the cadence of A must be more than 0 days"),
        .init("followup:\n  remind_before: 1d", "rules.yaml:4:3: 'followup' is missing 'cadence'"),
        .init("classes: [A, A]", "rules.yaml:3:14: class 'A' is listed twice in 'classes'"),
        // Penalties.
        .init("penalties:\n  - { event: x, fine: -5 }", "rules.yaml:4:23: 'fine' must be at least 0, not -5"),
        .init("penalties:\n  - { event: x, points: -1 }", "rules.yaml:4:25: 'points' must be at least 0, not -1"),
        .init("penalties:\n  - { fine: 5 }", "rules.yaml:4:5: a penalty is missing 'event'; add e.g. 'event: late_greeting'"),
        .init("penalties:\n  - { event: x, note: free }", "rules.yaml:4:5: the penalty for 'x' costs nothing; add 'fine', 'points' or a 'repeat' rule"),
        .init("penalties:\n  - { event: x, repeat: { count: 1, within: 1w, fine: 1 } }", "rules.yaml:4:34: 'count' must be at least 2, not 1"),
        .init("penalties:\n  - { event: x, repeat: { count: 3, fine: 1 } }", "rules.yaml:4:25: 'repeat' is missing 'within'; add e.g. 'within: 1w'"),
        .init("penalties:\n  - { event: x, fine: 1 }\n  - { event: x, fine: 2 }", "rules.yaml:5:14: event 'x' is already used at line 4"),
        .init("penalties:\n  - { event: late greeting, fine: 1 }", "rules.yaml:4:14: event 'late greeting' must be an id"),
        // Recipients.
        .init("penalties:\n  - { event: x, fine: 1, notify: [rep, \"a b\"] }", "rules.yaml:4:40: 'a b' is not a recipient; write rep, manager or a rep id"),
        .init("penalties:\n  - { event: x, fine: 1, notify: [manger] }", "rules.yaml:4:35: unknown recipient 'manger'; did you mean 'manager'?"),
        .init("penalties:\n  - { event: x, fine: 1, notify: [] }", "rules.yaml:4:34: 'notify' needs at least one recipient"),
        .init("penalties:\n  - { event: x, fine: 1, notify: [\"\"] }", "rules.yaml:4:35: a 'notify' recipient needs a value"),
        // Scoring and quotas.
        .init("scoring: { start: 100, period: month, warn_below: 120 }", "rules.yaml:3:51: 'warn_below: 120' is above 'start: 100'"),
        .init("scoring: { start: 100, period: monthly, warn_below: 80 }", "rules.yaml:3:32: unknown period 'monthly'; did you mean 'month'?"),
        .init("quotas:\n  - { name: q, at_least: 0, per: week }", "rules.yaml:4:26: 'at_least' must be at least 1, not 0"),
        .init("quotas:\n  - { name: q, methods: [phone, fax], at_least: 1, per: week }",
              "rules.yaml:4:33: unknown contact method 'fax'; use one of: phone, wechat, visit, email, other"),
        .init("quotas:\n  - { name: q, at_least: 1, per: week }\n  - { name: q, at_least: 2, per: month }",
              "rules.yaml:5:13: quota 'q' is already used at line 4; give each its own name"),
        // Alerts.
        .init("alerts:\n  - { name: a, for: customer, when: \"x > 1\" }", "rules.yaml:4:21: unknown alert subject 'customer'; did you mean 'customers'?"),
        .init("alerts:\n  - { name: a, for: reps, when: \"\" }", "rules.yaml:4:33: 'when' needs a value; it is empty"),
        .init("alerts:\n  - { name: a, for: reps }", "rules.yaml:4:5: an alert is missing 'when'"),
        .init("alerts:\n  - { name: a, for: reps, when: team == \"x\" }\n  - { name: a, for: reps, when: team == \"y\" }",
              "rules.yaml:5:13: alert 'a' is already used at line 4; give each its own name"),
        .init("conflicts: { match: [phone, adress] }", "rules.yaml:3:29: unknown conflict match 'adress'; use one of: phone, name, household"),
        // YAML itself.
        .init("followup:\n  cadence: { A: 7d, B: 14d, C: 30d\n", "rules.yaml:5:1: YAML syntax error: did not find expected ',' or '}'"),
        .init("calendar:\n  workdays: [mon]\n   holidays: []", "rules.yaml:5:4: YAML syntax error: did not find expected key (while parsing a block mapping started at line 4, column 3)"),
        .init("calendar: { workdays: &days [mon] }\nattendance: *days", "rules.yaml:4:13: YAML aliases (*name) are not allowed"),
    ]

    @Test("one broken rule gives exactly one error at its position", arguments: cases)
    func singleError(_ errorCase: RulesErrorCase) {
        let problems = RulesFixtures.problems(errorCase.text)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix(errorCase.expected) == true, "\(problems)")
    }
}
