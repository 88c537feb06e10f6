import Foundation
import Testing
import TicklerCore

/// The mistakes of issue 13 items 10 and 11: wrong timezones, yes/no recipients, thousands
/// dots in money, and YAML typed with the wrong keys, each named at its own line and column.
@Suite("Rules input mistakes: timezones, recipients, money, YAML typos")
struct RulesInputMistakeTests {
    static let head = "version: 1\ntimezone: Asia/Shanghai\n"

    @Test("timezone: IANA names and UTC are accepted", arguments: ["Europe/Madrid", "Asia/Shanghai", "UTC", "America/Chicago"])
    func acceptedZones(name: String) throws {
        let rules = try RulesParser.parse("version: 1\ntimezone: \(name)\n", file: "rules.yaml")
        #expect(rules.zone.timeZone == TimeZone(identifier: name))
        #expect(rules.zone.identifier == name, "shown as written (Foundation on Linux names UTC 'GMT')")
    }

    @Test("timezone: abbreviations and fixed offsets are refused with the place names to write", arguments: [
        ("CST", "rules.yaml:2:11: timezone 'CST' is an abbreviation, not a place: it is ambiguous and may ignore summer time; did you mean 'Asia/Shanghai' or 'America/Chicago'?"),
        ("GMT+1", "rules.yaml:2:11: timezone 'GMT+1' is a fixed offset, which never changes for summer time; write an IANA name of the office's place, such as Asia/Shanghai or Europe/Madrid, or UTC (e.g. 'Europe/Madrid' for +1)"),
        ("UTC+8", "rules.yaml:2:11: timezone 'UTC+8' is a fixed offset, which never changes for summer time; write an IANA name of the office's place, such as Asia/Shanghai or Europe/Madrid, or UTC (e.g. 'Asia/Shanghai' for +8)"),
        ("Asia/Shangai", "rules.yaml:2:11: unknown timezone 'Asia/Shangai'; did you mean 'Asia/Shanghai'?"),
        ("Asia/Beijing", "rules.yaml:2:11: unknown timezone 'Asia/Beijing'; did you mean 'Asia/Shanghai'? (zones are named after one city of the region)"),
        ("utc", "rules.yaml:2:11: timezone 'utc' is not accepted; did you mean 'UTC'?"),
    ])
    func refusedZones(name: String, expected: String) {
        #expect(RulesFixtures.problems("version: 1\ntimezone: \(name)\n") == [expected])
    }

    @Test("notify: no / [no] / yes is not a rep called 'no'", arguments: ["no", "[no]", "[rep, off]", "yes"])
    func yesNoRecipient(notify: String) {
        let text = Self.head + "scoring: { start: 100, warn_below: 80, notify: \(notify) }\n"
        let problems = RulesFixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("is not a recipient (YAML reads no/yes/true/false/on/off as yes-or-no)") == true, "\(problems)")
        #expect(problems.first?.hasPrefix("rules.yaml:3:") == true)
    }

    @Test("a Chinese region tag as locale suggests the script", arguments: [("zh-CN", "zh-Hans"), ("zh_TW", "zh-Hant"), ("zh-HK", "zh-Hant")])
    func chineseRegionLocale(tag: String, script: String) {
        let problems = RulesFixtures.problems(Self.head + "locale: \(tag)\n")
        #expect(problems.count == 1 && problems.first?.hasPrefix("rules.yaml:3:9: unknown locale '\(tag)'; did you mean '\(script)'?") == true, "\(problems)")
    }

    @Test("an empty workdays list is refused: nothing would ever be due or charged")
    func emptyWorkdays() {
        let problems = RulesFixtures.problems(Self.head + "calendar:\n  workdays: []\n")
        #expect(problems.count == 1 && problems.first?.hasPrefix("rules.yaml:4:13: 'workdays' is empty") == true, "\(problems)")
    }

    @Test("care for no class and a quota of no method are refused, not silently idle")
    func idleSections() {
        let noA = RulesFixtures.problems(
            "version: 1\ntimezone: Europe/Madrid\nclasses: [verde, rojo]\nfollowup:\n  cadence: { verde: 7d, rojo: 365d }\ncare:\n  before: 7d\n")
        #expect(noA.count == 1 && noA.first?.hasPrefix("rules.yaml:7:3: 'care' has no 'classes' and the rules have no class A") == true, "\(noA)")
        #expect(noA.first?.hasSuffix("add e.g. 'classes: [verde]'") == true)
        let empty = RulesFixtures.problems(Self.head + "care: { classes: [] }\nquotas:\n  - { name: q, methods: [], at_least: 1, per: week }\n")
        #expect(empty.count == 2, "\(empty)")
        #expect(empty.first?.contains("'classes' is empty") == true && empty.last?.contains("'methods' is empty") == true, "\(empty)")
    }

    @Test("a report's to: no is refused like notify: no; a rep id in 'to' is checked against the store")
    func reportRecipients() throws {
        let refused = RulesFixtures.problems(Self.head + "reports:\n  - { name: w, every: \"mon 09:00\", to: no }\n")
        #expect(refused.count == 1 && refused.first?.hasPrefix("rules.yaml:4:40: 'no' is not a recipient (YAML reads") == true, "\(refused)")
        let rules = try RulesParser.parse(Self.head + "reports:\n  - { name: w, every: \"mon 09:00\", to: [managers, wamg] }\n", file: "rules.yaml")
        #expect(RepReference.check(rules.repReferences, reps: ["wang", "M01"]).map(\.description) == [
            "rules.yaml:4:51: 'to' names rep 'wamg', which is not in the store's reps; did you mean 'wang'?"
        ])
    }

    @Test("notify naming a rep id: kept for the store check; near a known rep it is an error, else a warning")
    func repReferences() throws {
        let rules = try RulesParser.parse(
            Self.head + "scoring: { start: 100, warn_below: 80, notify: [rep, boss, wamg] }\nforecast: { goals: { R01: 1000, R9: 5 } }\n",
            file: "rules.yaml")
        #expect(rules.repReferences.map(\.id) == ["boss", "wamg", "R01", "R9"])
        let found = RepReference.check(rules.repReferences, reps: ["wang", "R01", "M01"]).map(\.description)
        #expect(found == [
            "rules.yaml:3:54: warning: 'notify' names rep 'boss', which is not in the store's reps: nobody receives what is sent to it; add the rep to the store or fix the id",
            "rules.yaml:3:60: 'notify' names rep 'wamg', which is not in the store's reps; did you mean 'wang'?",
            "rules.yaml:4:33: warning: 'goals' has a goal for rep 'R9', which is not in the store's reps: that goal is never compared; add the rep to the store or fix the id",
        ])
    }

    @Test("a money amount with a thousands dot is refused and both readings are spelt out", arguments: [
        ("penalties:\n  - { event: x, fine: 40.000 }", "rules.yaml:4:23: 'fine' is '40.000', which reads as 40 (the dot is a decimal point), though in many countries it groups thousands; write 40000 for that many (no thousands separator), or at most two decimals (40.00) for a fraction"),
        ("forecast: { goals: { R01: 1.500 } }", "rules.yaml:3:27: the goal of R01 is '1.500', which reads as 1.5 (the dot is a decimal point), though in many countries it groups thousands; write 1500 for that many (no thousands separator), or at most two decimals (1.50) for a fraction"),
    ])
    func thousandsDot(yaml: String, expected: String) {
        #expect(RulesFixtures.problems(Self.head + yaml) == [expected])
    }

    @Test("money with two decimals or none is fine", arguments: ["40", "40.5", "40.50", "0.25"])
    func plainMoney(fine: String) {
        #expect(RulesFixtures.problems(Self.head + "penalties:\n  - { event: x, fine: \(fine) }") == [])
    }

    @Test("a pool.reclaim without a class the cadence has is a warning, not an error")
    func reclaimMissingClass() throws {
        let rules = try RulesParser.parse(
            Self.head + "followup:\n  cadence: { A: 7d, B: 14d, C: 30d }\npool:\n  reclaim: { A: 30d, B: 45d }\n", file: "rules.yaml")
        #expect(rules.warnings.map(\.description) == [
            "rules.yaml:6:12: warning: 'reclaim' has no period for class C, which the follow-up cadence has: those customers are never reclaimed to the pool; add e.g. C: 90d if they should be"
        ])
    }

    @Test("YAML typos are named at their own line and column", arguments: [
        ("followup:\n\tcadence: { A: 7d }", "rules.yaml:4:1: a tab is used for indentation here; tabs are not allowed in YAML: indent with spaces"),
        ("followup:\n  cadence： { A: 7d }", "rules.yaml:4:10: full-width colon '：' here; YAML needs the ASCII ':' (switch the input method to half-width)"),
        ("scoring: { start: 100, notify: [rep，manager] }", "rules.yaml:3:36: full-width comma '，' here; YAML needs the ASCII ',' (switch the input method to half-width)"),
        ("alerts:\n  - name: x\n    for: customers\n    when: status == \"lead\"\n    message: “hello”", "rules.yaml:7:14: curly quote '“' here; YAML needs the ASCII '\"' (switch the input method to half-width), or put the whole value in ASCII quotes to keep it as text"),
        ("followup:\n  remind_before:1d", "rules.yaml:4:17: missing space after the colon of 'remind_before:'; write 'remind_before: ' followed by the value"),
        ("timezone:Asia/Shanghai", "rules.yaml:3:10: missing space after the colon of 'timezone:'; write 'timezone: ' followed by the value"),
        ("penalties:\n  - { event: x, fine:10 }", "rules.yaml:4:22: missing space after the colon of 'fine:'; write 'fine: ' followed by the value"),
    ])
    func yamlTypos(yaml: String, expected: String) {
        let text = yaml.hasPrefix("timezone") ? "version: 1\n\n" + yaml : Self.head + yaml
        #expect(RulesFixtures.problems(text) == [expected])
    }

    @Test("with Windows line ends (CRLF) the typos are still named at their own line and column")
    func crlf() {
        let text = "version: 1\r\ntimezone: Asia/Shanghai\r\nfollowup:\r\n  cadence: { A: 7d, B: 14d, C: 30d }\r\n  remind_before：1d\r\n"
        #expect(RulesFixtures.problems(text).first?.hasPrefix("rules.yaml:5:16: full-width colon '：' here") == true, "\(RulesFixtures.problems(text))")
        let valid = "version: 1\r\ntimezone: Asia/Shanghai\r\nalerts:\r\n  - name: x\r\n    for: customers\r\n    when: status == \"lead\"\r\n    message: |\r\n      a:b\r\n"
        #expect(RulesFixtures.problems(valid) == [])
    }

    @Test("a misindented list item is named at its line", arguments: [
        ("attendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 10m, fine: 10 }\n     - { over: 10m, counts_as: absent }", 7),
        ("followup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n  overdue:\n      - after: 0d\n        notify: [rep]\n    - after: 3d\n      notify: [manager]", 8),
        ("followup:\n  cadence: { A: 7d, B: 14d, C: 30d }\n  overdue:\n    - after: 0d\n      notify: [rep]\n  - after: 3d", 8),
    ])
    func misindentedItem(yaml: String, line: Int) {
        let problems = RulesFixtures.problems(Self.head + yaml)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("rules.yaml:\(line):") == true, "\(problems)")
        #expect(problems.first?.contains("out of line with the list it belongs to") == true, "\(problems)")
    }

    @Test("full-width punctuation inside text values and quotes stays allowed")
    func fullWidthInText() throws {
        let text = Self.head + """
            alerts:
              - name: stale
                for: customers
                when: status == "prospect"
                message: "客户：{customer.name}，请跟进“尽快”"
            """
        #expect(RulesFixtures.problems(text) == [])
        let flowValue = Self.head + "alerts:\n  - { name: x, for: customers, when: status == \"prospect\", message: see:wiki }\n"
        #expect(RulesFixtures.problems(flowValue) == [], "a colon inside a flow value is not a key")
    }

    @Test("libyaml's 'cannot start any token' is never shown; the character is named")
    func cannotStartToken() {
        let problems = RulesFixtures.problems(Self.head + "locale: @en")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("found character that cannot start any token") == false, "\(problems)")
        #expect(problems.first?.contains("'@' cannot start a value in YAML") == true, "\(problems)")
    }
}

@Suite("The YAML typo checks apply to rule test files too")
struct RuleTestFileTypoTests {
    @Test("a tab and a full-width colon in a rule test file are named at their line and column", arguments: [
        ("rules: r.yaml\nstore: s\ncases:\n\t- at: 2026-11-24T10:00\n", "t.yaml:4:1: a tab is used for indentation here"),
        ("rules： r.yaml\nstore: s\n", "t.yaml:1:6: full-width colon '：' here"),
        ("rules: r.yaml\nstore: s\ncases:\n  - { at: 2026-11-24T10:00, absent: [{ customer：C9 }] }\n", "t.yaml:4:48: full-width colon '：' here"),
    ])
    func typos(text: String, expected: String) {
        do {
            _ = try RuleTestParser.parse(text, file: "t.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix(expected) == true, "\(error)")
        }
    }
}
