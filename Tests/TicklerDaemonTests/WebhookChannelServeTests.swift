import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore
import TicklerTestSupport
import Testing

/// A temporary office with the fixture rules and store and a webhook channel to a real
/// receiver on loopback (Tests/Fixtures/webhook-receiver.py, which checks the signatures).
private struct WebhookWorkspace {
    let office: FixtureOffice
    var config: String { office.config }

    /// `more` are further lines under `webhook:`, indented by four spaces.
    init(url: String, more: String = "") throws {
        office = try FixtureOffice(
            "webhook-serve",
            channels: """
                  webhook:
                    url: \(url)
                    format: generic
                    secret: { file: webhook.secret }
                    timeout: 2s
                \(more)
                """)
        let secret = office.folder + "/webhook.secret"
        try Self.secret.write(toFile: secret, atomically: true, encoding: .utf8)
        #expect(chmod(secret, 0o600) == 0)
    }

    static let secret = "whsec_" + Data("a secret of thirty-two bytes!!!!".utf8).base64EncodedString()

    func remove() { office.remove() }

    /// Notice keys the fixture yields now, with the daemon's own evaluator.
    func expectedKeys() throws -> Set<String> { Set(try office.noticesNow().map(\.key)) }
}

@Suite("Webhook channel of tickler serve", .serialized, .enabled(if: WebhookReceiver.python != nil, "needs python3"))
struct WebhookChannelServeTests {
    /// The `notices[].key` of a generic payload.
    static func keys(_ body: String) -> [String] {
        let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return (object?["notices"] as? [[String: Any]])?.compactMap { $0["key"] as? String } ?? []
    }

    @Test("serve --once posts one signed digest per recipient with every notice; a second run posts nothing")
    func oneSignedDigestPerRecipient() throws {
        let receiver = try WebhookReceiver(secret: WebhookWorkspace.secret)
        defer { receiver.stop() }
        let workspace = try WebhookWorkspace(url: receiver.base + "/status/200")
        defer { workspace.remove() }
        let expected = try workspace.expectedKeys()
        #expect(expected.count >= 2, "the fixture must yield notices, or this test proves nothing")

        let run = try TicklerBinary.run(["serve", "--config", workspace.config, "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try receiver.requests()
        #expect(requests.count == 2, "one digest for the rep, one for the manager")
        #expect(requests.allSatisfy { $0.signature_ok })
        #expect(Set(requests.compactMap { $0.headers["webhook-id"] }).count == requests.count)
        #expect(Set(requests.flatMap { Self.keys($0.body) }) == expected)
        #expect(!run.stderr.contains(WebhookWorkspace.secret), "the secret never reaches stderr")

        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        #expect(try receiver.requests().count == 2)
    }

    @Test("a receiver answering 500 gets the same digest again, with the same webhook-id, on the next run")
    func retriedWithTheSameID() throws {
        let receiver = try WebhookReceiver(secret: WebhookWorkspace.secret)
        defer { receiver.stop() }
        // First request of each recipient fails, later ones succeed.
        let workspace = try WebhookWorkspace(url: receiver.base + "/sequence/500,500,200")
        defer { workspace.remove() }
        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        let pending = try TicklerBinary.run(["outbox", "--config", workspace.config, "--format", "json"])
        #expect(pending.stdoutLines.count == 2, "both digests wait in the outbox")
        // Make them due now (the backoff would otherwise wait) and run again.
        for line in pending.stdoutLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            _ = try TicklerBinary.run(["outbox", "retry", id, "--config", workspace.config])
        }
        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        let requests = try receiver.requests()
        #expect(requests.count == 4)
        var attempts: [String: Int] = [:]
        for request in requests { attempts[request.headers["webhook-id"] ?? "", default: 0] += 1 }
        #expect(attempts.count == 2 && attempts.values.allSatisfy { $0 == 2 }, "\(attempts)")
        #expect(try TicklerBinary.run(["outbox", "--config", workspace.config]).stdout.contains("The outbox is empty"))
    }

    @Test(
        "a rep's webhook URL that allow_hosts refuses is a dead letter at once, with the reason, never attempted",
        arguments: [
            ("an IP literal not listed", "allow_hosts: [hooks.example.com]", "/status/202"),
            ("a port not listed", "allow_hosts: [127.0.0.1]", "/status/202"),
        ])
    func refusedRepURLIsADeadLetter(what: String, allowHosts: String, repPath: String) throws {
        let receiver = try WebhookReceiver(secret: WebhookWorkspace.secret)
        defer { receiver.stop() }
        let workspace = try WebhookWorkspace(url: receiver.base + "/status/200", more: "    " + allowHosts)
        defer { workspace.remove() }
        try """
        [
          { "id": "r1", "name": "Li Wei", "manager": "m1", "webhook": "\(receiver.base + repPath)?token=s3cret" },
          { "id": "m1", "name": "Zhang Min", "locale": "zh-Hans" }
        ]
        """.write(toFile: workspace.office.folder + "/store/reps.json", atomically: true, encoding: .utf8)

        let run = try TicklerBinary.run(["serve", "--config", workspace.config, "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try receiver.requests()
        #expect(requests.map(\.path) == ["/status/200", "/status/200"], "\(what): only the office digests are sent")

        let json = try TicklerBinary.run(["outbox", "--config", workspace.config, "--format", "json"])
        #expect(json.status == 0)
        let objects = json.stdoutLines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == 1, "\(what): \(json.stdout)")
        let dead = try #require(objects.first)
        #expect(dead["status"] as? String == "dead" && dead["recipient"] as? String == "r1")
        #expect(dead["attempts"] as? Int == 0, "never attempted")
        let held = try #require(dead["notices"] as? [String], "the listing names the notices it holds")
        let expected = try workspace.expectedKeys()
        #expect(!held.isEmpty && Set(held).isSubset(of: expected))
        let reason = try #require(dead["reason"] as? String)
        #expect(reason.contains("channels.webhook.allow_hosts"), "\(reason)")
        #expect(!reason.contains("s3cret"), "the reason never shows the URL's token")
        #expect(!json.stdout.contains("s3cret"), "the listing shows only scheme://host/… of a webhook URL")
        let text = try TicklerBinary.run(["outbox", "list", "--config", workspace.config])
        #expect(text.stdout.contains("0 pending, 1 dead letters"), "\(text.stdout)")
        #expect(!text.stdout.contains("s3cret"), "\(text.stdout)")

        // The next run neither attempts it nor queues the same notices again.
        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        #expect(try receiver.requests().count == 2)
        let again = try TicklerBinary.run(["outbox", "--config", workspace.config, "--format", "json"])
        #expect(again.stdoutLines.count == 1)
        // Retried without a change to allow_hosts, delivery refuses it again: still no request.
        let id = try #require(dead["id"] as? String)
        #expect(try TicklerBinary.run(["outbox", "retry", id, "--config", workspace.config]).status == 0)
        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        #expect(try receiver.requests().count == 2)
        let after = try TicklerBinary.run(["outbox", "list", "--config", workspace.config])
        #expect(after.stdout.contains("0 pending, 1 dead letters"), "\(after.stdout)")
    }
}
