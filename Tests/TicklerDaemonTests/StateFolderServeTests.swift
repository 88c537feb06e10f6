import Foundation
import Testing
import TicklerTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The state folder with real `tickler` processes (docs/reliability.md): one serve per state
/// folder, a link planted in it stops serve without touching its target, and commands an
/// admin runs as root leave no root-owned files behind.
@Suite("tickler serve and the state folder", .serialized)
struct StateFolderServeTests {
    @Test("a second serve on the same state folder exits 1 naming the first one's pid; nothing is delivered twice")
    func secondServeRefused() throws {
        let office = try FixtureOffice("twice", channels: "  mail: { maildir: mail }")
        defer { office.remove() }
        let notify = try NotifySocket()
        let first = try DaemonProcess(config: office.config, notify: notify)
        #expect(notify.waitFor { $0.contains("STATUS=Last tick") } != nil)
        // Delivery runs apart from the ticks: wait for the first serve's mail to land.
        func deliveredMail() -> [String] {
            ((try? FileManager.default.subpathsOfDirectory(atPath: office.folder + "/mail")) ?? []).filter { $0.contains("/new/") }
        }
        let deadline = Date().addingTimeInterval(30)
        var delivered: [String] = []
        while Date() < deadline {  // until mail has come and stays the same for a second
            let now = deliveredMail()
            if !now.isEmpty && now == delivered { break }
            delivered = now
            usleep(1_000_000)
        }
        #expect(!delivered.isEmpty, "the first serve delivered nothing in 30 s")

        let second = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        first.signal(SIGTERM)
        #expect(first.wait() == 0)
        #expect(second.status == 1)
        #expect(second.stderr.contains("in use by another tickler serve (pid \(first.process.processIdentifier))"), "\(second.stderr)")
        #expect(deliveredMail().count == delivered.count, "the second serve delivered again")
    }

    @Test("a symbolic link planted in the state folder stops serve --once; its target is untouched")
    func plantedLinkStopsServe() throws {
        let office = try FixtureOffice("planted", channels: "  journal: {}")
        defer { office.remove() }
        let victim = office.folder + "/victim"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: office.folder + "/state", withIntermediateDirectories: true)
        #expect(symlink(victim, office.folder + "/state/ledger.jsonl") == 0)
        let run = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("ledger.jsonl: refused: the state file is a symbolic link"), "\(run.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    /// Every path under `folder` with its owner's uid.
    static func owners(_ folder: String) throws -> [String: uid_t] {
        var owners: [String: uid_t] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var info = stat()
            if lstat(folder + "/" + path, &info) == 0 { owners[path] = info.st_uid }
        }
        return owners
    }

    @Test("serve --once, outbox retry and ledger --config run as root act as the state folder's owner",
        .enabled(if: geteuid() == 0, "needs root"))
    func rootLeavesNoRootFiles() throws {
        let office = try FixtureOffice("root", channels: "  mail: { maildir: mail }")
        defer { office.remove() }
        // The office as the daemon's user (nobody here) would have it.
        for path in [""] + (try FileManager.default.subpathsOfDirectory(atPath: office.folder)) {
            #expect(chown(office.folder + "/" + path, 65534, 65534) == 0)
        }
        try FileManager.default.createDirectory(atPath: office.folder + "/state", withIntermediateDirectories: true)
        #expect(chown(office.folder + "/state", 65534, 65534) == 0)

        let serve = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        #expect(serve.status == 0, "\(serve.stderr)")
        let retry = try TicklerBinary.run(["outbox", "retry", "tickler-none", "--config", office.config])
        #expect(retry.status == 1, "\(retry.stderr)")
        let ledger = try TicklerBinary.run(["ledger", "--config", office.config])
        #expect(ledger.status == 0, "\(ledger.stderr)")

        let owners = try Self.owners(office.folder + "/state")
        #expect(Set(owners.keys).isSuperset(of: ["notifications.log", "ledger.jsonl", "last-tick", "outbox.log", "serve.lock"]))
        for (path, owner) in owners.sorted(by: { $0.key < $1.key }) {
            #expect(owner == 65534, "state/\(path) is owned by uid \(owner)")
        }
    }
}
