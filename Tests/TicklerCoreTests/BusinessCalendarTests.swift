import Foundation
import Testing
import TicklerCore

/// China's National Day week of 2026 as a calendar would declare it: five holidays and two
/// adjusted weekend workdays (调休).
@Suite struct BusinessCalendarTests {
    static let calendar = BusinessCalendar(
        holidays: Set(["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map(Build.date)),
        extraWorkdays: [Build.date("2026-09-27"), Build.date("2026-10-10")])

    @Test(
        "business days skip the holiday week and count the adjusted weekend workdays",
        arguments: [
            ("2026-09-30", 1, "2026-10-08"),  // Wednesday before the holidays -> Thursday after
            ("2026-09-26", 1, "2026-09-27"),  // Saturday -> Sunday 27th is worked
            ("2026-10-09", 1, "2026-10-10"),  // Friday -> the worked Saturday
            ("2026-10-10", 1, "2026-10-12"),
            ("2026-09-29", 3, "2026-10-09"),
            ("2026-11-23", 0, "2026-11-23"),
        ])
    func adding(from: String, days: Int, expected: String) {
        #expect(Self.calendar.adding(businessDays: days, to: Build.date(from)) == Build.date(expected))
    }

    @Test("counting business days between dates is the inverse of adding them")
    func counting() {
        #expect(Self.calendar.businessDays(from: Build.date("2026-09-30"), to: Build.date("2026-10-12")) == 4)
        #expect(Self.calendar.businessDays(from: Build.date("2026-10-12"), to: Build.date("2026-09-30")) == -4)
    }

    func rules(cadence: RuleDuration, remind: RuleDuration, after: RuleDuration) -> Rules {
        var rules = Build.rules()
        rules.calendar = Self.calendar
        rules.followup = FollowupRule(
            cadence: ["A": cadence], remindBefore: remind,
            overdue: EscalationLadder(steps: [
                .init(after: RuleDuration(0, .days), notify: [.rep], location: Build.here),
                .init(after: after, notify: [.rep, .manager], location: Build.here),
            ]), location: Build.here)
        return rules
    }

    func keys(_ rules: Rules, contact: String, at: String) -> [String] {
        let snapshot = Snapshot(
            reps: Build.reps, customers: [Customer(id: "A1", name: "Acme", rep: "R1", class: "A")],
            contacts: [Contact(customer: "A1", rep: "R1", at: Build.at(contact))])
        return Evaluator(rules: rules).evaluate(snapshot, at: Build.at(at)).notices.map(\.key)
    }

    @Test("a 3bd cadence, a 1bd reminder and a 2bd escalation across the holiday week")
    func followupInBusinessDays() {
        let rules = rules(cadence: RuleDuration(3, .businessDays), remind: RuleDuration(1, .businessDays), after: RuleDuration(2, .businessDays))
        // Contacted Tue 09-29: 09-30, 10-08, 10-09 -> due Fri 10-09; reminders from Thu 10-08.
        #expect(keys(rules, contact: "2026-09-29 10:00", at: "2026-10-07 10:00").isEmpty)
        #expect(keys(rules, contact: "2026-09-29 10:00", at: "2026-10-08 10:00") == ["due_soon/A1/2026-10-09"])
        // Sat 10-10 is a workday: one business day late, the first step.
        #expect(keys(rules, contact: "2026-09-29 10:00", at: "2026-10-10 10:00") == ["overdue/A1/2026-10-09/0"])
        // Sunday is not: still one business day late.
        #expect(keys(rules, contact: "2026-09-29 10:00", at: "2026-10-11 10:00") == ["overdue/A1/2026-10-09/0"])
        #expect(keys(rules, contact: "2026-09-29 10:00", at: "2026-10-12 10:00") == ["overdue/A1/2026-10-09/1"])
    }

    @Test("a weekly cadence falling on a holiday is due on the next working day")
    func movedOffHoliday() {
        let rules = rules(cadence: RuleDuration(7, .days), remind: RuleDuration(1, .days), after: RuleDuration(3, .days))
        #expect(keys(rules, contact: "2026-09-24 10:00", at: "2026-10-07 10:00") == ["due_soon/A1/2026-10-08"])
        #expect(keys(rules, contact: "2026-09-24 10:00", at: "2026-10-09 10:00") == ["overdue/A1/2026-10-08/0"])
    }
}
