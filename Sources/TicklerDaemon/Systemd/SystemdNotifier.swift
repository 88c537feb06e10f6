import CSystemd
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Talks to the service manager over `NOTIFY_SOCKET`: readiness, status, watchdog
/// keep-alives, reload and stop. Without `NOTIFY_SOCKET` (run by hand) every call does nothing.
///
/// Every message goes out on a non-blocking datagram socket of our own (`SOCK_NONBLOCK`,
/// `MSG_DONTWAIT`), never through `sd_notify`, which blocks while the receiver's queue is
/// full: a notify socket that nobody reads would otherwise freeze the thread that sends, and
/// with it the Swift concurrency pool (signals and SIGTERM included). A message the socket
/// cannot take at once is dropped; the next status or keep-alive says the same again.
package struct SystemdNotifier: Sendable {
    /// The socket address from `NOTIFY_SOCKET` (a path, or `@name` in the abstract namespace).
    private let address: String?

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let value = environment["NOTIFY_SOCKET"] ?? ""
        address = value.isEmpty ? nil : value
    }

    /// Sends one notification (`READY=1`, `STATUS=...`, newline-separated assignments) without
    /// waiting. Returns whether it was sent (false without `NOTIFY_SOCKET`, when the socket's
    /// queue is full, or on error).
    @discardableResult
    package func notify(_ state: String) -> Bool {
        guard let address, var socketAddress = Self.socketAddress(address) else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + Self.pathLength(address))
        let sent = Array(state.utf8).withUnsafeBytes { bytes in
            withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL), $0, length)
                }
            }
        }
        return sent == state.utf8.count
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

    /// The bytes of `sun_path`: the path, or a leading NUL for an abstract `@name`.
    private static func pathBytes(_ address: String) -> [UInt8] {
        var bytes = Array(address.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        return bytes
    }

    /// How many bytes of `sun_path` the address uses (a path includes its closing NUL).
    private static func pathLength(_ address: String) -> Int {
        let bytes = pathBytes(address)
        return bytes.first == 0 ? bytes.count : bytes.count + 1
    }

    /// The `sockaddr_un` of `address`, or `nil` when it does not fit or is not absolute.
    private static func socketAddress(_ address: String) -> sockaddr_un? {
        let bytes = pathBytes(address)
        guard bytes.first == 0 || bytes.first == UInt8(ascii: "/") else { return nil }
        var result = sockaddr_un()
        result.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: result.sun_path)
        guard bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &result.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return result
    }
}
