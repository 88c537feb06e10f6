import Testing
import TicklerCore

@Suite("import: dates as offices write them")
struct ImportDatesTests {
    @Test(
        "a date cell in each office's form reads as the same day",
        arguments: [
            ("2026-11-24", "2026-11-24"), ("2026/11/24", "2026-11-24"), ("2026.11.24", "2026-11-24"),
            ("2026. 11. 24.", "2026-11-24"), ("24.11.2026", "2026-11-24"), ("24/11/2026", "2026-11-24"),
            ("11/24/2026", "2026-11-24"), ("2026年11月24日", "2026-11-24"), ("2026年1月5号", "2026-01-05"),
            ("20261124", "2026-11-24"), ("46350", "2026-11-24"), ("24-11-26", "2026-11-24"),
        ])
    func dates(_ text: String, _ expected: String) throws {
        #expect(try ImportDates.parse(text, order: nil).dateText == expected)
    }

    @Test(
        "a time after the date is kept as local wall time",
        arguments: [
            ("2026/11/24 9:30", "2026-11-24T09:30:00"), ("24.11.2026 14:05:09", "2026-11-24T14:05:09"),
            ("2026年11月24日 下午2:30", "2026-11-24T14:30:00"), ("11/24/2026 2:30 PM", "2026-11-24T14:30:00"),
            ("2026-11-24T10:00", "2026-11-24T10:00:00"), ("46350.4375", "2026-11-24T10:30:00"),
            ("2026年11月24日 10时30分", "2026-11-24T10:30:00"), ("2026. 11. 24. 10:30", "2026-11-24T10:30:00"),
            ("2026-11-24T09:30:00+08:00", "2026-11-24T09:30:00+08:00"), ("2026-11-24 01:30:00Z", "2026-11-24T01:30:00Z"),
        ])
    func timestamps(_ text: String, _ expected: String) throws {
        #expect(try ImportDates.parse(text, order: nil).timestampText == expected)
    }

    @Test("03/04/2026 is ambiguous until the order is given")
    func ambiguous() throws {
        #expect(throws: ImportDates.Problem.ambiguous) { try ImportDates.parse("03/04/2026", order: nil) }
        #expect(try ImportDates.parse("03/04/2026", order: .dmy).dateText == "2026-04-03")
        #expect(try ImportDates.parse("03/04/2026", order: .mdy).dateText == "2026-03-04")
    }

    @Test("a column's unambiguous cells settle its order; disagreeing cells settle nothing")
    func inferOrder() {
        #expect(ImportDates.inferOrder(["03/04/2026", "24/11/2026"]) == .dmy)
        #expect(ImportDates.inferOrder(["03/04/2026", "11/24/2026"]) == .mdy)
        #expect(ImportDates.inferOrder(["03/04/2026"]) == nil)
        #expect(ImportDates.inferOrder(["24/11/2026", "11/24/2026"]) == nil)
    }

    @Test(
        "cells that are no real date are refused",
        arguments: ["2026-02-30", "31/31/2026", "tomorrow", "2026/11", "12345", "2026-11-24 25:00", "60"])
    func invalid(_ text: String) {
        #expect(throws: ImportDates.Problem.self) { try ImportDates.parse(text, order: .dmy) }
    }

    @Test("Excel serials: 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01 (the 29 February 1900 that never was)")
    func excelLeapBug() throws {
        #expect(try ImportDates.excelSerial(1).dateText == "1900-01-01")
        #expect(try ImportDates.excelSerial(59).dateText == "1900-02-28")
        #expect(throws: ImportDates.Problem.invalid) { try ImportDates.excelSerial(60) }
        #expect(try ImportDates.excelSerial(61).dateText == "1900-03-01")
        #expect(try ImportDates.excelSerial(45658).dateText == "2025-01-01")
    }
}
