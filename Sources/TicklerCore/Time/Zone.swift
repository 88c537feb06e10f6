package import Foundation

/// Conversions between instants and the local dates and times of the rules' timezone.
///
/// Pure: the zone is a value; nothing here reads the clock.
package struct Zone: Sendable, Hashable {
    package var timeZone: TimeZone

    package init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    package init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.timeZone = tz
    }

    /// The zone's name as the rules write it. Foundation on Linux names `UTC` "GMT", a name
    /// the rules refuse (it is ambiguous with London's summer time), so it is shown as `UTC`.
    package var identifier: String { timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier }

    /// The local date at an instant.
    package func localDate(_ instant: Date) -> LocalDate {
        LocalDate(dayNumber: Zone.floorDiv(localSeconds(instant), 86_400))
    }

    /// The local wall-clock time (to the minute) at an instant.
    package func timeOfDay(_ instant: Date) -> TimeOfDay {
        let s = localSeconds(instant)
        return TimeOfDay(minutes: (s - Zone.floorDiv(s, 86_400) * 86_400) / 60)
    }

    /// The instant a local date and time happen. In a DST gap the later offset is used (02:30
    /// on a spring-forward night is 03:30); in an overlap, the first occurrence.
    package func instant(_ date: LocalDate, _ time: TimeOfDay = TimeOfDay(minutes: 0), second: Int = 0) -> Date {
        let wall = date.dayNumber * 86_400 + time.minutes * 60 + second
        // Try the offsets in force a day either side; pick one that round-trips.
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall - 86_400)))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall + 86_400)))
        for offset in [before, after] {
            let candidate = wall - offset
            if timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(candidate))) == offset {
                return Date(timeIntervalSince1970: Double(candidate))
            }
        }
        return Date(timeIntervalSince1970: Double(wall - min(before, after)))
    }

    /// Start of the local day containing `instant`.
    package func startOfDay(_ instant: Date) -> Date { self.instant(localDate(instant)) }

    /// Seconds since 1970-01-01T00:00 local wall time.
    private func localSeconds(_ instant: Date) -> Int {
        let t = Int(instant.timeIntervalSince1970.rounded(.down))
        return t + timeZone.secondsFromGMT(for: instant)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
