import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A service manager that stops reading its notify socket must not freeze the daemon.
@Suite("tickler serve with a notify socket nobody reads", .serialized)
struct NotifyStallTests {
    @Test("ticks go on and SIGTERM stops serve although the notify socket's queue is full")
    func deafServiceManager() throws {
        let office = try FixtureOffice("deaf", interval: "1s", channels: "  mail: { maildir: mail }")
        defer { office.remove() }
        // Never read: its queue fills after a few messages, and a blocking send to it then
        // waits forever.
        let deaf = try NotifySocket()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = ["serve", "--config", office.config]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_STREAM")
        environment.removeValue(forKey: "WATCHDOG_PID")
        environment["NOTIFY_SOCKET"] = deaf.path
        // A keep-alive every 10 ms fills the socket's queue at once.
        environment["WATCHDOG_USEC"] = "20000"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let stderr = office.folder + "/stderr"
        _ = FileManager.default.createFile(atPath: stderr, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderr)
        try process.run()

        // Ticks keep coming (one a second) long after the queue filled up.
        let deadline = Date().addingTimeInterval(30)
        var ticks = 0
        while Date() < deadline && ticks < 4 {
            Thread.sleep(forTimeInterval: 0.5)
            let text = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
            ticks = text.components(separatedBy: "Last tick").count - 1
        }
        #expect(ticks >= 4, "only \(ticks) ticks in 30 s with a full notify socket")

        kill(process.processIdentifier, SIGTERM)
        let stop = Date().addingTimeInterval(20)
        while process.isRunning && Date() < stop { Thread.sleep(forTimeInterval: 0.1) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(stopped, "serve did not stop within 20 s of SIGTERM")
        #expect(stopped && process.terminationStatus == 0)
    }
}
