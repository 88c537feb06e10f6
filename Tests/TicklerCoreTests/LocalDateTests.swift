import Testing
import TicklerCore

@Suite struct LocalDateTests {
    @Test("a date round-trips through its day number and text")
    func roundTrip() {
        let date = LocalDate(parsing: "2026-11-24")!
        #expect(date.description == "2026-11-24")
        #expect(date.weekday == .tue)
        #expect(LocalDate(parsing: "2024-02-29") != nil)
        #expect(LocalDate(parsing: "2026-02-29") == nil)
        #expect(LocalDate(parsing: "1970-01-01")!.dayNumber == 0)
    }
}
