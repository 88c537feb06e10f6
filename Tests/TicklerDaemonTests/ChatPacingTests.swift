import Foundation
import TicklerCore
import TicklerDaemon
import TicklerDelivery
import TicklerStore
import TicklerTestSupport
import Testing

/// Chat robots paced per URL by the delivery side, with a real outbox and the Python receiver,
/// on a monotonic clock the test moves by hand.
@Suite("Chat robots paced", .serialized, .enabled(if: WebhookReceiver.python != nil, "needs python3"))
struct ChatPacingTests {
    static let body = Array(#"{"markdown":{"text":"t","title":"t"},"msgtype":"markdown"}"#.utf8)

    /// An outbox in `folder` with `count` DingTalk messages to `url`, due now.
    static func outbox(_ folder: Folder, uptime: ManualUptime, url: String, count: Int) async throws -> Outbox {
        let outbox = try Outbox(directory: folder.path + "/state", uptime: uptime.read)
        let now = Date()
        let entries = (0..<count).map { i in
            (
                entry: OutboxEntry(
                    id: String(format: "tk_%03d", i), channel: "webhook", recipient: "m1", target: url, body: Data(),
                    due: now, created: now.addingTimeInterval(Double(i) / 1000), keys: ["k\(i)"]),
                body: body
            )
        }
        #expect(try await outbox.enqueue(entries) == count)
        return outbox
    }

    static func drain(
        _ outbox: Outbox, _ transport: WebhookTransport, _ pacing: ChatPacing, _ uptime: ManualUptime, batch: Int = 16
    ) -> OutboxDrain {
        OutboxDrain(
            outbox: outbox, channel: "webhook", transport: transport, officeHours: anyTime, batchSize: batch,
            pacing: pacing, uptime: uptime.read)
    }

    @Test("a burst of 25 to one DingTalk robot: 20 go, 5 wait unattempted and go a minute later")
    func burst() async throws {
        let receiver = try WebhookReceiver(secret: "a secret of thirty-two bytes!!!!")
        defer { receiver.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let uptime = ManualUptime()
        let url = receiver.base + "/status/200"
        let outbox = try await Self.outbox(folder, uptime: uptime, url: url, count: 25)
        let configuration = WebhookTransport.Configuration(trustedURLs: [url], officeFormat: .dingtalk)
        try await WebhookTransport.withTransport(configuration: configuration) { transport in
            let drain = Self.drain(outbox, transport, ChatPacing(), uptime)
            let first = try await drain.run(now: Date(), logger: logger)
            #expect(first.delivered == 20 && first.paced > 0 && first.retried == 0)
            #expect(try receiver.requests().count == 20)
            let waiting = try await outbox.entries().filter { $0.status == .pending }
            #expect(waiting.count == 5 && waiting.allSatisfy { $0.attempts == 0 }, "held back, not attempted")

            uptime.advance(by: .seconds(50))
            #expect(try await drain.run(now: Date(), logger: logger).delivered == 0)
            #expect(try receiver.requests().count == 20)

            uptime.advance(by: .seconds(11))
            #expect(try await drain.run(now: Date(), logger: logger).delivered == 5)
            #expect(try receiver.requests().count == 25)
        }
    }

    @Test("WeCom, Slack and Teams webhooks are paced too; a generic receiver is not")
    func otherFormats() throws {
        let pacing = ChatPacing()
        let wecom = ChatPacing.windows(.wecom)
        #expect((0..<20).allSatisfy { pacing.admit("w", windows: wecom, at: .seconds(1000 + $0)) })
        #expect(!pacing.admit("w", windows: wecom, at: .seconds(1030)))
        #expect(pacing.admit("w", windows: wecom, at: .seconds(1061)))
        #expect(pacing.admit("s", windows: ChatPacing.windows(.slack), at: .seconds(5)))
        #expect(!pacing.admit("s", windows: ChatPacing.windows(.slack), at: .milliseconds(5500)))
        let teams = ChatPacing.windows(.teams)
        #expect((0..<4).allSatisfy { pacing.admit("t", windows: teams, at: .milliseconds(9000 + $0 * 10)) })
        #expect(!pacing.admit("t", windows: teams, at: .milliseconds(9500)))
        #expect(pacing.admit("t", windows: teams, at: .milliseconds(10_001)))
        #expect((0..<100).allSatisfy { _ in pacing.admit("g", windows: ChatPacing.windows(.generic), at: .seconds(7)) })
    }

    @Test(
        "a 'too fast' answer is retried after the tool's block, and nothing else goes to that robot meanwhile",
        arguments: [(130101, 600), (45009, 60), (9499, 60), (11232, 60)])
    func tooFast(code: Int, block: Int) async throws {
        let receiver = try WebhookReceiver(secret: "a secret of thirty-two bytes!!!!")
        defer { receiver.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let uptime = ManualUptime()
        let reply = #"{"errcode":\#(code),"errmsg":"send too fast"}"#
        let url = receiver.base + "/reply/200/" + reply.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let outbox = try await Self.outbox(folder, uptime: uptime, url: url, count: 2)
        let configuration = WebhookTransport.Configuration(trustedURLs: [url], officeFormat: .dingtalk)
        try await WebhookTransport.withTransport(configuration: configuration) { transport in
            let drain = Self.drain(outbox, transport, ChatPacing(), uptime, batch: 1)
            let now = Date()
            let first = try await drain.run(now: now, logger: logger)
            #expect(first.retried == 1 && first.deadLettered == 0)
            #expect(try receiver.requests().count == 1, "the second message waits for the block to end")
            let retried = try #require(try await outbox.entries().first { $0.attempts == 1 })
            #expect(retried.status == .pending)
            #expect(retried.due.timeIntervalSince(now) >= Double(block) - 1)
            #expect(retried.reason?.contains("\(code)") == true)

            uptime.advance(by: .seconds(block - 5))
            #expect(try await drain.run(now: now.addingTimeInterval(Double(block - 5)), logger: logger).retried == 0)
            #expect(try receiver.requests().count == 1)

            uptime.advance(by: .seconds(6))
            let later = try await drain.run(now: now.addingTimeInterval(Double(block + 1)), logger: logger)
            #expect(later.retried == 1 && later.deadLettered == 0)
            #expect(try receiver.requests().count == 2)
        }
    }
}
