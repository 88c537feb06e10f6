import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The watchdog is fed by the tick loop's progress: a daemon stuck in a tick stops sending
/// `WATCHDOG=1`, so systemd restarts it.
@Suite(
    "tickler serve stuck in a tick", .serialized,
    .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), "needs root and unshare"))
struct StuckTickWatchdogTests {
    @Test("a journal that stops reading freezes the tick, and the keep-alives stop with it")
    func keepAlivesStopWithTheTicks() throws {
        let office = try FixtureOffice("stuck-tick", interval: "1s", channels: "  journal: { identifier: tickler-stuck }")
        defer { office.remove() }
        // A journal socket nobody reads, mounted over the real one in the daemon's own mount
        // namespace: the journal channel's sends block once its queue is full, in the tick.
        let deaf = office.folder + "/journal"
        try FileManager.default.createDirectory(atPath: deaf, withIntermediateDirectories: true)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un(path: deaf + "/socket")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        try FileManager.default.createDirectory(atPath: "/run/systemd/journal", withIntermediateDirectories: true)

        let notify = try NotifySocket()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = [
            "-m", "--", "/bin/sh", "-c", "mount --bind \"$0\" /run/systemd/journal && exec \"$@\"", deaf,
            DaemonProcess.binary, "serve", "--config", office.config,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_STREAM")
        environment.removeValue(forKey: "WATCHDOG_PID")
        environment["NOTIFY_SOCKET"] = notify.path
        environment["WATCHDOG_USEC"] = "400000"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        #expect(notify.waitFor { $0.contains("READY=1") } != nil)
        #expect(notify.waitFor { $0 == "WATCHDOG=1" } != nil, "keep-alives while the ticks run")
        // The journal's queue fills within a few ticks; after that, neither a tick status nor
        // a keep-alive may come (systemd would restart the daemon after WatchdogSec).
        let deadline = Date().addingTimeInterval(40)
        var quiet = false
        while Date() < deadline && !quiet {
            quiet = notify.waitFor({ $0.contains("STATUS=Last tick") || $0 == "WATCHDOG=1" }, within: 3) == nil
        }
        #expect(quiet, "keep-alives kept coming although the ticks stopped")
    }
}
