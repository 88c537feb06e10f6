import Foundation
import TicklerDaemon
import TicklerTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `format: dingtalk` / `feishu` with `secret:` in tickler.yaml: `serve --once` signs the
/// tool's own way, and the Python receiver (answering as the tool's robot does) accepts it.
@Suite("Chat signing through tickler serve", .serialized, .enabled(if: WebhookReceiver.python != nil, "needs python3"))
struct ChatSigningServeTests {
    @Test(
        "serve --once signs each digest as the robot expects; all are accepted",
        arguments: [("dingtalk", "/dingtalk?access_token=t0k3n"), ("feishu", "/feishu")])
    func signed(format: String, path: String) throws {
        let secret = format == "dingtalk" ? "SEC" + String(repeating: "9f3c", count: 16) : "qx7VtHzAPTXm2d9LlcjRkb"
        let receiver = try WebhookReceiver(secret: secret)
        defer { receiver.stop() }
        let office = try FixtureOffice(
            "chat-signing",
            channels: """
                  webhook:
                    url: \(receiver.base + path)
                    format: \(format)
                    secret: { file: robot.secret }
                """)
        defer { office.remove() }
        try (secret + "\n").write(toFile: office.folder + "/robot.secret", atomically: true, encoding: .utf8)
        #expect(chmod(office.folder + "/robot.secret", 0o600) == 0)

        let run = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        let requests = try receiver.requests()
        #expect(requests.count == 2, "one digest for the rep, one for the manager")
        if format == "dingtalk" {
            #expect(requests.allSatisfy { $0.dingtalk_sign_ok == true })
        } else {
            #expect(requests.allSatisfy { $0.feishu_sign_ok == true })
        }
        #expect(requests.allSatisfy { $0.headers["webhook-signature"] == nil })
        let outbox = try TicklerBinary.run(["outbox", "--config", office.config])
        #expect(outbox.stdout.contains("The outbox is empty"), "all accepted: \(outbox.stdout)")
    }
}
