package import Foundation

/// Instants as users type them: RFC 3339 (`2026-11-24T09:00:00+08:00`, `...Z`, fractional
/// seconds allowed) or local to the rules' zone (`2026-11-24T09:00`, `2026-11-24 09:00`,
/// `2026-11-24` for midnight).
package enum InstantText {
    /// The instant `text` names, or `nil` when it is none of the accepted forms.
    package static func parse(_ text: String, zone: Zone) -> Date? {
        let u = Array(text.utf8)
        guard u.count >= 10, let date = LocalDate(parsing: String(decoding: u[0..<10], as: UTF8.self)) else {
            return nil
        }
        if u.count == 10 { return zone.instant(date) }
        guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") || u[10] == UInt8(ascii: " "),
            u.count >= 16, u[13] == UInt8(ascii: ":"),
            let hour = number(u[11..<13]), let minute = number(u[14..<16]), hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        var fraction = 0.0
        if index < u.count, u[index] == UInt8(ascii: ":") {
            guard u.count >= index + 3, let s = number(u[(index + 1)..<(index + 3)]), s < 61 else { return nil }
            second = s
            index += 3
            if index < u.count, u[index] == UInt8(ascii: ".") {
                var scale = 0.1
                index += 1
                let start = index
                while index < u.count, let digit = number(u[index..<(index + 1)]) {
                    fraction += Double(digit) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        let time = TimeOfDay(minutes: hour * 60 + minute)
        if index == u.count { return zone.instant(date, time, second: second).addingTimeInterval(fraction) }
        let offset: Int
        if u[index] == UInt8(ascii: "Z") || u[index] == UInt8(ascii: "z"), index + 1 == u.count {
            offset = 0
        } else if u[index] == UInt8(ascii: "+") || u[index] == UInt8(ascii: "-"), u.count == index + 6,
            u[index + 3] == UInt8(ascii: ":"), let oh = number(u[(index + 1)..<(index + 3)]),
            let om = number(u[(index + 4)..<(index + 6)]), oh < 24, om < 60
        {
            offset = (oh * 3600 + om * 60) * (u[index] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let wall = date.dayNumber * 86_400 + time.minutes * 60 + second
        return Date(timeIntervalSince1970: Double(wall - offset) + fraction)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }
}
