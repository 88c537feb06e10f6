import Foundation
import TicklerTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A webhook receiver that never answers holds its own messages, not the ticks, the mail
/// channel or the stop.
@Suite("tickler serve with a receiver that hangs", .serialized, .enabled(if: WebhookReceiver.python != nil, "needs python3"))
struct StuckReceiverTests {
    static let secret = "whsec_" + Data("a secret of thirty-two bytes!!!!".utf8).base64EncodedString()

    @Test("ticks go on and mail goes out while a webhook receiver keeps a request hanging; SIGTERM still stops serve")
    func hangingReceiver() throws {
        let receiver = try WebhookReceiver(secret: Self.secret)
        defer { receiver.stop() }
        let office = try FixtureOffice(
            "stuck", interval: "1s",
            channels: """
                  mail: { maildir: mail }
                  webhook:
                    url: \(receiver.base)/hang
                    secret: { file: webhook.secret }
                    timeout: 25s
                """)
        defer { office.remove() }
        try Self.secret.write(toFile: office.folder + "/webhook.secret", atomically: true, encoding: .utf8)
        #expect(chmod(office.folder + "/webhook.secret", 0o600) == 0)
        let stderr = office.folder + "/stderr"
        let daemon = try DaemonProcess(config: office.config, notify: nil, stderr: stderr)

        // Within the webhook's 25 s deadline (the receiver answers after 30 s), ticks keep
        // coming and the mail digests are delivered. 20 s bounds a broken daemon.
        let deadline = Date().addingTimeInterval(20)
        var ticks = 0
        var mails = 0
        while Date() < deadline && (ticks < 4 || mails < 2) {
            Thread.sleep(forTimeInterval: 0.2)
            let text = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
            ticks = text.components(separatedBy: "Last tick").count - 1
            mails = ["liwei", "zhangmin"].map {
                ((try? FileManager.default.contentsOfDirectory(atPath: office.folder + "/mail/\($0)/new")) ?? []).count
            }.reduce(0, +)
        }
        #expect(ticks >= 4, "\(ticks) ticks while the webhook hangs")
        #expect(mails == 2, "\(mails) mail digests delivered while the webhook hangs")
        #expect(try receiver.requests().count >= 1, "the webhook request is in flight")

        daemon.signal(SIGTERM)
        let stop = Date().addingTimeInterval(20)
        while daemon.process.isRunning && Date() < stop { Thread.sleep(forTimeInterval: 0.1) }
        let stopped = !daemon.process.isRunning
        if !stopped { daemon.signal(SIGKILL) }
        #expect(stopped, "serve did not stop within 20 s of SIGTERM")
        #expect(daemon.wait() == 0 || !stopped)
    }
}
