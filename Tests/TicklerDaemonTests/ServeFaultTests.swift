import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A fault that lasts many ticks is reported when it starts, not every tick
/// (scripts/campaigns/faults.py runs the full-disk version of this on a tmpfs).
@Suite("tickler serve under a lasting fault", .serialized)
struct ServeFaultTests {
    @Test("a tick failing every tick (the outbox cannot be written) is reported once; serve keeps running and stops on SIGTERM")
    func failingTickReportedOnce() throws {
        let office = try FixtureOffice("fault", interval: "1s", channels: "  mail: { spool: spool }")
        defer { office.remove() }
        let folder = office.folder
        // outbox.log is a folder: every drain fails to read it, as on a broken disk.
        try FileManager.default.createDirectory(atPath: folder + "/state/outbox.log", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/spool", withIntermediateDirectories: true)

        let notify = try NotifySocket()
        let stderr = folder + "/stderr"
        let daemon = try DaemonProcess(config: folder + "/tickler.yaml", notify: notify, stderr: stderr)
        for tick in 1...3 {
            #expect(notify.waitFor { $0.contains("STATUS=Last tick failed") } != nil, "failed tick \(tick)")
        }
        daemon.signal(SIGTERM)
        #expect(daemon.wait() == 0)
        let text = try String(contentsOfFile: stderr, encoding: .utf8)
        let reports = text.split(separator: "\n").filter { $0.contains("tick failed") }
        #expect(reports.count == 1, "\(text)")
        #expect(reports.first?.contains("outbox.log") == true)
    }
}
