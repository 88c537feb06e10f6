package import Foundation

/// Notices when the wall clock jumps between two ticks, by comparing how far it moved with
/// how far the monotonic clock moved (which nobody can set, and which counts a suspend).
///
/// Pure: the caller passes both clocks' readings. A jump is a difference of more than
/// `tolerance` (the tick interval, at least a minute):
/// - backward: the tick's time is before the last tick's (by more than the tolerance), in
///   this run or against the last tick recorded in the state folder;
/// - forward, within one run: the tick is held once; the next tick confirms the new time
///   (or finds the clock set right again), so one glitched tick records nothing.
package struct ClockWatch: Sendable {
    /// The last tick that ran: its wall time and monotonic reading (`nil` from the state
    /// folder, where only the wall time survives a restart).
    package private(set) var last: (wall: Date, uptime: Duration?)?
    /// A forward jump was seen and its tick held.
    package private(set) var holding = false

    package init(lastTick: Date?) {
        last = lastTick.map { ($0, nil) }
    }

    /// What to do with a tick at `now`.
    package enum Verdict: Sendable, Hashable {
        /// Run the tick.
        case run
        /// Run it, after forgetting what was recorded after `now`: the clock went back by
        /// `seconds` from the last tick.
        case wentBack(seconds: TimeInterval)
        /// Do not run it: the clock jumped forward by `seconds`; the next tick decides.
        case hold(seconds: TimeInterval)
    }

    /// Judges a tick at wall time `now`, monotonic `uptime`.
    package mutating func assess(now: Date, uptime: Duration, tolerance: TimeInterval) -> Verdict {
        guard let last else { return .run }
        let wall = now.timeIntervalSince(last.wall)
        if wall < -tolerance {
            holding = false
            return .wentBack(seconds: -wall)
        }
        guard let before = last.uptime, !holding else {
            holding = false
            return .run
        }
        let monotonic = Double((uptime - before).components.seconds)
        if wall - monotonic > tolerance {
            holding = true
            return .hold(seconds: wall - monotonic)
        }
        return .run
    }

    /// Records a tick that ran at `now`, monotonic `uptime`.
    package mutating func ran(now: Date, uptime: Duration) {
        last = (now, uptime)
    }
}
