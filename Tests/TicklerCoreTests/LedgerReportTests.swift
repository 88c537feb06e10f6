import Foundation
import Testing
import TicklerCore

@Suite struct LedgerReportTests {
    @Test(
        "periods as written on the command line",
        arguments: [
            ("2026-11", "2026-11-01", "2026-12-01"), ("2026-W48", "2026-11-23", "2026-11-30"),
            ("2026-W01", "2025-12-29", "2026-01-05"), ("2026-11-24", "2026-11-24", "2026-11-25"),
            ("2026-Q4", "2026-10-01", "2027-01-01"), ("2026", "2026-01-01", "2027-01-01"),
        ])
    func periods(text: String, start: String, end: String) throws {
        let period = try #require(LedgerReport.period(text))
        #expect(period.start == Build.date(start) && period.end == Build.date(end))
    }

    @Test("nonsense periods are refused", arguments: ["11-2026", "2026-13", "2026-W54", "2026-Q5", "26", "2026-11-31"])
    func refused(text: String) {
        #expect(LedgerReport.period(text) == nil)
    }

    @Test("entries are grouped per rep, counted once per key, scored, and quoted in CSV")
    func grouping() throws {
        let entries = [
            LedgerEntry(key: "a", rep: "R1", rule: "attendance", fine: 10, points: 5, date: Build.date("2026-11-03"), source: "att.jsonl:1"),
            LedgerEntry(key: "a", rep: "R1", rule: "attendance", fine: 10, points: 5, date: Build.date("2026-11-03")),
            LedgerEntry(key: "b", rep: "R1", rule: "penalties.x", fine: 20, points: 10, date: Build.date("2026-11-20"), source: "ev, \"q\""),
            LedgerEntry(key: "c", rep: "R2", rule: "followup", fine: 10, points: 5, date: Build.date("2026-10-31")),
        ]
        let scoring = ScoringRule(start: 100, period: .month, warnBelow: 80, notify: [], location: Build.here)
        let report = LedgerReport(entries: entries, period: try #require(LedgerReport.period("2026-11")), scoring: scoring)
        #expect(report.reps.map(\.rep) == ["R1"])
        #expect(report.reps.first?.points == 15 && report.reps.first?.fines == 30 && report.reps.first?.score == 85)
        #expect(report.csv.contains("2026-11-20,R1,penalties.x,20,10,\"ev, \"\"q\"\"\",b\r\n"))
    }
}
