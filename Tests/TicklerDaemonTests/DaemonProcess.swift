import Foundation
import TicklerTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A real `tickler serve` process started from the built binary.
final class DaemonProcess {
    let process = Process()

    /// The built `tickler` executable.
    static var binary: String { TicklerBinary.path }

    init(config: String, once: Bool = false, notify: NotifySocket?, watchdogUsec: Int? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--config", config] + (once ? ["--once"] : [])
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_STREAM")
        environment.removeValue(forKey: "WATCHDOG_PID")
        environment["NOTIFY_SOCKET"] = notify?.path
        environment["WATCHDOG_USEC"] = watchdogUsec.map(String.init)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit and returns the status.
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
