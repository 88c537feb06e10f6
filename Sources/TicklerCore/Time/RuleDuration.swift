/// A duration as written in the rules file: `45s`, `30m`, `2h`, `3d`, `1w`, `5bd`.
///
/// Days and weeks are calendar days (a `7d` cadence lands on the same weekday whatever DST
/// does); `bd` are business days of the rules' calendar.
package struct RuleDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    package enum Unit: String, Sendable, Hashable, CaseIterable {
        case seconds = "s"
        case minutes = "m"
        case hours = "h"
        case days = "d"
        case weeks = "w"
        case businessDays = "bd"
    }

    package var amount: Int
    package var unit: Unit

    package init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `<non-negative integer><unit>`; `nil` for anything else.
    package init?(parsing text: some StringProtocol) {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 9, let amount = Int(digits),
            let unit = Unit(rawValue: String(text.dropFirst(digits.count)))
        else { return nil }
        self.init(amount, unit)
    }

    /// Seconds for the fixed-length units; days and weeks count 86,400 s a day.
    /// Business days count as calendar days here; use ``BusinessCalendar`` for them.
    package var approximateSeconds: Int {
        switch unit {
        case .seconds: amount
        case .minutes: amount * 60
        case .hours: amount * 3600
        case .days, .businessDays: amount * 86_400
        case .weeks: amount * 7 * 86_400
        }
    }

    /// Whole calendar days (`3d` = 3, `1w` = 7, `36h` = 1); business days as their count.
    package var wholeDays: Int {
        switch unit {
        case .days, .businessDays: amount
        case .weeks: amount * 7
        default: approximateSeconds / 86_400
        }
    }

    /// True for units that count dates rather than elapsed time.
    package var isCalendarUnit: Bool { unit == .days || unit == .weeks || unit == .businessDays }

    package var description: String { "\(amount)\(unit.rawValue)" }

    package static func < (lhs: RuleDuration, rhs: RuleDuration) -> Bool {
        lhs.approximateSeconds < rhs.approximateSeconds
    }
}
