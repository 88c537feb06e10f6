import Foundation
import Testing
import TicklerCore

@Suite struct ScoreTests {
    var rules: Rules {
        var rules = Build.rules()
        rules.scoring = ScoringRule(start: 100, period: .month, warnBelow: 80, notify: [.rep, .manager], location: Build.here)
        return rules
    }

    func absent(_ rep: String, _ date: String) -> AttendanceRecord {
        AttendanceRecord(rep: rep, date: Build.date(date), absent: true)
    }

    @Test("charges earlier in the month count toward the score even when only today is reported")
    func monthScore() throws {
        let snapshot = Snapshot(
            reps: Build.reps,
            attendance: [
                absent("R1", "2026-11-02"), absent("R1", "2026-11-10"), absent("R1", "2026-10-30"),
                AttendanceRecord(rep: "R2", date: Build.date("2026-11-24"), checkIn: TimeOfDay(parsing: "08:35")),
            ])
        let notices = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 10:00")).notices
        let low = notices.filter { $0.kind == .scoreLow }
        #expect(low.map(\.key) == ["score_low/R1/2026-11"])
        #expect(low.first?.score == 60)
        #expect(low.first?.to == ["R1", "M1"])
        #expect(notices.filter { $0.kind == .late }.map(\.rep) == ["R2"])
    }

    @Test("charges recorded earlier by the daemon count too, once per key")
    func priorLedger() {
        let snapshot = Snapshot(
            reps: Build.reps,
            attendance: [AttendanceRecord(rep: "R2", date: Build.date("2026-11-24"), checkIn: TimeOfDay(parsing: "08:35"))])
        let prior = [
            LedgerEntry(key: "overdue/X/2026-11-03/2", rep: "R2", rule: "followup", fine: 10, points: 8, date: Build.date("2026-11-10")),
            LedgerEntry(key: "overdue/X/2026-11-03/2", rep: "R2", rule: "followup", fine: 10, points: 8, date: Build.date("2026-11-10")),
            LedgerEntry(key: "overdue/Y/2026-11-03/2", rep: "R2", rule: "followup", fine: 10, points: 8, date: Build.date("2026-11-11")),
            LedgerEntry(key: "old", rep: "R2", rule: "followup", fine: 10, points: 50, date: Build.date("2026-10-11")),
        ]
        let evaluation = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 10:00"), ledger: prior)
        // 100 - 5 (late) - 8 - 8 = 79: the duplicate key and October's charge do not count.
        #expect(evaluation.notices.filter { $0.kind == .scoreLow }.map(\.score) == [79])
        #expect(evaluation.notices.filter { $0.kind == .scoreLow }.allSatisfy { $0.points == nil }, "a score is not a charge")
    }
}

@Suite struct QuotaTests {
    var rules: Rules {
        var rules = Build.rules()
        rules.calendar = BusinessCalendar()
        rules.quotas = [
            QuotaRule(name: "weekly-calls", methods: [.phone, .visit], atLeast: 3, per: .week, notify: [.manager], location: Build.here)
        ]
        return rules
    }

    func contact(_ rep: String, _ at: String, _ method: ContactMethod) -> Contact {
        Contact(customer: "C1", rep: rep, at: Build.at(at), method: method)
    }

    var contacts: [Contact] {
        [
            contact("R1", "2026-11-16 10:00", .phone), contact("R1", "2026-11-18 10:00", .visit),
            contact("R1", "2026-11-19 10:00", .email),
            contact("R2", "2026-11-16 10:00", .phone), contact("R2", "2026-11-17 10:00", .phone),
            contact("R2", "2026-11-22 23:30", .visit),
            contact("R1", "2026-11-24 10:00", .phone),
        ]
    }

    @Test("a week closed short goes to the manager; emails do not count; managers have no quota")
    func closedShort() {
        let notices = Evaluator(rules: rules).evaluate(Snapshot(reps: Build.reps, contacts: contacts), at: Build.at("2026-11-24 10:00"))
            .notices.filter { $0.kind == .quotaShort }
        #expect(notices.map(\.key) == ["quota_short/weekly-calls/R1/2026-W47"])
        #expect(notices.first?.to == ["M1"])
    }

    @Test("without remind_at there is no heads-up before the period closes")
    func noHeadsUpUnlessConfigured() {
        let notices = Evaluator(rules: rules).evaluate(Snapshot(reps: Build.reps, contacts: contacts), at: Build.at("2026-11-27 17:00"))
            .notices.filter { $0.kind == .quotaShort }
        #expect(notices.map(\.key) == ["quota_short/weekly-calls/R1/2026-W47"])
    }

    @Test("with remind_at, a rep still short is reported to the rule's notify from that time on the last working day")
    func headsUp() {
        var rules = rules
        rules.quotas[0].remindAt = TimeOfDay(hour: 15, minute: 0)
        let snapshot = Snapshot(reps: Build.reps, contacts: contacts)
        let early = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-27 00:05")).notices.filter { $0.kind == .quotaShort }
        #expect(!early.contains { $0.key.hasSuffix("/open") }, "not from midnight")
        let notices = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-27 15:00"))
            .notices.filter { $0.kind == .quotaShort }
        #expect(notices.map(\.key).sorted() == [
            "quota_short/weekly-calls/R1/2026-W47", "quota_short/weekly-calls/R1/2026-W48/open",
            "quota_short/weekly-calls/R2/2026-W48/open",
        ])
        #expect(notices.first { $0.key == "quota_short/weekly-calls/R1/2026-W48/open" }?.to == ["M1"], "notify: [manager]")
    }

    @Test("a daily quota does not hold a rep absent or excused that day; a weekly one still does")
    func dailyQuotaSkipsLeave() {
        var rules = rules
        rules.quotas.append(QuotaRule(name: "daily-calls", methods: [.phone], atLeast: 1, per: .day, notify: [.manager], location: Build.here))
        let leave = AttendanceRecord(rep: "R1", date: Build.date("2026-11-23"), excused: true)
        let notices = Evaluator(rules: rules).evaluate(Snapshot(reps: Build.reps, attendance: [leave]), at: Build.at("2026-11-24 10:00"))
            .notices.filter { $0.kind == .quotaShort }
        #expect(notices.map(\.key).sorted() == [
            "quota_short/daily-calls/R2/2026-11-23", "quota_short/weekly-calls/R1/2026-W47", "quota_short/weekly-calls/R2/2026-W47",
        ])
        #expect(notices.allSatisfy { !$0.to.isEmpty }, "R2 has no manager: the rep is told")
    }

    @Test("remind_at is read from the rules file")
    func remindAtParsed() throws {
        let text = "version: 1\ntimezone: UTC\nquotas:\n  - { name: q, at_least: 5, per: week, remind_at: \"16:30\" }\n"
        let rules = try RulesParser.parse(text, file: "rules.yaml")
        #expect(rules.quotas.first?.remindAt == TimeOfDay(hour: 16, minute: 30))
    }
}
