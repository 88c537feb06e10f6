package import Foundation

/// Typed values of the Tickler file formats: amounts, durations, times of day, dates.
extension NodeReader {
    /// A decimal amount such as `10` or `12.50` within `range` (no exponent, no thousands separators).
    package mutating func decimal(_ node: YAMLNode, _ what: String, in range: ClosedRange<Decimal>) -> Decimal? {
        guard let text = scalarText(node, what, expected: .aNumber) else { return nil }
        guard let value = Self.parseDecimal(text) else {
            error(node.location, DiagnosticText(.notNumber, what, Self.clip(text)))
            return nil
        }
        return check(value, in: range, node: node, what: what)
    }

    /// A money amount (a fine, a goal): a ``decimal(_:_:in:)`` whose fraction, if any, does not
    /// have exactly three digits. `40.000` is forty thousand where the dot groups thousands
    /// (Spain, Hungary, Germany) but 40 to YAML: refused, with both readings spelt out.
    package mutating func money(_ node: YAMLNode, _ what: String, in range: ClosedRange<Decimal>) -> Decimal? {
        if case .scalar(let text, _) = node.content, let problem = MoneyText.problem(text) {
            error(node.location, "\(what) \(problem)")
            return nil
        }
        return decimal(node, what, in: range)
    }

    /// A duration `<number><unit>`: `45s`, `30m`, `2h`, `3d`, `1w`, `5bd`, restricted to `units`.
    package mutating func duration(
        _ node: YAMLNode, _ what: String, units: [RuleDuration.Unit] = RuleDuration.Unit.allCases
    ) -> RuleDuration? {
        guard let text = scalarText(node, what, expected: .aDuration) else { return nil }
        guard let value = RuleDuration(parsing: text) else {
            error(
                node.location,
                DiagnosticText(.notDuration, what, units.map { Self.example($0) }.joined(separator: ", "), Self.clip(text)))
            return nil
        }
        guard units.contains(value.unit) else {
            error(
                node.location,
                "\(what) must be counted in \(units.map { Self.unitName($0) }.joined(separator: ", ")), "
                    + "not in \(Self.unitName(value.unit)) ('\(text)')")
            return nil
        }
        return value
    }

    /// A time of day `HH:MM` (also `H:MM`), quoted or not.
    package mutating func timeOfDay(_ node: YAMLNode, _ what: String) -> TimeOfDay? {
        guard let text = scalarText(node, what, expected: .aTimeOfDay) else { return nil }
        guard let value = TimeOfDay(parsing: text) else {
            error(node.location, DiagnosticText(.notTimeOfDay, what, Self.clip(text)))
            return nil
        }
        return value
    }

    /// A calendar date `YYYY-MM-DD` that exists.
    package mutating func date(_ node: YAMLNode, _ what: String) -> LocalDate? {
        guard let text = scalarText(node, what, expected: .aDate) else { return nil }
        guard let value = LocalDate(parsing: text) else {
            error(node.location, DiagnosticText(.notDate, what, Self.clip(text)))
            return nil
        }
        return value
    }

    /// Office hours `"HH:MM-HH:MM"` with the start before the end.
    package mutating func timeWindow(_ node: YAMLNode, _ what: String) -> TimeWindow? {
        guard let text = scalarText(node, what, expected: .hours) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let start = TimeOfDay(parsing: parts[0].trimmingCharacters(in: .whitespaces)),
            let end = TimeOfDay(parsing: parts[1].trimmingCharacters(in: .whitespaces))
        else {
            error(node.location, "\(what) must be two times HH:MM-HH:MM, e.g. \"08:30-18:00\"; not '\(Self.clip(text))'")
            return nil
        }
        guard start < end else {
            error(node.location, "\(what) must start before it ends (\(start) is not before \(end))")
            return nil
        }
        return TimeWindow(start: start, end: end)
    }

    static func parseDecimal(_ text: String) -> Decimal? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.count == 1 || (1...6).contains(parts[1].count)
        else { return nil }
        return Decimal(string: text.hasPrefix("+") ? String(text.dropFirst()) : text, locale: Locale(identifier: "en_US_POSIX"))
    }

    private static func example(_ unit: RuleDuration.Unit) -> String {
        switch unit {
        case .seconds: "45s"
        case .minutes: "30m"
        case .hours: "2h"
        case .days: "3d"
        case .weeks: "1w"
        case .businessDays: "5bd"
        }
    }

    private static func unitName(_ unit: RuleDuration.Unit) -> String {
        switch unit {
        case .seconds: "seconds (s)"
        case .minutes: "minutes (m)"
        case .hours: "hours (h)"
        case .days: "days (d)"
        case .weeks: "weeks (w)"
        case .businessDays: "business days (bd)"
        }
    }
}
