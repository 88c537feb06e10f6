/// A scheduled manager report (`reports:`): what it shows, when it is due, who gets it.
///
/// `every: "mon 09:00"` with `period: week` is seed 004's weekly progress control: each
/// Monday at nine the managers get the week that just ended.
package struct ReportRule: Sendable {
    /// The tables a report can hold.
    package enum Table: String, Sendable, Hashable, CaseIterable {
        /// Seed 004's weekly progress control, one row per rep: new customers, follow-ups by
        /// method, effective visit rate, fines and points, overdue follow-ups.
        case progress
        /// Seed 002's right numbers, one row per rep: contacts with new vs existing prospects,
        /// unique opportunities, closes, close ratio per opportunity and per contact.
        case numbers
        /// Seed 000's forecast: the weighted pipeline by month of close against each rep's goal.
        case forecast
        /// Seed 004's 80/20 list: the fewest customers carrying 80% of the expected amount.
        case keyCustomers = "key_customers"
        /// Customers to be reclaimed to the shared pool (see ``PoolRule``).
        case pool
        /// Seeds 000 and 002: the right numbers and the close ratio per lead source (``LeadSourceTable``).
        case sources
        /// Seed 001: sales per rep against the month's or quarter's goal and the same period a year earlier.
        case sales
    }

    /// Who receives a report.
    package enum Audience: Sendable, Hashable {
        /// Every rep who is somebody's manager.
        case managers
        /// Every rep who has a manager.
        case reps
        /// One rep id.
        case id(String)
    }

    package var name: String
    package var schedule: ReportSchedule
    /// The period reported: the last complete one before the scheduled time.
    package var period: Period
    package var tables: [Table]
    package var to: [Audience]
    /// Who counts as a new prospect in the `numbers` table: a customer whose `registered_at`
    /// falls in the reported period (`nil`), or at most this long before the contact.
    package var newWithin: RuleDuration?
    package var location: SourceLocation

    package init(
        name: String, schedule: ReportSchedule, period: Period, tables: [Table], to: [Audience],
        newWithin: RuleDuration? = nil, location: SourceLocation
    ) {
        self.newWithin = newWithin
        self.name = name
        self.schedule = schedule
        self.period = period
        self.tables = tables
        self.to = to
        self.location = location
    }
}

/// When a report is due: `"09:00"` every day, `"mon 09:00"` every week, `"1 09:00"` on a
/// day of every month (local to the rules' zone).
package struct ReportSchedule: Sendable, Hashable, CustomStringConvertible {
    package enum Day: Sendable, Hashable {
        case everyDay
        case weekday(Weekday)
        case dayOfMonth(Int)
    }

    package var day: Day
    package var time: TimeOfDay

    package init(day: Day, time: TimeOfDay) {
        self.day = day
        self.time = time
    }

    /// Parses `"HH:MM"`, `"mon HH:MM"` or `"D HH:MM"` (D from 1 to 28, so every month has it).
    package init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let last = parts.last, let time = TimeOfDay(parsing: last), parts.count <= 2 else { return nil }
        self.time = time
        if parts.count == 1 {
            day = .everyDay
        } else if let weekday = Weekday(rawValue: String(parts[0]).lowercased()) {
            day = .weekday(weekday)
        } else if let n = Int(parts[0]), (1...28).contains(n) {
            day = .dayOfMonth(n)
        } else {
            return nil
        }
    }

    /// The latest scheduled day at or before `date` whose time has come by `time`.
    package func latest(onOrBefore date: LocalDate, at now: TimeOfDay) -> LocalDate {
        var day = now >= time ? date : date.adding(days: -1)
        for _ in 0..<32 where !matches(day) { day = day.adding(days: -1) }
        return day
    }

    private func matches(_ date: LocalDate) -> Bool {
        switch day {
        case .everyDay: true
        case .weekday(let w): date.weekday == w
        case .dayOfMonth(let n): date.day == n
        }
    }

    package var description: String {
        switch day {
        case .everyDay: "\(time)"
        case .weekday(let w): "\(w.rawValue) \(time)"
        case .dayOfMonth(let n): "\(n) \(time)"
        }
    }
}
