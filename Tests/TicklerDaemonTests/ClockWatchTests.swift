import Foundation
import TicklerDaemon
import Testing

/// ``ClockWatch``: the wall clock's moves between ticks against the monotonic clock's.
@Suite("Clock jumps between ticks")
struct ClockWatchTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    @Test("a first tick, and ticks that follow the monotonic clock, run")
    func steady() {
        var watch = ClockWatch(lastTick: nil)
        #expect(watch.assess(now: Self.start, uptime: .seconds(100), tolerance: 300) == .run)
        watch.ran(now: Self.start, uptime: .seconds(100))
        // 300 s later by both clocks, with 2 s of NTP slewing.
        #expect(watch.assess(now: Self.start.addingTimeInterval(302), uptime: .seconds(400), tolerance: 300) == .run)
    }

    @Test("a jump forward holds one tick; the next one runs whether the clock stayed or came back")
    func forward() {
        for cameBack in [false, true] {
            var watch = ClockWatch(lastTick: nil)
            watch.ran(now: Self.start, uptime: .seconds(100))
            let jumped = Self.start.addingTimeInterval(86_400)
            #expect(watch.assess(now: jumped, uptime: .seconds(400), tolerance: 300) == .hold(seconds: 86_100))
            let next = cameBack ? Self.start.addingTimeInterval(600) : jumped.addingTimeInterval(300)
            #expect(watch.assess(now: next, uptime: .seconds(700), tolerance: 300) == .run)
        }
    }

    @Test("a clock set back by more than the tolerance is reported, in this run or against the last tick on disk")
    func backward() {
        var running = ClockWatch(lastTick: nil)
        running.ran(now: Self.start, uptime: .seconds(100))
        #expect(
            running.assess(now: Self.start.addingTimeInterval(-3600), uptime: .seconds(400), tolerance: 300)
                == .wentBack(seconds: 3600))
        var restarted = ClockWatch(lastTick: Self.start)
        #expect(
            restarted.assess(now: Self.start.addingTimeInterval(-3600), uptime: .seconds(5), tolerance: 300)
                == .wentBack(seconds: 3600))
        // Less than the tolerance back (NTP correcting a few seconds) is a normal tick.
        #expect(restarted.assess(now: Self.start.addingTimeInterval(-5), uptime: .seconds(5), tolerance: 300) == .run)
    }

    @Test("after a restart, time forward is downtime, not a jump")
    func downtime() {
        var watch = ClockWatch(lastTick: Self.start)
        #expect(watch.assess(now: Self.start.addingTimeInterval(7 * 86_400), uptime: .seconds(5), tolerance: 300) == .run)
    }
}
