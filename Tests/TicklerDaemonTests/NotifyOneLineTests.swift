import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What the daemon tells the service manager after a reload is one `STATUS=` line: a name in
/// it (the rules file's path, a diagnostic) that holds a line break cannot add an assignment
/// of its own (`STOPPING=1`, `MAINPID=...`) to the notification, nor a line of its own to the log.
@Suite("sd_notify after a reload, whatever the names hold", .serialized)
struct NotifyOneLineTests {
    @Test("a rules path with a line break in it stays inside STATUS= after a reload, good or failed")
    func reloadStatusIsOneLine() throws {
        let office = try FixtureOffice("notify-line", interval: "1h", channels: "  mail: { maildir: mail }")
        defer { office.remove() }
        // A rules file whose name carries a line break and an assignment of the protocol.
        let forged = "rules\nSTOPPING=1\nX.yaml"
        try FileManager.default.moveItem(atPath: office.rules, toPath: office.folder + "/" + forged)
        let config = try String(contentsOfFile: office.config, encoding: .utf8)
            .replacingOccurrences(of: "rules: rules.yaml", with: "rules: \"rules\\nSTOPPING=1\\nX.yaml\"")
        try config.write(toFile: office.config, atomically: true, encoding: .utf8)

        let notify = try NotifySocket()
        let stderr = office.folder + "/stderr"
        let daemon = try DaemonProcess(config: office.config, notify: notify, stderr: stderr)
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.wait()
        }
        #expect(notify.waitFor { $0.contains("READY=1") } != nil, "serve starts with the oddly named rules")

        daemon.signal(SIGHUP)
        let reloaded = try #require(notify.waitFor { $0.contains("READY=1") && $0.contains("Reloaded") })
        #expect(Self.assignments(reloaded) == ["READY", "STATUS"], "\(reloaded.debugDescription)")

        try "followup: [".write(toFile: office.folder + "/" + forged, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let failed = try #require(notify.waitFor { $0.contains("READY=1") && $0.contains("Reload failed") })
        #expect(Self.assignments(failed) == ["READY", "STATUS"], "\(failed.debugDescription)")
        #expect(!notify.messages.contains { $0.split(separator: "\n").contains("STOPPING=1") }, "not stopped yet")
        // The log lines that name the path are one line each too.
        let logged = try String(contentsOfFile: stderr, encoding: .utf8).split(separator: "\n")
        #expect(logged.contains { $0.contains("reloaded") && $0.contains("STOPPING=1") }, "\(logged)")
        #expect(logged.allSatisfy { $0.hasPrefix("tickler: ") }, "\(logged)")
    }

    /// The variable names a notification assigns, one per line.
    static func assignments(_ message: String) -> [String] {
        message.split(separator: "\n").map { String($0.prefix { $0 != "=" }) }
    }
}
