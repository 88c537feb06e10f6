import Foundation
import Logging
import TicklerCore
import TicklerDaemon
import TicklerDelivery
import TicklerStore
import TicklerTestSupport
import Testing

/// A long digest for a chat tool, through the real webhook channel, outbox and transport to
/// the Python receiver (which checks each message against the tool's published limits).
@Suite("Long chat digests in the outbox", .serialized, .enabled(if: WebhookReceiver.python != nil, "needs python3"))
struct ChatSplitDeliveryTests {
    /// `count` overdue notices for manager `m1` (who reads Chinese), long Chinese names.
    static func notices(_ count: Int) -> [Notice] {
        let due = LocalDate(parsing: "2026-10-27")!
        return (0..<count).map { i in
            let name = "苏州瑞丰电子科技有限公司华东区销售服务中心第\(i)分部"
            return Notice(
                key: "overdue/C\(i)/2026-10-27/1", kind: .overdue, rule: "followup", rep: "r1", customer: "C\(i)",
                to: ["m1"], level: 1, fine: 10, points: 5, message: "逾期 \(name)",
                facts: .followup(.init(customerName: name, customerClass: "A", due: due, daysOverdue: 28)))
        }
    }

    @Test("each part is its own outbox entry with its own notices; a refused part keeps only its notices")
    func partsAreEntries() async throws {
        let receiver = try WebhookReceiver(secret: "a secret of thirty-two bytes!!!!")
        defer { receiver.stop() }
        let office = try FixtureOffice("chat-split", channels: "  journal: {}")
        defer { office.remove() }
        // The second message is refused (400), every other one accepted.
        let url = receiver.base + "/sequence/200,400,200"
        try await WebhookTransport.withTransport(configuration: .init(trustedURLs: [url])) { transport in
            try await Self.deliver(receiver: receiver, office: office, url: url, transport: transport)
        }
    }

    private static func deliver(
        receiver: WebhookReceiver, office: FixtureOffice, url: String, transport: WebhookTransport
    ) async throws {
        let (config, rules) = try TicklerService.load(office.config)
        let snapshot = try StoreCache().refresh(config.store, rules: rules).load.snapshot
        let state = office.folder + "/state"
        let outbox = try Outbox(directory: state)
        let log = try NotificationLog(directory: state)
        let channel = DigestChannel.webhook(
            routes: WebhookRoutes(officeURL: url, officeFormat: .wecom), rulesVersion: "sha256:0", transport: transport)
        let notices = Self.notices(120)
        let tick = TickNotices(notices: notices, reports: [:], snapshot: snapshot, rules: rules, at: Date())
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

        let queued = try await channel.queue(tick, log: log, outbox: outbox, logger: logger)
        let entries = try await outbox.entries()
        #expect(queued.queued > 2 && entries.count == queued.queued, "one outbox entry per message")
        let carried = entries.flatMap { $0.keys ?? [] }
        #expect(carried.sorted() == notices.map(\.key).sorted(), "each notice held by exactly one entry")

        let drain = OutboxDrain(
            outbox: outbox, channel: "webhook", transport: transport, officeHours: anyTime, maxConcurrent: 1)
        let report = try await drain.run(now: Date(), logger: logger)
        #expect(report.delivered == entries.count - 1 && report.deadLettered == 1)
        let requests = try receiver.requests()
        #expect(requests.count == entries.count)
        #expect(requests.allSatisfy { $0.within_limits == true }, "every message within WeCom's 4096 bytes")
        #expect(Set(requests.compactMap { $0.headers["webhook-id"] }) == Set(entries.map(\.id)))

        // The refused message's notices, and only those, are still held (not delivered).
        let refused = try #require(requests.first { $0.answer == 400 })
        let shownKeys = refused.body.matches(of: /\[(overdue\/[^\]]+)\]/).map { String($0.1) }
        let dead = try await outbox.entries().filter { $0.status == .dead }
        #expect(dead.count == 1 && dead.first?.id == refused.headers["webhook-id"])
        #expect(Set(dead.first?.keys ?? []) == Set(shownKeys) && !shownKeys.isEmpty)
        let held = try await outbox.heldKeys(channel: "webhook")
        #expect(held["m1"] == Set(shownKeys))

        // The dead letter's notices are not sent again by themselves (docs/delivery.md, "When a
        // notice counts as delivered"): a later tick with the same notices queues nothing, and
        // `tickler outbox retry` sends the same message, with the same id, once more.
        let later = try await channel.queue(tick, log: log, outbox: outbox, logger: logger)
        #expect(later.queued == 0)
        let deadID = try #require(dead.first?.id)
        #expect(try await outbox.retry(deadID, now: Date()))
        let retried = try await drain.run(now: Date(), logger: logger)
        #expect(retried.delivered == 1 && retried.deadLettered == 0)
        let resent = try receiver.requests().dropFirst(requests.count)
        #expect(resent.compactMap { $0.headers["webhook-id"] } == [deadID])
        #expect(try await outbox.heldKeys(channel: "webhook")["m1", default: []].isEmpty)
    }
}
