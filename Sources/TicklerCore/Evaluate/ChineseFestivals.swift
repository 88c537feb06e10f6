import Foundation

/// The Gregorian dates of festivals: the Chinese ones computed with Foundation's Chinese
/// calendar (never a table of dates that runs out), an office's fixed days as they are.
package enum ChineseFestivals {
    private static let china = TimeZone(identifier: "Asia/Shanghai")!

    /// The date of `festival` in the Gregorian year `year` (Spring Festival falls in late
    /// January or February, the Dragon Boat Festival in June, Mid-Autumn in September or
    /// early October).
    package static func date(_ festival: CareRule.Festival, year: Int) -> LocalDate? {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = china
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = china
        // The Chinese year in force in mid-year is the one whose new year fell in `year`.
        guard let mid = gregorian.date(from: DateComponents(year: year, month: 7, day: 1)) else { return nil }
        let current = chinese.dateComponents([.era, .year], from: mid)
        var components = DateComponents()
        components.era = current.era
        components.year = current.year
        components.isLeapMonth = false
        switch festival.day {
        case .lunar(let month, let day):
            components.month = month
            components.day = day
        case .fixed(let month, let day):
            return LocalDate(year: year, month: month, day: min(day, LocalDate.daysIn(month: month, year: year)))
        }
        guard let instant = chinese.date(from: components) else { return nil }
        let parts = gregorian.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The first date of `festival` on or after `today`.
    package static func next(_ festival: CareRule.Festival, onOrAfter today: LocalDate) -> LocalDate? {
        for year in today.year...(today.year + 1) {
            if let date = date(festival, year: year), date >= today { return date }
        }
        return nil
    }
}
