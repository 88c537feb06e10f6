package import Foundation

/// When ticks happen: on wall-clock boundaries of the interval (every 5 minutes at :00,
/// :05, ...), in local time, so that ticks line up with what people read on a clock.
///
/// Pure: the caller passes the time. Robust to clock jumps: a jump forward past a boundary
/// fires once (not once per missed boundary); a jump backwards re-anchors on the new time.
package struct TickSchedule: Sendable, Hashable {
    /// Tick period in seconds.
    package var interval: Int
    /// The local zone whose wall clock the boundaries follow.
    package var timeZone: TimeZone

    package init(interval: Int, timeZone: TimeZone = .current) {
        self.interval = max(1, interval)
        self.timeZone = timeZone
    }

    /// The first boundary strictly after `instant`.
    package func nextBoundary(after instant: Date) -> Date {
        let offset = Double(timeZone.secondsFromGMT(for: instant))
        let local = instant.timeIntervalSince1970 + offset
        let step = Double(interval)
        let next = (local / step).rounded(.down) * step + step
        return Date(timeIntervalSince1970: next - offset)
    }

    /// What to do at `now`, given the previous tick at `last`: fire now, or wait until the
    /// returned instant. A clock that went backwards (now before `last`) re-anchors on `now`.
    package func decide(now: Date, last: Date) -> Decision {
        let anchor = now < last ? now : last
        let due = nextBoundary(after: anchor)
        return now >= due ? .fire : .wait(until: due)
    }

    package enum Decision: Sendable, Hashable {
        case fire
        case wait(until: Date)
    }
}
