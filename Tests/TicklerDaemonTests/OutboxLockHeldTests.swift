import Foundation
import TicklerTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Another process that holds `outbox.lock` for good (a stuck `tickler outbox`, a local user
/// who can open the file) makes the outbox wait, not the daemon: the lock is taken without
/// blocking a thread of the concurrency pool.
@Suite(
    "tickler serve while another process holds the outbox lock", .serialized,
    .enabled(if: WebhookReceiver.python != nil, "needs python3"))
struct OutboxLockHeldTests {
    @Test("ticks go on, the held lock is reported once, and SIGTERM still stops serve")
    func heldLock() throws {
        let office = try FixtureOffice("lock-held", interval: "1s", channels: "  mail: { maildir: mail }")
        defer { office.remove() }
        let notify = try NotifySocket()
        let stderr = office.folder + "/stderr"
        let daemon = try DaemonProcess(config: office.config, notify: notify, stderr: stderr)
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.waitFor { $0.contains("STATUS=Last tick") } != nil, "the first tick")

        // A real second process takes the lock and keeps it (one process: killing it lets go).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: try #require(WebhookReceiver.python))
        holder.arguments = [
            "-c",
            "import fcntl, sys, time\nf = open(sys.argv[1], 'a')\nfcntl.flock(f, fcntl.LOCK_EX)\n"
                + "print('held', flush=True)\ntime.sleep(120)",
            office.folder + "/state/outbox.lock",
        ]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL) }
        let said = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        #expect(said.hasPrefix("held"), "the second process holds the lock")

        // Ticks keep coming while the lock is held (20 s bounds a stalled daemon). The delivery
        // task waits 5 s for the lock in each drain; over 12 s it gives up at least once.
        let started = Date()
        var ticks = 0
        while ticks < 5 || Date().timeIntervalSince(started) < 12 {
            guard notify.waitFor({ $0.contains("STATUS=Last tick") && !$0.contains("failed") }) != nil else { break }
            ticks += 1
        }
        #expect(ticks >= 5, "\(ticks) ticks while the outbox lock is held")
        let text = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
        let reports = text.split(separator: "\n").filter { $0.contains("held the outbox lock") }
        #expect(reports.count == 1, "reported once while it lasts: \(text)")

        daemon.signal(SIGTERM)
        let stop = Date().addingTimeInterval(10)
        while daemon.process.isRunning && Date() < stop { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!daemon.process.isRunning, "serve did not stop within 10 s of SIGTERM")
        if !daemon.process.isRunning { #expect(daemon.wait() == 0) }
    }
}
