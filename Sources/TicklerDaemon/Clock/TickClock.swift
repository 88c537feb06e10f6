package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's time, injected so the service and the tick engine run in tests on a clock
/// the test moves: the wall clock (`now`, which evaluation and office hours read), a
/// monotonic clock (which the outbox's retry waits and the clock-jump check measure), and
/// sleeping.
package protocol TickClock: Sendable {
    /// The wall-clock time.
    func now() -> Date
    /// Monotonic time since an arbitrary origin: never set back, counting a suspend.
    func uptime() -> Duration
    /// Sleeps `duration` of this clock's time. Throws `CancellationError` when cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clocks: `Date()`, `CLOCK_BOOTTIME` and `Task.sleep`.
package struct SystemTickClock: TickClock {
    package init() {}

    package func now() -> Date { Date() }

    package func uptime() -> Duration {
        var ts = timespec()
        clock_gettime(CLOCK_BOOTTIME, &ts)
        return .seconds(Int64(ts.tv_sec)) + .nanoseconds(Int64(ts.tv_nsec))
    }

    package func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
