import Foundation
import Testing
import TicklerCore

/// Seed 003: "迟到30分钟以上则按旷工处理" — a lateness tier that counts as an absence costs what an
/// absence costs unless it names its own charge.
@Suite struct CountsAsAbsentTests {
    static func rules(_ overTier: String) throws -> Rules {
        try ProcessNoticeTests.rules(
            """
            attendance:
              start: "08:30"
              late:
                - { up_to: 30m, fine: 30, points: 15 }
                - \(overTier)
              absent: { fine: 50, points: 20 }
            """)
    }

    @Test("a counts_as: absent tier without its own charge is charged the absence")
    func chargedAsAbsence() throws {
        let record = AttendanceRecord(rep: "R1", date: Build.date("2026-11-24"), checkIn: TimeOfDay(hour: 9, minute: 5))
        let evaluation = Evaluator(rules: try Self.rules("{ over: 30m, counts_as: absent }"))
            .evaluate(Snapshot(reps: ProcessNoticeTests.reps, attendance: [record]), at: Build.at("2026-11-24 20:00"))
        let notice = try #require(evaluation.notices.first)
        #expect(notice.kind == .absent && notice.fine == 50 && notice.points == 20)
        let own = Evaluator(rules: try Self.rules("{ over: 30m, counts_as: absent, points: 1 }"))
            .evaluate(Snapshot(reps: ProcessNoticeTests.reps, attendance: [record]), at: Build.at("2026-11-24 20:00"))
        #expect(own.notices.first?.fine == 0 && own.notices.first?.points == 1, "the tier's own charge wins")
    }
}
