/// `scoring:` — every rep starts each period with `start` points; fines' points are
/// deducted; below `warn_below` a `score_low` notice goes out.
package struct ScoringRule: Sendable {
    package var start: Int
    package var period: Period
    package var warnBelow: Int
    package var notify: [Recipient]
    package var location: SourceLocation

    package init(start: Int, period: Period, warnBelow: Int, notify: [Recipient], location: SourceLocation) {
        self.start = start
        self.period = period
        self.warnBelow = warnBelow
        self.notify = notify
        self.location = location
    }
}

/// A calendar period for scores and quotas.
package enum Period: String, Sendable, Hashable, CaseIterable {
    case day, week, month, quarter, year
}
