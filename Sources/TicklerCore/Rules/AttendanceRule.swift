/// `attendance:` — start of the working day, tiered lateness fines and the absence fine
/// (seed 003: late up to 10 min 10 yuan / 5 points, ... over 30 min counts as absent).
package struct AttendanceRule: Sendable {
    package var start: TimeOfDay
    /// Contiguous tiers in increasing order, checked by the parser.
    package var late: [LatenessTier]
    package var absent: Penalty
    package var notify: [Recipient]
    package var location: SourceLocation

    package init(
        start: TimeOfDay, late: [LatenessTier], absent: Penalty, notify: [Recipient], location: SourceLocation
    ) {
        self.start = start
        self.late = late
        self.absent = absent
        self.notify = notify
        self.location = location
    }

    /// The tier for a rep `minutesLate` minutes late (> 0), or `nil` when no tier covers it.
    package func tier(minutesLate: Int) -> LatenessTier? {
        let seconds = minutesLate * 60
        var lower = 0
        for tier in late {
            switch tier.bound {
            case .upTo(let limit):
                if seconds > lower, seconds <= limit.approximateSeconds { return tier }
                lower = limit.approximateSeconds
            case .over(let limit):
                if seconds > limit.approximateSeconds { return tier }
            }
        }
        return nil
    }
}

/// One lateness tier: `{ up_to: 10m, fine: 10, points: 5 }` or
/// `{ over: 30m, counts_as: absent, fine: 50, points: 20 }`.
package struct LatenessTier: Sendable {
    package enum Bound: Sendable, Hashable {
        /// Late by more than the previous tier's limit and at most this.
        case upTo(RuleDuration)
        /// Late by more than this (the last tier).
        case over(RuleDuration)
    }

    package var bound: Bound
    package var penalty: Penalty
    /// `counts_as: absent`: the lateness is recorded as an absence (`absent` notice).
    package var countsAsAbsent: Bool
    package var location: SourceLocation

    package init(bound: Bound, penalty: Penalty, countsAsAbsent: Bool = false, location: SourceLocation) {
        self.bound = bound
        self.penalty = penalty
        self.countsAsAbsent = countsAsAbsent
        self.location = location
    }
}
