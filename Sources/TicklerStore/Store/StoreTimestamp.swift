package import Foundation
package import TicklerCore

/// Timestamps of store records: RFC 3339, or a local date or date-time in the rules' zone.
///
/// Accepted forms:
/// - `2026-11-20T09:30:00+08:00`, `2026-11-20T01:30:00Z`, fractional seconds
///   (`09:30:00.250+08:00`), lower-case `t`/`z`, and a space instead of `T` (RFC 3339 §5.6 note);
/// - `2026-11-20`: local midnight in the rules' zone;
/// - `2026-11-20T09:30` or `2026-11-20T09:30:00` without an offset: that local time in the
///   rules' zone (CRM exports often drop the offset; the SPEC reads date-only values the same way).
///
/// Why a hand parser: per million timestamps, Foundation's `ISO8601DateFormatter` took about
/// 187 s on Linux, `Date.ISO8601FormatStyle` 1.8 s, this parser 0.13 s (release build, 2 shared
/// cores; `StoreLoaderBenchmark`, docs/store-loader.md). It is strict: every field must
/// have its exact number of digits and be in range (months 1-12, real days, hours 0-23, minutes
/// and seconds 0-59, offsets up to ±23:59).
package enum StoreTimestamp {
    /// The instant `text` names, or `nil` when it is none of the accepted forms.
    package static func parse(_ text: String, zone: Zone) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0, zone: zone) }
    }

    private static func parse(bytes u: UnsafeBufferPointer<UInt8>, zone: Zone) -> Date? {
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            let year = digits(u, 0, 4), let month = digits(u, 5, 2), let day = digits(u, 8, 2),
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        if u.count == 10 { return zone.instant(date) }
        guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") || u[10] == UInt8(ascii: " "),
            u.count >= 16, u[13] == UInt8(ascii: ":"),
            let hour = digits(u, 11, 2), hour < 24, let minute = digits(u, 14, 2), minute < 60
        else { return nil }
        var i = 16
        var second = 0
        var fraction = 0.0
        if i < u.count, u[i] == UInt8(ascii: ":") {
            guard let s = digits(u, i + 1, 2), s < 60 else { return nil }
            second = s
            i += 3
            if i < u.count, u[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                var scale = 0.1
                while i < u.count, u[i] &- UInt8(ascii: "0") < 10 {
                    fraction += Double(u[i] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        if i == u.count {
            let local = zone.instant(date, TimeOfDay(minutes: hour * 60 + minute), second: second)
            return local.addingTimeInterval(fraction)
        }
        let offsetSeconds: Int
        switch u[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == u.count else { return nil }
            offsetSeconds = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == u.count, u[i + 3] == UInt8(ascii: ":"),
                let oh = digits(u, i + 1, 2), oh < 24, let om = digits(u, i + 4, 2), om < 60
            else { return nil }
            offsetSeconds = (u[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
        default:
            return nil
        }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func digits(_ u: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= u.count else { return nil }
        var value = 0
        for i in start..<start + count {
            let d = u[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }
}
