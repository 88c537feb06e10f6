/// The office's working calendar: which dates are workdays, and office hours.
package struct BusinessCalendar: Sendable, Hashable {
    package var workdays: Set<Weekday>
    package var holidays: Set<LocalDate>
    /// Weekend days that are worked (China's adjusted workdays, 调休).
    package var extraWorkdays: Set<LocalDate>
    /// Mail and webhook notices wait for these hours on workdays; `nil` means any time.
    package var officeHours: TimeWindow?

    package init(
        workdays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri], holidays: Set<LocalDate> = [],
        extraWorkdays: Set<LocalDate> = [], officeHours: TimeWindow? = nil
    ) {
        self.workdays = workdays
        self.holidays = holidays
        self.extraWorkdays = extraWorkdays
        self.officeHours = officeHours
    }

    package func isWorkday(_ date: LocalDate) -> Bool {
        if extraWorkdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return workdays.contains(date.weekday)
    }

    /// The date `count` business days after `date` (`count` may be 0: `date` itself).
    package func adding(businessDays count: Int, to date: LocalDate) -> LocalDate {
        var result = date
        var remaining = count
        // Bounded: a calendar with no workday at all would otherwise never end.
        var guardDays = 0
        while remaining > 0, guardDays < 3660 {
            result = result.adding(days: 1)
            guardDays += 1
            if isWorkday(result) { remaining -= 1 }
        }
        return result
    }

    /// Business days in `(from, to]`; negative when `to` is before `from`.
    package func businessDays(from: LocalDate, to: LocalDate) -> Int {
        if to < from { return -businessDays(from: to, to: from) }
        var count = 0
        var day = from
        while day < to {
            day = day.adding(days: 1)
            if isWorkday(day) { count += 1 }
        }
        return count
    }

    /// `date` plus a rule duration in whole days (`bd` counted on this calendar).
    package func adding(_ duration: RuleDuration, to date: LocalDate) -> LocalDate {
        duration.unit == .businessDays
            ? adding(businessDays: duration.amount, to: date) : date.adding(days: duration.wholeDays)
    }
}
