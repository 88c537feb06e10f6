internal import Foundation

/// The `timezone:` of a rules file: an IANA name (`Asia/Shanghai`, `Europe/Madrid`) or `UTC`.
///
/// Foundation also accepts abbreviations and fixed offsets, and they are wrong in quiet ways:
/// `CST` is taken as US Central (not China Standard Time) and `GMT+1` has no summer time, so
/// a Madrid office would be charged lateness an hour off for half the year. They are refused
/// with the place names to write instead.
package enum TimezoneName {
    /// The zone named `name`, or a sentence saying why it is refused and what to write.
    package static func zone(_ name: String) -> Result<Zone, Problem> {
        if isAccepted(name), let zone = Zone(identifier: name) { return .success(zone) }
        let text = translatable(name)
        return .failure(Problem(message: text?.english ?? message(for: name), text: text))
    }

    /// Why a timezone name is refused.
    package struct Problem: Error, Sendable, Hashable {
        package var message: String
        /// The message as a translatable text, for the common cases (a misspelt place).
        package var text: DiagnosticText?
    }

    /// `UTC`, or an `Area/Place` name of the time zone database other than the fixed `Etc/GMT±N`.
    private static func isAccepted(_ name: String) -> Bool {
        if name == "UTC" || name == "Etc/UTC" { return true }
        return name.contains("/") && !name.hasPrefix("Etc/") && placeNames.contains(name)
    }

    private static let placeNames: Set<String> = Set(
        TimeZone.knownTimeZoneIdentifiers.filter { $0.contains("/") && !$0.hasPrefix("Etc/") })

    /// Abbreviations people write, and the places they usually mean.
    private static let abbreviations: [String: [String]] = [
        "CST": ["Asia/Shanghai", "America/Chicago"], "CDT": ["America/Chicago"],
        "EST": ["America/New_York"], "EDT": ["America/New_York"], "PST": ["America/Los_Angeles"],
        "PDT": ["America/Los_Angeles"], "MST": ["America/Denver"], "MDT": ["America/Denver"],
        "CET": ["Europe/Madrid", "Europe/Budapest"], "CEST": ["Europe/Madrid", "Europe/Budapest"],
        "GMT": ["UTC", "Europe/London"], "BST": ["Europe/London"], "WET": ["Europe/Lisbon"],
        "EET": ["Europe/Athens"], "MSK": ["Europe/Moscow"], "IST": ["Asia/Kolkata"],
        "HKT": ["Asia/Hong_Kong"], "JST": ["Asia/Tokyo"], "KST": ["Asia/Seoul"], "SGT": ["Asia/Singapore"],
        "AEST": ["Australia/Sydney"],
    ]

    /// Places people name that are not zone names, and the zone that covers them.
    private static let aliases: [String: String] = [
        "PRC": "Asia/Shanghai", "CHINA": "Asia/Shanghai", "BEIJING": "Asia/Shanghai", "ASIA/BEIJING": "Asia/Shanghai",
        "ASIA/GUANGZHOU": "Asia/Shanghai", "ASIA/SHENZHEN": "Asia/Shanghai", "TAIPEI": "Asia/Taipei", "ROC": "Asia/Taipei",
        "MADRID": "Europe/Madrid", "SPAIN": "Europe/Madrid", "BUDAPEST": "Europe/Budapest", "HUNGARY": "Europe/Budapest",
    ]

    /// A place with each whole-hour offset, for `GMT+1` and the like.
    private static let placeByOffset: [Int: String] = [
        -8: "America/Los_Angeles", -7: "America/Denver", -6: "America/Chicago", -5: "America/New_York",
        -3: "America/Sao_Paulo", 0: "Europe/London", 1: "Europe/Madrid", 2: "Europe/Athens", 3: "Europe/Moscow",
        7: "Asia/Bangkok", 8: "Asia/Shanghai", 9: "Asia/Tokyo", 10: "Australia/Sydney",
    ]

    private static func message(for name: String) -> String {
        let shown = "timezone '\(NodeReader.clip(name))'"
        let write = "write an IANA name of the office's place, such as Asia/Shanghai or Europe/Madrid, or UTC"
        if let places = abbreviations[name.uppercased()] {
            let list = places.map { "'\($0)'" }.joined(separator: " or ")
            return "\(shown) is an abbreviation, not a place: it is ambiguous and may ignore summer time; did you mean \(list)?"
        }
        if let place = aliases[name.uppercased()] {
            return "unknown \(shown); did you mean '\(place)'? (zones are named after one city of the region)"
        }
        if let hours = offsetHours(name) {
            let place = placeByOffset[hours].map { " (e.g. '\($0)' for \(hours >= 0 ? "+" : "")\(hours))" } ?? ""
            return "\(shown) is a fixed offset, which never changes for summer time; \(write)\(place)"
        }
        if name.lowercased() == "utc" || name == "Z" || name == "Etc/GMT" { return "\(shown) is not accepted; did you mean 'UTC'?" }
        let candidates = placeNames.union(["UTC"]).sorted()
        if let near = NearestName.suggestion(for: name, among: candidates) {
            return "unknown \(shown); did you mean '\(near)'?"
        }
        if let near = candidates.first(where: { $0.lowercased().hasSuffix("/" + name.lowercased()) }) {
            return "unknown \(shown); did you mean '\(near)'?"
        }
        if TimeZone(identifier: name) != nil {
            return "\(shown) is not a place name of the time zone database; \(write)"
        }
        return "unknown \(shown); \(write)"
    }

    /// ``message(for:)`` as a translatable text where it is a misspelling or an unknown name
    /// (not an abbreviation, an alias or an offset, which keep their English explanation).
    private static func translatable(_ name: String) -> DiagnosticText? {
        guard abbreviations[name.uppercased()] == nil, aliases[name.uppercased()] == nil, offsetHours(name) == nil else {
            return nil
        }
        let shown = NodeReader.clip(name)
        if name.lowercased() == "utc" || name == "Z" || name == "Etc/GMT" { return DiagnosticText(.timezoneNotUTC, shown) }
        let candidates = placeNames.union(["UTC"]).sorted()
        let near =
            NearestName.suggestion(for: name, among: candidates)
            ?? candidates.first { $0.lowercased().hasSuffix("/" + name.lowercased()) }
        if let near { return DiagnosticText(.timezoneUnknownNear, shown, near) }
        return TimeZone(identifier: name) == nil ? DiagnosticText(.timezoneUnknown, shown) : nil
    }

    /// The whole hours of `GMT+1`, `UTC-05:00`, `+08`, `Etc/GMT-8` (POSIX-inverted), or `nil`.
    private static func offsetHours(_ name: String) -> Int? {
        var text = Substring(name.uppercased().replacingOccurrences(of: " ", with: ""))
        var inverted = false
        if text.hasPrefix("ETC/GMT") {
            text = text.dropFirst(7)
            inverted = true
        } else if text.hasPrefix("GMT") || text.hasPrefix("UTC") {
            text = text.dropFirst(3)
        }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().prefix { $0.isNumber }
        let rest = text.dropFirst(1 + digits.count)
        guard (1...2).contains(digits.count), let hours = Int(digits),
            rest.isEmpty || rest.allSatisfy({ $0.isNumber || $0 == ":" })
        else { return nil }
        let signed = sign == "-" ? -hours : hours
        return inverted ? -signed : signed
    }
}
