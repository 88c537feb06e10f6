package import Foundation
package import TicklerCore

/// When mail and webhooks may go out: within `calendar.office_hours` on a workday of the
/// rules' calendar, in the rules' zone. Without office hours, any time.
package struct OfficeHours: Sendable, Hashable {
    package var calendar: BusinessCalendar
    package var zone: Zone

    package init(calendar: BusinessCalendar, zone: Zone) {
        self.calendar = calendar
        self.zone = zone
    }

    /// True when messages may be delivered at `instant`.
    package func isOpen(_ instant: Date) -> Bool {
        guard let window = calendar.officeHours else { return true }
        return calendar.isWorkday(zone.localDate(instant)) && window.contains(zone.timeOfDay(instant))
    }

    /// `instant` itself when open, otherwise the next opening (the start of office hours on
    /// the next workday). A calendar without any workday in the next year is treated as open.
    package func nextOpening(atOrAfter instant: Date) -> Date {
        guard let window = calendar.officeHours, !isOpen(instant) else { return instant }
        var day = zone.localDate(instant)
        for _ in 0..<400 {
            if calendar.isWorkday(day) {
                let opening = zone.instant(day, window.start)
                if opening >= instant { return opening }
            }
            day = day.adding(days: 1)
        }
        return instant
    }
}
