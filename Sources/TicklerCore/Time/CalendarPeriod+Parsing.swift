extension CalendarPeriod {
    /// Parses a period as ``description`` writes it: `2026-11-24`, `2026-W48`, `2026-11`,
    /// `2026-Q4` or `2026`; `nil` for anything else.
    package init?(parsing text: String) {
        guard let period = Self.parse(text) else { return nil }
        self = period
    }

    private static func parse(_ text: String) -> CalendarPeriod? {
        if let date = LocalDate(parsing: text) { return CalendarPeriod(.day, containing: date) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        if parts.count == 1 { return CalendarPeriod(.year, containing: LocalDate(year: year, month: 1, day: 1)!) }
        guard parts.count == 2 else { return nil }
        let second = parts[1]
        if second.hasPrefix("W"), let week = Int(second.dropFirst()), (1...53).contains(week) {
            // ISO week 1 holds 4 January.
            let jan4 = LocalDate(year: year, month: 1, day: 4)!
            let monday = CalendarPeriod(.week, containing: jan4).start.adding(days: (week - 1) * 7)
            let period = CalendarPeriod(.week, containing: monday)
            return period.description == text ? period : nil
        }
        if second.hasPrefix("Q"), let quarter = Int(second.dropFirst()), (1...4).contains(quarter) {
            return CalendarPeriod(.quarter, containing: LocalDate(year: year, month: quarter * 3 - 2, day: 1)!)
        }
        if second.count == 2, let month = Int(second), let first = LocalDate(year: year, month: month, day: 1) {
            return CalendarPeriod(.month, containing: first)
        }
        return nil
    }
}
