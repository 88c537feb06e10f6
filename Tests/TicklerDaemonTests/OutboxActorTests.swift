import Foundation
import Logging
import TicklerCore
import TicklerDaemon
import TicklerDelivery
import TicklerStore
import Testing

/// The daemon's ``Outbox`` actor: bodies outside the log, batches, edits by `tickler outbox`,
/// retry waits on the monotonic clock, compaction.
@Suite("The outbox actor")
struct OutboxActorTests {
    static func drain(
        _ outbox: Outbox, _ transport: any DeliveryTransport, batchSize: Int = 16
    ) -> OutboxDrain {
        OutboxTests.drain(outbox, transport, batchSize: batchSize)
    }

    @Test("message bodies live in outbox.d, not in the log, and go once delivered")
    func bodiesOutsideTheLog() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let state = folder.path + "/state"
        let outbox = try Outbox(directory: state)
        var queued = entry("tickler-body", target: "liwei")
        let body = Array(queued.body)
        queued.body = Data()
        #expect(try await outbox.enqueue([(queued, body)]) == 1)
        #expect(try await outbox.enqueue([(queued, body)]) == 0, "the same id is queued once")
        let log = try String(contentsOfFile: state + "/outbox.log", encoding: .utf8)
        #expect(!log.contains(Data(body).base64EncodedString()) && !log.contains("body of tickler-body"))
        #expect(folder.files("state/outbox.d") == ["tickler-body"])

        // A restart reads the body from its file.
        let reopened = try Outbox(directory: state)
        #expect(try await Self.drain(reopened, MaildirDrop(root: folder.path + "/mail")).run(now: Date(), logger: logger).delivered == 1)
        let mail = try #require(folder.files("mail/liwei/new").first)
        #expect(try String(contentsOfFile: folder.path + "/mail/liwei/new/" + mail, encoding: .utf8) == String(decoding: body, as: UTF8.self))
        #expect(folder.files("state/outbox.d").isEmpty)
    }

    @Test("a backlog larger than a batch is delivered batch by batch, each message once")
    func batches() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let outbox = try Outbox(directory: folder.path + "/state")
        let messages = (0..<40).map { n in
            var queued = entry("tickler-\(n)", target: "liwei")
            let body = Array(queued.body)
            queued.body = Data()
            return (entry: queued, body: body)
        }
        #expect(try await outbox.enqueue(messages) == 40)
        let report = try await Self.drain(outbox, MaildirDrop(root: folder.path + "/mail"), batchSize: 16).run(now: Date(), logger: logger)
        #expect(report.delivered == 40)
        #expect(folder.files("mail/liwei/new").count == 40)
    }

    @Test("a message revived by tickler outbox while the daemon's outbox is open is seen at once")
    func editByAnotherProcess() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let state = folder.path + "/state"
        let outbox = try Outbox(directory: state)
        var dead = entry("tickler-dead", target: "liwei")
        dead.status = .dead
        try OutboxStore(directory: state).update { $0[dead.id] = dead }
        #expect(try await outbox.pendingCount() == 0)
        // `tickler outbox retry` edits the file under the lock, from another process.
        try OutboxStore(directory: state, create: false).update { $0[dead.id]?.status = .pending }
        #expect(try await outbox.pendingCount() == 1)
        #expect(try await Self.drain(outbox, MaildirDrop(root: folder.path + "/mail")).run(now: Date(), logger: logger).delivered == 1)
    }

    @Test("retry waits are durations: a wall clock set back a year or forward a day neither stretches nor skips them")
    func retryWaitsAreDurations() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let uptime = ManualUptime()
        let outbox = try Outbox(directory: folder.path + "/state", uptime: uptime.read)
        let now = Date()
        try OutboxStore(directory: folder.path + "/state").update { $0["tickler-w"] = entry("tickler-w", target: "liwei", at: now) }
        let claimed = try await outbox.claim(channel: "mail", now: now, limit: 1)
        #expect(claimed.count == 1)
        try await outbox.settle([("tickler-w", 1, .retry(wait: 60, due: now.addingTimeInterval(60), reason: "busy"))], now: now)
        // The wall clock jumps a day ahead, 10 s later: the wait is not over.
        uptime.advance(by: .seconds(10))
        #expect(try await outbox.claim(channel: "mail", now: now.addingTimeInterval(86_400), limit: 1).isEmpty)
        // Set back a year, 61 s after the failure: the wait is over.
        uptime.advance(by: .seconds(51))
        #expect(try await outbox.claim(channel: "mail", now: now.addingTimeInterval(-365 * 86_400), limit: 1).count == 1)
    }

    @Test("the daemon's outbox compacts its log too")
    func actorCompaction() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let uptime = ManualUptime()
        let outbox = try Outbox(directory: folder.path, uptime: uptime.read)
        try OutboxStore(directory: folder.path).update { $0["tickler-live"] = entry("tickler-live", target: "liwei") }
        for _ in 1...100 {
            _ = try await outbox.claim(channel: "mail", now: Date(), limit: 1)
            try await outbox.settle([("tickler-live", try await outbox.entries()[0].attempts, .retry(wait: 0, due: Date(), reason: "busy"))], now: Date())
        }
        let lines = try String(contentsOfFile: folder.path + "/outbox.log", encoding: .utf8).split(separator: "\n").count
        #expect(lines < 70)
        #expect(try OutboxStore(directory: folder.path).entries().first?.attempts == 100)
    }

    @Test("retry puts a dead letter back in line with its attempts counted afresh; drop removes a message and its body")
    func retryAndDrop() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let uptime = ManualUptime()
        let outbox = try Outbox(directory: folder.path + "/state", uptime: uptime.read)
        let now = Date()
        var messages: [(entry: OutboxEntry, body: [UInt8])] = []
        for id in ["tickler-a", "tickler-b"] {
            var queued = entry(id, target: "liwei", at: now)
            let body = Array(queued.body)
            queued.body = Data()
            messages.append((queued, body))
        }
        #expect(try await outbox.enqueue(messages) == 2)
        _ = try await outbox.claim(channel: "mail", now: now, limit: 2)
        try await outbox.settle(
            [("tickler-a", 1, .dead(reason: "refused")), ("tickler-b", 1, .retry(wait: 3600, due: now, reason: "busy"))],
            now: now)
        #expect(try await outbox.claim(channel: "mail", now: now, limit: 2).isEmpty)

        #expect(try await outbox.retry("tickler-a", now: now))
        #expect(try await outbox.retry("tickler-b", now: now), "a waiting message is due at once too")
        #expect(try await !outbox.retry("tickler-none", now: now))
        let revived = try await outbox.entries().first { $0.id == "tickler-a" }
        #expect(revived?.status == .pending && revived?.attempts == 0)
        #expect(revived?.reason == "retry requested after: refused")
        #expect(try await outbox.claim(channel: "mail", now: now, limit: 2).count == 2)

        #expect(try await outbox.drop("tickler-a"))
        #expect(try await !outbox.drop("tickler-a"))
        #expect(try await outbox.entries().map(\.id) == ["tickler-b"])
        #expect(folder.files("state/outbox.d") == ["tickler-b"])
    }
}
