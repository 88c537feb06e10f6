/// One concrete period of a ``Period`` kind: the week 2026-W48, the month 2026-11.
///
/// Weeks start on Monday and are numbered as in ISO 8601.
package struct CalendarPeriod: Sendable, Hashable, CustomStringConvertible {
    package var kind: Period
    /// First day of the period.
    package var start: LocalDate
    /// First day after the period.
    package var end: LocalDate

    /// The period of `kind` containing `date`.
    package init(_ kind: Period, containing date: LocalDate) {
        self.kind = kind
        switch kind {
        case .day:
            start = date
            end = date.adding(days: 1)
        case .week:
            let offset = Weekday.allCases.firstIndex(of: date.weekday)!
            start = date.adding(days: -offset)
            end = start.adding(days: 7)
        case .month:
            start = LocalDate(year: date.year, month: date.month, day: 1)!
            end = date.month == 12
                ? LocalDate(year: date.year + 1, month: 1, day: 1)! : LocalDate(year: date.year, month: date.month + 1, day: 1)!
        case .quarter:
            let first = (date.month - 1) / 3 * 3 + 1
            start = LocalDate(year: date.year, month: first, day: 1)!
            end = first == 10
                ? LocalDate(year: date.year + 1, month: 1, day: 1)! : LocalDate(year: date.year, month: first + 3, day: 1)!
        case .year:
            start = LocalDate(year: date.year, month: 1, day: 1)!
            end = LocalDate(year: date.year + 1, month: 1, day: 1)!
        }
    }

    /// The period just before this one.
    package var previous: CalendarPeriod { CalendarPeriod(kind, containing: start.adding(days: -1)) }

    /// The last day of the period.
    package var lastDay: LocalDate { end.adding(days: -1) }

    package func contains(_ date: LocalDate) -> Bool { date >= start && date < end }

    /// `2026-11-24`, `2026-W48`, `2026-11`, `2026-Q4`, `2026`: used in keys and texts.
    package var description: String {
        let text = start.description
        switch kind {
        case .day: return text
        case .month: return String(text.prefix(7))
        case .quarter: return "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .year: return "\(start.year)"
        case .week:
            // ISO week: the week belongs to the year of its Thursday.
            let thursday = start.adding(days: 3)
            let jan1 = LocalDate(year: thursday.year, month: 1, day: 1)!
            let week = jan1.days(to: thursday) / 7 + 1
            return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
        }
    }
}
