import Foundation
import TicklerCore

/// Small builders for rules and snapshots written in tests, in the shape of SPEC section 3.
enum Build {
    static let here = SourceLocation(file: "test.yaml", line: 1, column: 1)

    static func zone(_ id: String = "Asia/Shanghai") -> Zone { Zone(identifier: id)! }

    /// The SPEC example's follow-up section: A 7d, B 14d, C 30d, dead 365d, remind 1d,
    /// ladder 0d rep / 3d rep+manager / 7d rep+manager with a 10 / 5 penalty.
    static func followup() -> FollowupRule {
        FollowupRule(
            cadence: ["A": RuleDuration(7, .days), "B": RuleDuration(14, .days), "C": RuleDuration(30, .days)],
            statusCadence: [.dead: RuleDuration(365, .days)], remindBefore: RuleDuration(1, .days),
            overdue: EscalationLadder(steps: [
                .init(after: RuleDuration(0, .days), notify: [.rep], location: here),
                .init(after: RuleDuration(3, .days), notify: [.rep, .manager], location: here),
                .init(
                    after: RuleDuration(7, .days), notify: [.rep, .manager], penalty: Penalty(fine: 10, points: 5),
                    location: here),
            ]), location: here)
    }

    /// Seed 003's lateness tiers.
    static func attendance() -> AttendanceRule {
        AttendanceRule(
            start: TimeOfDay(hour: 8, minute: 30)!,
            late: [
                LatenessTier(bound: .upTo(RuleDuration(10, .minutes)), penalty: Penalty(fine: 10, points: 5), location: here),
                LatenessTier(bound: .upTo(RuleDuration(20, .minutes)), penalty: Penalty(fine: 20, points: 10), location: here),
                LatenessTier(bound: .upTo(RuleDuration(30, .minutes)), penalty: Penalty(fine: 30, points: 15), location: here),
                LatenessTier(
                    bound: .over(RuleDuration(30, .minutes)), penalty: Penalty(fine: 50, points: 20), countsAsAbsent: true,
                    location: here),
            ], absent: Penalty(fine: 50, points: 20), notify: [.rep, .manager], location: here)
    }

    static func penalties() -> [PenaltyRule] {
        [
            PenaltyRule(
                event: "reception_no_show",
                repeat: .init(
                    count: 3, within: RuleDuration(1, .weeks), penalty: Penalty(fine: 20, points: 10),
                    note: "no reception duty for one week"), location: here),
            PenaltyRule(event: "late_greeting", penalty: Penalty(fine: 10, points: 5), location: here),
            PenaltyRule(event: "floor_quarrel", penalty: Penalty(fine: 50, points: 20), notify: [.manager], location: here),
        ]
    }

    static func rules(
        zone: String = "Asia/Shanghai", locale: NoticeLocale = .en, calendar: BusinessCalendar = allWeek
    ) -> Rules {
        Rules(
            file: "test.yaml", zone: self.zone(zone), locale: locale, calendar: calendar, followup: followup(),
            attendance: attendance(), penalties: penalties())
    }

    /// Every day a workday, so cadence arithmetic is not moved by weekends.
    static let allWeek = BusinessCalendar(workdays: Set(Weekday.allCases))

    static let reps = [
        Rep(id: "R1", name: "Wang Fang", manager: "M1"),
        Rep(id: "R2", name: "Lucía Pérez"),
        Rep(id: "M1", name: "Zhang Wei"),
    ]

    /// A local time in `zone`: `at("2026-11-24 09:00")`.
    static func at(_ text: String, _ zone: Zone = zone()) -> Date {
        let parts = text.split(separator: " ")
        return zone.instant(LocalDate(parsing: parts[0])!, TimeOfDay(parsing: parts.count > 1 ? parts[1] : "00:00")!)
    }

    static func date(_ text: String) -> LocalDate { LocalDate(parsing: text)! }
}
