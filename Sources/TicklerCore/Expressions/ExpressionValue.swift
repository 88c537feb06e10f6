package import Foundation

/// The type of an expression, known when the rules load.
package enum ExpressionType: String, Sendable, Hashable {
    case number, text, bool, date
    /// An instant (`last_contact`, `at`): compared with a date by its local date.
    case time
    /// A wall-clock time `HH:MM` (`check_in`).
    case clock
    case duration
    /// The literal `null`.
    case null

    /// How a manager would name the type in a sentence.
    package var spoken: String {
        switch self {
        case .number: "a number"
        case .text: "a text"
        case .bool: "a true/false value"
        case .date: "a date"
        case .time: "a date and time"
        case .clock: "a time of day"
        case .duration: "a duration"
        case .null: "null"
        }
    }

    /// Whether values of the two types can be compared (dates with times by local date).
    package func isComparable(with other: ExpressionType) -> Bool {
        if self == other { return true }
        let temporal: Set<ExpressionType> = [.date, .time]
        return temporal.contains(self) && temporal.contains(other)
    }
}

/// A value while an expression is evaluated. `null` stands for a missing field.
package enum ExpressionValue: Sendable, Hashable {
    case null
    case number(Double)
    case text(String)
    case bool(Bool)
    case date(LocalDate)
    case time(Date)
    case clock(TimeOfDay)
    case duration(RuleDuration)

    package var isNull: Bool { if case .null = self { true } else { false } }

    /// Orders two values of comparable types; `nil` when either is null (so every
    /// comparison with a missing value is false) or the types differ.
    package func compare(to other: ExpressionValue, zone: Zone) -> Int? {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.text(let a), .text(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.time(let a), .time(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.clock(let a), .clock(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.time(let a), .date): return ExpressionValue.date(zone.localDate(a)).compare(to: other, zone: zone)
        case (.date, .time(let b)): return compare(to: .date(zone.localDate(b)), zone: zone)
        case (.duration(let a), .duration(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        default: return nil
        }
    }

    /// The value as it appears in a message: numbers without needless decimals, dates as
    /// `YYYY-MM-DD`, times as local `YYYY-MM-DD HH:MM`, a missing value as `-`.
    package func rendered(in zone: Zone?) -> String {
        switch self {
        case .null: return "-"
        case .number(let v):
            guard v.isFinite else { return "-" }
            if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
            return String((v * 100).rounded() / 100)
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        case .time(let t):
            guard let zone else { return t.timeIntervalSince1970.description }
            return "\(zone.localDate(t)) \(zone.timeOfDay(t))"
        case .clock(let c): return c.description
        case .duration(let d): return d.description
        }
    }
}
