import Foundation
import TicklerCore
import TicklerDaemon
import TicklerTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A channel that is configured but cannot be set up stops `tickler serve` at start (exit 1,
/// the message on stderr), `tickler check --config` says the same, and a reload that breaks a
/// channel keeps the running one.
@Suite("Channels that cannot be set up", .serialized)
struct ChannelSetupServeTests {
    static let goodSecret = "whsec_" + Data("a secret of thirty-two bytes!!!!".utf8).base64EncodedString()

    /// An office whose webhook channel signs with `secret:` (a file written with `text`, or
    /// missing when `text` is nil) and whose mail channel is `mail`.
    static func office(
        _ name: String, secretText: String?, mail: String? = nil, url: String = "http://127.0.0.1:9/hook",
        interval: String = "1h"
    ) throws -> FixtureOffice {
        let office = try FixtureOffice(
            name, interval: interval,
            channels: """
                  webhook:
                    url: \(url)
                    secret: { file: webhook.secret }
                    timeout: 2s
                \(mail.map { "  mail: " + $0 } ?? "")
                """)
        if let secretText {
            try secretText.write(toFile: office.folder + "/webhook.secret", atomically: true, encoding: .utf8)
            #expect(chmod(office.folder + "/webhook.secret", 0o600) == 0)
        }
        return office
    }

    @Test(
        "serve exits 1 at start with the message; check --config reports it the same way",
        arguments: [
            ("a missing secret file", String?.none, String?.none, "cannot read the webhook secret"),
            ("a secret too short", "short", nil, "the webhook secret has 5 bytes"),
            ("a whsec_ secret that is not base64", "whsec_not*base64", nil, "is not base64"),
            ("a missing mail spool", goodSecret, "{ spool: no-such-spool }", "the spool folder"),
            ("a Maildir in a missing folder", goodSecret, "{ maildir: no/such/maildirs }", "the folder of the Maildir"),
            ("a sendmail that is not a program", goodSecret, "{ sendmail: /nonexistent/sendmail }", "not an executable"),
        ])
    func refusedAtStart(what: String, secret: String?, mail: String?, message: String) throws {
        let office = try Self.office("setup", secretText: secret, mail: mail)
        defer { office.remove() }
        let run = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        #expect(run.status == 1, "\(what): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(what): \(run.stderr)")
        #expect(run.stderr.contains(office.config + ":"), "\(what): the message names the config file and line")
        #expect(!run.stderr.contains("a secret of thirty-two"), "never the secret")
        #expect(!FileManager.default.fileExists(atPath: office.folder + "/state/outbox.log"), "nothing was queued")

        let check = try TicklerBinary.run(["check", "--config", office.config])
        #expect(check.status == 1, "\(what): \(check.stdout) \(check.stderr)")
        #expect(check.stderr.contains(message), "\(what): \(check.stderr)")
    }

    @Test("check --config passes a config whose channels can be set up, and checks its rules too")
    func checkConfigOK() throws {
        let office = try Self.office("setup-ok", secretText: Self.goodSecret)
        defer { office.remove() }
        let check = try TicklerBinary.run(["check", "--config", office.config])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("OK \(office.config)"), "\(check.stdout)")
        #expect(check.stdout.contains("OK \(office.rules)"), "\(check.stdout)")

        try FileManager.default.removeItem(atPath: office.rules)
        try FileManager.default.copyItem(atPath: office.folder + "/bad-rules.yaml", toPath: office.rules)
        let bad = try TicklerBinary.run(["check", "--config", office.config])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains(office.rules + ":"), "\(bad.stderr)")
    }

    @Test(
        "a reload with a broken secret keeps the running webhook channel, still signing with the old secret",
        .enabled(if: WebhookReceiver.python != nil, "needs python3"))
    func badReloadKeepsChannel() throws {
        let receiver = try WebhookReceiver(secret: Self.goodSecret)
        defer { receiver.stop() }
        let office = try Self.office(
            "setup-reload", secretText: Self.goodSecret, url: receiver.base + "/status/200", interval: "1s")
        defer { office.remove() }
        let notify = try NotifySocket()
        let daemon = try DaemonProcess(config: office.config, notify: notify, stderr: office.folder + "/stderr")
        defer {
            daemon.signal(SIGTERM)
            _ = daemon.wait()
        }
        #expect(notify.waitFor { $0.contains("READY=1") } != nil)
        #expect(Self.wait { (try? receiver.requests().count) ?? 0 >= 2 }, "the first tick's digests")
        let before = try receiver.requests().count

        try "short".write(toFile: office.folder + "/webhook.secret", atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let ready = try #require(notify.waitFor { $0.contains("READY=1") && $0.contains("Reload failed") })
        #expect(ready.contains("the webhook channel cannot start"), "\(ready)")

        // A new overdue customer: its notice still goes out through the running channel.
        try """
        [
          { "id": "A001", "name": "Acme Trading", "rep": "r1", "class": "A", "registered_at": "2020-01-06T09:00:00+08:00" },
          { "id": "B002", "name": "Bright Foods", "rep": "r1", "class": "B", "registered_at": "2020-01-06T09:00:00+08:00" },
          { "id": "C003", "name": "Cedar Works", "rep": "r1", "class": "A", "registered_at": "2020-01-06T09:00:00+08:00" }
        ]
        """.write(toFile: office.folder + "/store/customers.json", atomically: true, encoding: .utf8)
        #expect(Self.wait { (try? receiver.requests().count) ?? 0 > before }, "a digest after the failed reload")
        let after = try receiver.requests().dropFirst(before)
        #expect(!after.isEmpty && after.allSatisfy(\.signature_ok), "signed with the secret it started with")
        #expect(after.contains { $0.body.contains("C003") })
    }

    /// Polls `condition` for up to 20 seconds.
    static func wait(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if condition() { return true }
            usleep(100_000)
        }
        return condition()
    }
}
