import Foundation
import TicklerDaemon
import Testing

@Suite("Tick schedule")
struct TickScheduleTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    let kathmandu = TimeZone(identifier: "Asia/Kathmandu")!  // +05:45

    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("boundaries fall on the local wall clock", arguments: [
        ("2026-11-24T09:03:10+08:00", 300, "2026-11-24T09:05:00+08:00"),
        ("2026-11-24T09:05:00+08:00", 300, "2026-11-24T09:10:00+08:00"),
        ("2026-11-24T09:59:59+08:00", 3600, "2026-11-24T10:00:00+08:00"),
    ])
    func boundaries(now: String, interval: Int, next: String) {
        #expect(TickSchedule(interval: interval, timeZone: shanghai).nextBoundary(after: date(now)) == date(next))
    }

    @Test("an hourly tick in a +05:45 zone lands on the local hour")
    func oddOffset() {
        let next = TickSchedule(interval: 3600, timeZone: kathmandu).nextBoundary(after: date("2026-11-24T09:10:00+05:45"))
        #expect(next == date("2026-11-24T10:00:00+05:45"))
    }

    @Test("a clock jump forward fires once; a jump backwards re-anchors")
    func clockJumps() {
        let schedule = TickSchedule(interval: 300, timeZone: shanghai)
        let last = date("2026-11-24T09:05:00+08:00")
        #expect(schedule.decide(now: date("2026-11-24T09:07:00+08:00"), last: last) == .wait(until: date("2026-11-24T09:10:00+08:00")))
        #expect(schedule.decide(now: date("2026-11-24T13:42:00+08:00"), last: last) == .fire)
        #expect(schedule.decide(now: date("2026-11-24T08:01:00+08:00"), last: last) == .wait(until: date("2026-11-24T08:05:00+08:00")))
    }
}
