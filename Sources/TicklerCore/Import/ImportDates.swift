import Foundation

/// Which of day, month and year comes first in a date written with a year at the end
/// (`03/04/2026`): Spanish and Hungarian offices write day first, US tools month first.
package enum DateOrder: String, Sendable, Hashable, CaseIterable {
    case dmy, mdy
}

/// Reads dates and times as offices write them in sheets: `2026-11-24`, `2026/11/24`,
/// `2026. 11. 24.` (Hungarian), `24.11.2026`, `24/11/2026`, `11/24/2026`, `2026年11月24日`,
/// `20261124`, an Excel serial number (`46350`, `46350.4375`), each with an optional time
/// (`10:30`, `10:30:15`, `2:30 PM`, `下午2:30`, `10时30分`), and RFC 3339 with an offset.
///
/// Written by hand: Foundation's date parsers take one fixed pattern at a time, and a sheet
/// mixes these forms in one column; the rules here are small and tested cell by cell.
package enum ImportDates {
    /// A date with an optional wall time, or an RFC 3339 instant kept as written.
    package struct Parsed: Sendable, Hashable {
        package var date: LocalDate
        /// Seconds since local midnight, when the cell has a time.
        package var seconds: Int?
        /// The cell's own text when it carries an offset (`2026-11-24T09:30:00+08:00`).
        package var instant: String?

        /// The store's text for a date field.
        package var dateText: String { date.description }

        /// The store's text for a timestamp field: RFC 3339 as written, a local
        /// `YYYY-MM-DDTHH:MM:SS`, or the date alone (local midnight).
        package var timestampText: String {
            if let instant { return instant }
            guard let seconds else { return date.description }
            let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
            return "\(date)T\(two(h)):\(two(m)):\(two(s))"
        }
    }

    /// Why a cell is not a date.
    package enum Problem: Error, Sendable, Hashable {
        /// Day and month could be either way round (`03/04/2026`) and nothing says which.
        case ambiguous
        /// Not a date at all, or not a real one (`2026-02-30`).
        case invalid
    }

    /// The date (and time) `text` names; `order` settles `03/04/2026`.
    package static func parse(_ text: String, order: DateOrder?) throws(Problem) -> Parsed {
        let text = text.trimmingCharacters(in: .whitespaces)
        if hasOffset(text), InstantText.parse(text, zone: Zone(TimeZone(secondsFromGMT: 0)!)) != nil {
            guard let date = LocalDate(parsing: text.prefix(10)) else { throw .invalid }
            return Parsed(date: date, seconds: nil, instant: text.replacingOccurrences(of: " ", with: "T"))
        }
        // A serial from a sheet whose decimal separator is a comma: `46350,5`.
        let plain = text.filter { $0 == "," }.count == 1 && !text.contains(".") ? text.replacingOccurrences(of: ",", with: ".") : text
        if let serial = Double(plain), plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            let text = plain
            if text.count == 8, !text.contains("."), let date = LocalDate(parsing: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))") {
                return Parsed(date: date, seconds: nil, instant: nil)
            }
            guard (20000...80000).contains(serial) else { throw .invalid }
            return try excelSerial(serial)
        }
        var rest = Substring(text)
        let date = try datePart(&rest, order: order)
        rest = rest.drop { $0 == " " || $0 == "T" || $0 == "t" || $0 == "," }
        if rest.isEmpty { return Parsed(date: date, seconds: nil, instant: nil) }
        return Parsed(date: date, seconds: try timePart(rest), instant: nil)
    }

    /// The date and time of an Excel serial number: days since 1899-12-30, with the fraction
    /// the time of day. Excel counts a 29 February 1900 that never was (serial 60, kept from
    /// Lotus 1-2-3), so serials below 61 are one day later than the count says.
    package static func excelSerial(_ serial: Double) throws(Problem) -> Parsed {
        guard serial >= 1, serial < 2_958_466, Int(serial) != 60 else { throw .invalid }
        let days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        let epoch = LocalDate(year: 1899, month: 12, day: 30)!
        let date = epoch.adding(days: days < 60 ? days + 1 : days)
        if seconds >= 86_400 { return Parsed(date: date.adding(days: 1), seconds: nil, instant: nil) }
        return Parsed(date: date, seconds: seconds == 0 ? nil : seconds, instant: nil)
    }

    /// The order that the cells of one column settle: a first number above 12 means day
    /// first, a second number above 12 month first. `nil` when no cell settles it, or cells
    /// disagree.
    package static func inferOrder(_ texts: [String]) -> DateOrder? {
        var seen: Set<DateOrder> = []
        for text in texts {
            let parts = numbers(Substring(text.trimmingCharacters(in: .whitespaces)))
            guard parts.count >= 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
                let a = Int(parts[0]), let b = Int(parts[1])
            else { continue }
            if a > 12, b <= 12 { seen.insert(.dmy) }
            if b > 12, a <= 12 { seen.insert(.mdy) }
        }
        return seen.count == 1 ? seen.first : nil
    }

    // MARK: parts

    private static func datePart(_ rest: inout Substring, order: DateOrder?) throws(Problem) -> LocalDate {
        // 2026年11月24日 (号 in speech, 日 in writing)
        if let nian = rest.firstIndex(of: "年") {
            let y = rest[..<nian]
            let afterYear = rest[rest.index(after: nian)...]
            guard let yue = afterYear.firstIndex(of: "月") else { throw .invalid }
            let m = afterYear[..<yue]
            let afterMonth = afterYear[afterYear.index(after: yue)...]
            guard let ri = afterMonth.firstIndex(where: { $0 == "日" || $0 == "号" || $0 == "號" }) else { throw .invalid }
            let d = afterMonth[..<ri]
            rest = afterMonth[afterMonth.index(after: ri)...]
            return try make(Int(y.trimmingCharacters(in: .whitespaces)), Int(m.trimmingCharacters(in: .whitespaces)), Int(d.trimmingCharacters(in: .whitespaces)))
        }
        // The date ends at the first space that follows a digit and is not inside `2026. 11. 24.`.
        var end = rest.startIndex
        var index = rest.startIndex
        var groups = 0
        var inNumber = false
        while index < rest.endIndex {
            let c = rest[index]
            if c == "T" || c == "t" { break }
            if c.isNumber, !inNumber { groups += 1 }
            inNumber = c.isNumber
            if c == " " {
                let previous = index > rest.startIndex ? rest[rest.index(before: index)] : " "
                if previous != "." || groups >= 3 { break }
            }
            index = rest.index(after: index)
            end = index
        }
        let text = rest[..<end]
        rest = rest[end...]
        let separators = Set(text.filter { !$0.isNumber && $0 != " " })
        let parts = numbers(text)
        guard parts.count == 3, separators.count == 1, let sep = separators.first, "/.-".contains(sep) else { throw .invalid }
        guard let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { throw .invalid }
        if parts[0].count == 4 { return try make(a, b, c) }
        guard parts[2].count == 4 || parts[2].count == 2 else { throw .invalid }
        let year = parts[2].count == 2 ? 2000 + c : c
        if sep == "." { return try make(year, b, a) }
        if a > 12 { return try make(year, b, a) }
        if b > 12 { return try make(year, a, b) }
        if a == b { return try make(year, a, b) }
        switch order {
        case .dmy: return try make(year, b, a)
        case .mdy: return try make(year, a, b)
        case nil: throw .ambiguous
        }
    }

    private static func timePart(_ rest: Substring) throws(Problem) -> Int {
        var text = String(rest).trimmingCharacters(in: .whitespaces)
        var shift = 0
        var twelveHour = false
        for (word, add) in [("上午", 0), ("下午", 12), ("晚上", 12), ("AM", 0), ("PM", 12), ("am", 0), ("pm", 12), ("a.m.", 0), ("p.m.", 12)]
        where text.hasPrefix(word) || text.hasSuffix(word) {
            text = text.hasPrefix(word) ? String(text.dropFirst(word.count)) : String(text.dropLast(word.count))
            text = text.trimmingCharacters(in: .whitespaces)
            shift = add
            twelveHour = true
            break
        }
        text = text.replacingOccurrences(of: "时", with: ":").replacingOccurrences(of: "時", with: ":")
            .replacingOccurrences(of: "点", with: ":").replacingOccurrences(of: "分", with: "")
        if text.hasSuffix(":") { text += "00" }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), var h = Int(parts[0]), let m = Int(parts[1]), (0..<60).contains(m) else {
            throw .invalid
        }
        var s = 0
        if parts.count == 3 {
            guard let seconds = Double(parts[2]), seconds >= 0, seconds < 61 else { throw .invalid }
            s = min(59, Int(seconds))
        }
        if twelveHour {
            guard (1...12).contains(h) else { throw .invalid }
            h = h % 12 + shift
        }
        guard (0..<24).contains(h) else { throw .invalid }
        return h * 3600 + m * 60 + s
    }

    private static func make(_ y: Int?, _ m: Int?, _ d: Int?) throws(Problem) -> LocalDate {
        guard let y, let m, let d, (1900...2200).contains(y), let date = LocalDate(year: y, month: m, day: d) else {
            throw .invalid
        }
        return date
    }

    private static func numbers(_ text: Substring) -> [Substring] {
        text.split { !$0.isASCII || !$0.isNumber }
    }

    private static func hasOffset(_ text: String) -> Bool {
        guard text.count > 16 else { return false }
        if text.hasSuffix("Z") || text.hasSuffix("z") { return true }
        let tail = Array(text.suffix(6))
        return (tail[0] == "+" || tail[0] == "-") && tail[3] == ":"
    }
}

private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
