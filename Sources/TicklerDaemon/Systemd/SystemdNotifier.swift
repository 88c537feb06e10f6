import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Talks to the service manager over `NOTIFY_SOCKET` (`sd_notify`): readiness, status,
/// watchdog keep-alives, reload and stop. Without `NOTIFY_SOCKET` (run by hand) every call
/// does nothing.
package struct SystemdNotifier: Sendable {
    package init() {}

    /// Sends one notification (`READY=1`, `STATUS=...`, newline-separated assignments).
    /// Returns whether it was sent (false without `NOTIFY_SOCKET` or on error).
    @discardableResult
    package func notify(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    /// `READY=1` with a status line: the first good load is done.
    package func ready(status: String) { notify("READY=1\nSTATUS=\(Self.oneLine(status))") }

    /// `STATUS=`: the one-line summary shown by `systemctl status`.
    package func status(_ text: String) { notify("STATUS=\(Self.oneLine(text))") }

    /// `WATCHDOG=1`: the keep-alive.
    package func watchdog() { notify("WATCHDOG=1") }

    /// `RELOADING=1` with `MONOTONIC_USEC` read from `CLOCK_MONOTONIC` (as systemd wants;
    /// Swift's `ContinuousClock` reads `CLOCK_BOOTTIME` on Linux).
    package func reloading() {
        notify("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())\nSTATUS=Reloading configuration")
    }

    /// `STOPPING=1`.
    package func stopping() { notify("STOPPING=1\nSTATUS=Stopping") }

    /// How often to send `WATCHDOG=1`: half of `WATCHDOG_USEC` when the service manager
    /// asked for keep-alives (`sd_watchdog_enabled`), else `nil`.
    package func watchdogInterval() -> Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(usec / 2))
    }

    /// `CLOCK_MONOTONIC` in microseconds.
    package static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
