import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore
import TicklerDelivery
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary office with the journal channel under its own identifier.
struct Workspace {
    let identifier = "tickler-test-\(UUID().uuidString.prefix(8).lowercased())"
    let office: FixtureOffice
    var folder: String { office.folder }
    var config: String { office.config }
    var rules: String { office.rules }

    init() throws {
        office = try FixtureOffice("serve", channels: "  journal: { identifier: \(identifier) }")
    }

    func remove() { office.remove() }

    /// Notice keys the fixture yields now, computed in-process with the same evaluator.
    func expectedKeys() throws -> Set<String> { Set(try office.noticesNow().map(\.key)) }
}

@Suite("tickler serve under a real journald", .serialized, .enabled(if: Journald.canRun, "needs root and /lib/systemd/systemd-journald"))
struct ServeIntegrationTests {
    @Test("READY, STATUS, WATCHDOG, a bad reload keeping the old rules, then STOPPING and exit 0")
    func notifyProtocol() throws {
        let journald = try Journald()
        defer { journald.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let notify = try NotifySocket()
        let daemon = try DaemonProcess(config: workspace.config, notify: notify, watchdogUsec: 400_000)

        #expect(notify.waitFor { $0.contains("READY=1") } != nil)
        #expect(notify.waitFor { $0.contains("STATUS=Last tick") && $0.contains("notices") } != nil)
        #expect(notify.waitFor { $0 == "WATCHDOG=1" } != nil)

        try FileManager.default.removeItem(atPath: workspace.rules)
        try FileManager.default.copyItem(atPath: workspace.folder + "/bad-rules.yaml", toPath: workspace.rules)
        let before = SystemdNotifier.monotonicMicroseconds()
        daemon.signal(SIGHUP)
        let reloading = try #require(notify.waitFor { $0.contains("RELOADING=1") })
        let after = SystemdNotifier.monotonicMicroseconds()
        let usec = reloading.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") }
            .flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }
        #expect(usec.map { $0 >= before && $0 <= after } == true, "MONOTONIC_USEC must be CLOCK_MONOTONIC")
        let ready = try #require(notify.waitFor { $0.contains("READY=1") })
        #expect(ready.contains("Reload failed"))

        // The previous rules stay in force: ticks still run after the failed reload.
        daemon.signal(SIGTERM)
        #expect(notify.waitFor { $0.contains("STOPPING=1") } != nil)
        #expect(daemon.wait() == 0)

        let entries = try Journald.entries(identifier: workspace.identifier)
        let ids = entries.compactMap { $0["MESSAGE_ID"] as? String }
        #expect(ids.contains(JournalMessageID.started))
        #expect(ids.contains(JournalMessageID.stopping))
        let failures = entries.filter { $0["MESSAGE_ID"] as? String == JournalMessageID.reloadFailed }
        let located = failures.compactMap { $0["MESSAGE"] as? String }.filter { $0.hasPrefix(workspace.rules + ":") }
        #expect(!located.isEmpty, "the reload error names FILE:LINE:COLUMN")
        if let first = located.first {
            let parts = first.dropFirst(workspace.rules.count + 1).split(separator: ":")
            #expect(parts.count >= 3 && Int(parts[0]) != nil && Int(parts[1]) != nil)
        }
        let started = try #require(entries.first { $0["MESSAGE_ID"] as? String == JournalMessageID.started })
        #expect(started["PRIORITY"] as? String == "6")
        #expect(started["CODE_FILE"] != nil && started["CODE_LINE"] != nil)
        let ticks = entries.compactMap { $0["TICKLER_TICK_MS"] as? String }
        #expect(!ticks.isEmpty && ticks.allSatisfy { Int($0) != nil }, "each tick logs its duration to the journal")
    }

    @Test("a notice reaches the journal once across --once runs, a restart and kill -9")
    func noDuplicates() throws {
        let journald = try Journald()
        defer { journald.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let expected = try workspace.expectedKeys()
        #expect(expected.count >= 2, "the fixture must yield notices, or this test proves nothing")

        #expect(try DaemonProcess(config: workspace.config, once: true, notify: nil).wait() == 0)
        #expect(try DaemonProcess(config: workspace.config, once: true, notify: nil).wait() == 0)
        let notify = try NotifySocket()
        let killed = try DaemonProcess(config: workspace.config, notify: notify)
        #expect(notify.waitFor { $0.contains("STATUS=Last tick") } != nil)
        killed.signal(SIGKILL)
        _ = killed.wait()
        #expect(try DaemonProcess(config: workspace.config, once: true, notify: nil).wait() == 0)

        let entries = try Journald.entries(identifier: workspace.identifier)
        let notices = entries.filter { $0["TICKLER_KEY"] != nil && $0["TICKLER_KIND"] as? String != "summary" }
        var counts: [String: Int] = [:]
        for entry in notices {
            if let key = entry["TICKLER_KEY"] as? String { counts[key, default: 0] += 1 }
        }
        #expect(counts.values.allSatisfy { $0 == 1 }, "duplicates: \(counts.filter { $0.value > 1 })")
        #expect(Set(counts.keys) == expected)
        for entry in notices {
            #expect(entry["MESSAGE_ID"] as? String == (entry["TICKLER_KIND"] as? String).flatMap(NoticeKind.init(rawValue:)).map(JournalMessageID.notice))
            #expect(entry["TICKLER_RULE"] != nil && entry["TICKLER_REP"] != nil && entry["PRIORITY"] != nil)
        }
    }

    @Test("lateness recorded while the daemon was down is caught up after a restart, once")
    func catchUpAfterDowntime() throws {
        let journald = try Journald()
        defer { journald.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let rules = try String(contentsOfFile: workspace.rules, encoding: .utf8)
        try (rules + "\nattendance:\n  start: \"08:30\"\n  late:\n    - { up_to: 10h, fine: 1 }\n  absent: { fine: 1 }\n")
            .write(toFile: workspace.rules, atomically: true, encoding: .utf8)
        let zone = Zone(identifier: "Asia/Shanghai")!
        let twoDaysAgo = zone.localDate(Date()).adding(days: -2)
        try "{\"rep\": \"r1\", \"date\": \"\(twoDaysAgo)\", \"check_in\": \"09:00\"}\n"
            .write(toFile: workspace.folder + "/store/attendance.jsonl", atomically: true, encoding: .utf8)
        let key = "late/r1/\(twoDaysAgo)"

        // A first run knows no earlier tick: its window starts today.
        #expect(try DaemonProcess(config: workspace.config, once: true, notify: nil).wait() == 0)
        #expect(try !Journald.entries(identifier: workspace.identifier).contains { $0["TICKLER_KEY"] as? String == key })

        // The state says the last tick was three days ago: the window reaches back to it.
        let threeDaysAgo = Date().addingTimeInterval(-3 * 86_400).timeIntervalSince1970
        try "\(threeDaysAgo)\n".write(toFile: workspace.folder + "/state/last-tick", atomically: true, encoding: .utf8)
        #expect(try DaemonProcess(config: workspace.config, once: true, notify: nil).wait() == 0)
        #expect(try DaemonProcess(config: workspace.config, once: true, notify: nil).wait() == 0)
        let late = try Journald.entries(identifier: workspace.identifier).filter { $0["TICKLER_KEY"] as? String == key }
        #expect(late.count == 1)
    }
}
