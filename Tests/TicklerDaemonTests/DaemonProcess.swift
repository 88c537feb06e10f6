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

    /// `stderr`: a file to write the daemon's standard error to (created), else discarded.
    init(
        config: String, once: Bool = false, notify: NotifySocket?, watchdogUsec: Int? = nil, stderr: String? = nil
    ) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--config", config] + (once ? ["--once"] : [])
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_STREAM")
        environment.removeValue(forKey: "WATCHDOG_PID")
        environment["NOTIFY_SOCKET"] = notify?.path
        environment["WATCHDOG_USEC"] = watchdogUsec.map(String.init)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: stderr) ?? FileHandle.nullDevice
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit and returns the status.
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
