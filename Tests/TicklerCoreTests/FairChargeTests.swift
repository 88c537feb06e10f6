import Foundation
import Testing
import TicklerCore

/// Issue 13 items 2 and 3: attendance is charged on working days only, and a late approval
/// is the approver's, never the rep's.
@Suite struct FairChargeTests {
    /// Monday to Friday; 2026-11-25 (a Wednesday) a holiday; Saturday 2026-11-28 worked.
    static func rules() -> Rules {
        Build.rules(
            calendar: BusinessCalendar(
                holidays: [Build.date("2026-11-25")], extraWorkdays: [Build.date("2026-11-28")]))
    }

    static func lateCheckIn(_ date: String) -> AttendanceRecord {
        AttendanceRecord(
            rep: "R1", date: Build.date(date), checkIn: TimeOfDay(hour: 8, minute: 45),
            origin: RecordOrigin(file: "attendance.jsonl", line: 3))
    }

    @Test(
        "a late check-in is charged on workdays and extra workdays, not on Sundays or holidays",
        arguments: [("2026-11-24", true), ("2026-11-29", false), ("2026-11-25", false), ("2026-11-28", true)])
    func workingDaysOnly(date: String, charged: Bool) {
        let snapshot = Snapshot(reps: Build.reps, attendance: [Self.lateCheckIn(date)])
        let evaluation = Evaluator(rules: Self.rules()).evaluate(snapshot, at: Build.at("\(date) 20:00"))
        #expect(evaluation.notices.contains { $0.kind == .late } == charged)
        #expect(evaluation.ledger.isEmpty == !charged)
    }

    @Test("an absence recorded on a holiday is not charged")
    func absenceOnHoliday() {
        let snapshot = Snapshot(reps: Build.reps, attendance: [AttendanceRecord(rep: "R1", date: Build.date("2026-11-25"), absent: true)])
        #expect(Evaluator(rules: Self.rules()).evaluate(snapshot, at: Build.at("2026-11-25 20:00")).notices.isEmpty)
    }

    @Test("explain --rep lists a record on a day off as not charged, with the reason")
    func explainDayOff() throws {
        let snapshot = Snapshot(reps: Build.reps, attendance: [Self.lateCheckIn("2026-11-29"), Self.lateCheckIn("2026-11-25")])
        let sunday = try #require(
            Explainer(rules: Self.rules(), snapshot: snapshot, now: Build.at("2026-11-29 20:00")).rep("R1"))
        #expect(sunday.contains("  - 2026-11-29 (attendance.jsonl:3): not a working day (sun is not in calendar.workdays): not charged"))
        let holiday = try #require(
            Explainer(rules: Self.rules(), snapshot: snapshot, now: Build.at("2026-11-25 20:00")).rep("R1"))
        #expect(holiday.contains { $0.contains("2026-11-25") && $0.contains("a holiday in calendar.holidays") })
    }

    static func complianceRules() throws -> Rules {
        try ProcessNoticeTests.rules("""
            compliance:
              approve_within: 4h
              ladder: [{ after: 0h, notify: [rep], points: 2 }]
            scoring: { start: 100, period: month, warn_below: 80 }
            """)
    }

    @Test("a plan filed in time but approved late charges the approver, and the notice says who must act")
    func lateApprovalIsTheApprovers() throws {
        let rules = try Self.complianceRules()
        let plan = ReportFiling(rep: "R1", date: Build.date("2026-11-24"), kind: .plan, filedAt: Build.at("2026-11-24 08:45"))
        let snapshot = Snapshot(reps: ProcessNoticeTests.reps, reports: [plan])
        let evaluation = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 14:00"))
        let notice = try #require(evaluation.notices.first { $0.kind == .compliance })
        #expect(notice.key == "compliance/R1/2026-11-24/approval/0")
        #expect(notice.rep == "M1" && notice.to == ["M1"] && notice.points == 2)
        #expect(notice.message == "Zhang Wei has not yet approved the visit plan of Wang Fang for 24 November: Zhang Wei must approve it. Minus 2 points.")
        #expect(evaluation.ledger.map(\.rep) == ["M1"], "never the rep's")
    }

    @Test("with no approver on record, a late approval charges nobody")
    func noApproverNoCharge() throws {
        let rules = try Self.complianceRules()
        let plan = ReportFiling(rep: "R2", date: Build.date("2026-11-24"), kind: .plan, filedAt: Build.at("2026-11-24 08:45"))
        let snapshot = Snapshot(reps: [Rep(id: "R2", name: "Lucía")], reports: [plan])
        let evaluation = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 14:00"))
        let notice = try #require(evaluation.notices.first { $0.kind == .compliance })
        #expect(notice.fine == nil && notice.points == nil && evaluation.ledger.isEmpty)
        #expect(notice.message.contains("no supervisor is on record"))
    }

    @Test("an approved_by that is not a rep charges nobody, not the rep's manager or an unknown id")
    func unknownApproverNoCharge() throws {
        let rules = try Self.complianceRules()
        let plan = ReportFiling(
            rep: "R1", date: Build.date("2026-11-24"), kind: .plan, filedAt: Build.at("2026-11-24 08:45"), approvedBy: "M9")
        let snapshot = Snapshot(reps: ProcessNoticeTests.reps, reports: [plan])
        let evaluation = Evaluator(rules: rules).evaluate(snapshot, at: Build.at("2026-11-24 14:00"))
        let notice = try #require(evaluation.notices.first { $0.kind == .compliance })
        #expect(notice.fine == nil && notice.points == nil && evaluation.ledger.isEmpty)
        #expect(notice.rep == "R1" && notice.to == ["R1"])
    }
}
