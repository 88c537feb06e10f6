/// A wall-clock time `HH:MM`, local to the rules' timezone.
package struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since local midnight, 0..<1440.
    package var minutes: Int

    package init(minutes: Int) {
        self.minutes = minutes
    }

    package init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (also `H:MM`).
    package init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    package var hour: Int { minutes / 60 }
    package var minute: Int { minutes % 60 }

    package var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    package static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

/// A span of office hours within one day, `"08:30-18:00"`.
package struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    package var start: TimeOfDay
    package var end: TimeOfDay

    package init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    package func contains(_ time: TimeOfDay) -> Bool { time >= start && time < end }

    package var description: String { "\(start)-\(end)" }
}
