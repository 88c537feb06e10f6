import Testing
import TicklerCore

@Suite struct CalendarPeriodTests {
    @Test(
        "periods contain the date and are named as in keys",
        arguments: [
            (Period.day, "2026-11-24", "2026-11-24", "2026-11-24", "2026-11-25"),
            (.week, "2026-11-24", "2026-W48", "2026-11-23", "2026-11-30"),
            (.week, "2027-01-01", "2026-W53", "2026-12-28", "2027-01-04"),
            (.week, "2024-12-30", "2025-W01", "2024-12-30", "2025-01-06"),
            (.month, "2026-12-31", "2026-12", "2026-12-01", "2027-01-01"),
            (.quarter, "2026-11-24", "2026-Q4", "2026-10-01", "2027-01-01"),
            (.year, "2026-02-28", "2026", "2026-01-01", "2027-01-01"),
        ])
    func periods(kind: Period, date: String, name: String, start: String, end: String) {
        let period = CalendarPeriod(kind, containing: LocalDate(parsing: date)!)
        #expect(period.description == name)
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.previous.end == period.start)
    }
}
