import Foundation
import TicklerCore
import TicklerDelivery
import Testing

@Suite("Retry policy and office hours")
struct OutboxPolicyTests {
    @Test("full jitter stays within the doubling ceiling, capped; Retry-After wins")
    func backoff() {
        let policy = RetryPolicy(base: 60, cap: 3600, maxAttempts: 10)
        #expect(policy.ceiling(afterAttempt: 1) == 60)
        #expect(policy.ceiling(afterAttempt: 3) == 240)
        #expect(policy.ceiling(afterAttempt: 20) == 3600)
        var generator = SystemRandomNumberGenerator()
        var draws = Set<Int>()
        for attempt in 1...8 {
            for _ in 0..<50 {
                let delay = policy.delay(afterAttempt: attempt, retryAfter: nil, using: &generator)
                #expect(delay >= 0 && delay <= policy.ceiling(afterAttempt: attempt))
                draws.insert(Int(delay))
            }
        }
        #expect(draws.count > 20, "the waits are spread, not all the same")
        #expect(policy.delay(afterAttempt: 5, retryAfter: .seconds(7), using: &generator) == 7)
    }

    static let zone = Zone(identifier: "Asia/Shanghai")!
    static let hours = OfficeHours(
        calendar: BusinessCalendar(
            holidays: [LocalDate(parsing: "2026-10-01")!], extraWorkdays: [LocalDate(parsing: "2026-09-27")!],
            officeHours: TimeWindow(start: TimeOfDay(parsing: "08:30")!, end: TimeOfDay(parsing: "18:00")!)),
        zone: zone)

    static func at(_ text: String) -> Date {
        let parts = text.split(separator: "T")
        return zone.instant(LocalDate(parsing: parts[0])!, TimeOfDay(parsing: parts[1])!)
    }

    @Test("mail waits for office hours on the next workday", arguments: [
        ("2026-11-24T10:00", "2026-11-24T10:00"),  // Tuesday, open
        ("2026-11-24T07:00", "2026-11-24T08:30"),  // before opening
        ("2026-11-24T18:00", "2026-11-25T08:30"),  // closing time
        ("2026-11-27T19:00", "2026-11-30T08:30"),  // Friday evening: Monday
        ("2026-09-30T18:30", "2026-10-02T08:30"),  // holiday on Thursday
        ("2026-09-26T09:00", "2026-09-27T08:30"),  // Saturday; Sunday is an adjusted workday
    ])
    func officeHours(now: String, opening: String) {
        #expect(Self.hours.nextOpening(atOrAfter: Self.at(now)) == Self.at(opening))
        #expect(Self.hours.isOpen(Self.at(opening)))
        #expect(Self.hours.isOpen(Self.at(now)) == (now == opening))
    }

    @Test("without office hours, any time is open")
    func noOfficeHours() {
        let open = OfficeHours(calendar: BusinessCalendar(), zone: Self.zone)
        let sunday = Self.at("2026-11-29T03:00")
        #expect(open.isOpen(sunday) && open.nextOpening(atOrAfter: sunday) == sunday)
    }
}
