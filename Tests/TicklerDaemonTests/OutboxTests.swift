import Foundation
import Logging
import TicklerCore
import TicklerDaemon
import TicklerDelivery
import TicklerStore
import TicklerTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary folder removed at the end of a test.
struct Folder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "tickler-outbox-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func files(_ sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + sub)) ?? []).sorted()
    }
}

let logger = Logger(label: "tickler-test") { _ in SwiftLogNoOpLogHandler() }

/// A monotonic clock the test moves by hand (the outbox's retry waits are measured on it).
final class ManualUptime: Sendable {
    private let value = Mutex(Duration.seconds(1000))

    func advance(by duration: Duration) { value.withLock { $0 += duration } }

    var read: @Sendable () -> Duration { { self.value.withLock { $0 } } }
}
let anyTime = OfficeHours(calendar: BusinessCalendar(), zone: Zone(identifier: "UTC")!)

func entry(_ id: String, target: String, at now: Date = Date()) -> OutboxEntry {
    let body = "Subject: test \(id)\nMessage-ID: <\(id)@localhost>\n\nbody of \(id)\n"
    return OutboxEntry(id: id, channel: "mail", recipient: "r1", target: target, body: Data(body.utf8), due: now, created: now)
}

/// Keeps log records in memory, for checking what the drain reports.
private final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [(level: Logger.Level, message: String, metadata: Logger.Metadata)] = []

    func append(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) {
        lock.withLock { records.append((level, message, metadata)) }
    }

    func messages(withID id: String) -> [String] {
        lock.withLock { records.filter { $0.metadata["MESSAGE_ID"] == .string(id) }.map(\.message) }
    }

    var logger: Logger {
        Logger(label: "tickler-test") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.append(event.level, "\(event.message)", event.metadata ?? [:])
        }
    }
}

@Suite("Durable outbox")
struct OutboxTests {
    static func drain(
        _ outbox: Outbox, _ transport: any DeliveryTransport, policy: RetryPolicy = RetryPolicy(),
        hours: OfficeHours = anyTime, batchSize: Int = 16
    ) -> OutboxDrain {
        OutboxDrain(
            outbox: outbox, channel: "mail", transport: transport, policy: policy, officeHours: hours,
            batchSize: batchSize)
    }

    @Test("pending entries survive reopening and are delivered afterwards with the same id")
    func survivesRestart() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let state = folder.path + "/state"
        try OutboxStore(directory: state).update { $0["tickler-aaa"] = entry("tickler-aaa", target: "liwei") }
        var info = stat()
        #expect(stat(state + "/outbox.log", &info) == 0 && info.st_mode & 0o777 == 0o600)

        // "Restart": a new outbox over the same folder, a transport only now.
        let reopened = try Outbox(directory: state)
        #expect(try await reopened.entries().map(\.id) == ["tickler-aaa"])
        let drain = Self.drain(reopened, MaildirDrop(root: folder.path + "/mail"))
        let report = try await drain.run(now: Date(), logger: logger)
        let pending = try await reopened.pendingCount()
        #expect(report.delivered == 1 && pending == 0)
        let delivered = folder.files("mail/liwei/new")
        #expect(delivered.count == 1 && delivered[0].contains("Qtickler-aaa"))
        #expect(try String(contentsOfFile: folder.path + "/mail/liwei/new/" + delivered[0], encoding: .utf8).contains("<tickler-aaa@localhost>"))
        #expect(try await reopened.entries().first?.status == .delivered)
        // A second drain has nothing to do.
        #expect(try await drain.run(now: Date(), logger: logger).delivered == 0)
        #expect(folder.files("mail/liwei/new").count == 1)
    }

    @Test("a crash after an append but before the outbox heard of it: the restart delivers nothing twice")
    func crashAfterAppend() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let state = folder.path + "/state"
        let spool = folder.path + "/spool"
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        let queued = entry("tickler-crash", target: "liwei")
        try OutboxStore(directory: state).update { $0[queued.id] = queued }
        // The first run claimed the entry (attempt 1 recorded) and appended it, then died.
        try OutboxStore(directory: state).update { $0[queued.id]?.attempts = 1 }
        let first = OutboundMessage(
            id: queued.id, channel: "mail", recipient: "r1", target: "liwei", body: Array(queued.body), attempt: 1)
        #expect(await MboxSpool(directory: spool).deliver(first) == .delivered)

        let outbox = try Outbox(directory: state)
        #expect(try await Self.drain(outbox, MboxSpool(directory: spool)).run(now: Date(), logger: logger).delivered == 1)
        let mbox = try String(contentsOfFile: spool + "/liwei", encoding: .utf8)
        #expect(mbox.components(separatedBy: "Message-ID: <tickler-crash@localhost>").count == 2, "one copy only")
        #expect(try OutboxStore(directory: state).entries().first?.attempts == 2)
    }

    @Test("the file is compacted: old lines and long-delivered ids go, current entries stay")
    func compaction() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let store = try OutboxStore(directory: folder.path)
        try store.update {
            var old = entry("tickler-old", target: "liwei", at: Date(timeIntervalSince1970: 0))
            old.status = .delivered
            $0[old.id] = old
            $0["tickler-live"] = entry("tickler-live", target: "liwei")
        }
        for attempt in 1...100 {
            try store.update { $0["tickler-live"]?.attempts = attempt }
        }
        let lines = try String(contentsOfFile: store.path, encoding: .utf8).split(separator: "\n").count
        #expect(lines < 70)
        let entries = try OutboxStore(directory: folder.path).entries()
        #expect(entries.map(\.id) == ["tickler-live"])
        #expect(entries.first?.attempts == 100)
    }

    @Test("a torn last line is cut off and the entries before it are kept")
    func tornTail() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let store = try OutboxStore(directory: folder.path)
        try store.update { $0["tickler-one"] = entry("tickler-one", target: "liwei") }
        let handle = try #require(FileHandle(forWritingAtPath: store.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"id\":\"tickler-two\",\"chan".utf8))
        try handle.close()
        #expect(try store.entries().map(\.id) == ["tickler-one"])
        try store.update { $0["tickler-three"] = entry("tickler-three", target: "liwei") }
        #expect(try OutboxStore(directory: folder.path).entries().map(\.id) == ["tickler-one", "tickler-three"])
    }

    @Test("a failing channel is retried with backoff; a permanent failure is a dead letter")
    func retryAndDeadLetter() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let uptime = ManualUptime()
        let outbox = try Outbox(directory: folder.path + "/state", uptime: uptime.read)
        let now = Date()
        try OutboxStore(directory: folder.path + "/state").update {
            $0["tickler-busy"] = entry("tickler-busy", target: "liwei", at: now)
            $0["tickler-evil"] = entry("tickler-evil", target: "../../etc/x", at: now)
        }
        // The spool folder does not exist yet: a transient failure.
        let spool = folder.path + "/spool"
        let drain = Self.drain(outbox, MboxSpool(directory: spool), policy: RetryPolicy(base: 60, cap: 600, maxAttempts: 5))
        let first = try await drain.run(now: now, logger: logger)
        let pending = try await outbox.pendingCount()
        #expect(first.retried == 1 && first.deadLettered == 1 && pending == 1)
        let entries = Dictionary(uniqueKeysWithValues: try await outbox.entries().map { ($0.id, $0) })
        let busy = try #require(entries["tickler-busy"])
        #expect(busy.status == .pending && busy.attempts == 1 && busy.due >= now && busy.due <= now.addingTimeInterval(60))
        #expect(busy.reason?.contains("cannot open the mailbox") == true)
        let evil = try #require(entries["tickler-evil"])
        #expect(evil.status == .dead && evil.reason?.contains("mailbox field") == true)

        // Not due yet: nothing happens; once the wait is over and the spool exists, it is delivered.
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        if busy.due > now {
            #expect(try await drain.run(now: now, logger: logger).delivered == 0)
        }
        uptime.advance(by: .seconds(61))
        #expect(try await drain.run(now: now.addingTimeInterval(61), logger: logger).delivered == 1)
        #expect(FileManager.default.fileExists(atPath: spool + "/liwei"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/etc/x"))
    }

    @Test("a dead letter is reported once; too many failed attempts make one too")
    func deadLetterReportedOnce() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let outbox = try Outbox(directory: folder.path + "/state")
        let past = Date(timeIntervalSince1970: 0)
        try OutboxStore(directory: folder.path + "/state").update {
            $0["tickler-evil"] = entry("tickler-evil", target: "../../etc/x", at: past)
            $0["tickler-nospool"] = entry("tickler-nospool", target: "liwei", at: past)
        }
        let captured = CapturedLog()
        let drain = Self.drain(
            outbox, MboxSpool(directory: folder.path + "/missing"), policy: RetryPolicy(base: 1, cap: 1, maxAttempts: 1))
        let report = try await drain.run(now: Date(), logger: captured.logger)
        let pending = try await outbox.pendingCount()
        #expect(report.deadLettered == 2 && pending == 0)
        #expect(try await drain.run(now: Date().addingTimeInterval(3600), logger: captured.logger).deadLettered == 0)
        let reported = captured.messages(withID: JournalMessageID.deadLetter)
        #expect(reported.count == 2)
        #expect(reported.contains { $0.contains("tickler-evil") && $0.contains("mailbox field") })
        #expect(reported.contains { $0.contains("tickler-nospool") && $0.contains("gave up after 1 attempts") })
        #expect(try await outbox.entries().allSatisfy { $0.status == .dead })
    }

    @Test("outside office hours nothing is attempted")
    func officeHoursGate() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let outbox = try Outbox(directory: folder.path)
        try OutboxStore(directory: folder.path).update { $0["tickler-x"] = entry("tickler-x", target: "liwei", at: Date(timeIntervalSince1970: 0)) }
        let zone = Zone(identifier: "Asia/Shanghai")!
        let hours = OfficeHours(
            calendar: BusinessCalendar(officeHours: TimeWindow(start: TimeOfDay(minutes: 510), end: TimeOfDay(minutes: 1080))),
            zone: zone)
        let drain = Self.drain(outbox, MaildirDrop(root: folder.path + "/mail"), hours: hours)
        let sundayNight = zone.instant(LocalDate(parsing: "2026-11-29")!, TimeOfDay(minutes: 23 * 60))
        let report = try await drain.run(now: sundayNight, logger: logger)
        let pending = try await outbox.pendingCount()
        #expect(report.delivered == 0 && pending == 1)
        #expect(try await outbox.entries().first?.attempts == 0)
        let mondayMorning = zone.instant(LocalDate(parsing: "2026-11-30")!, TimeOfDay(minutes: 9 * 60))
        #expect(try await drain.run(now: mondayMorning, logger: logger).delivered == 1)
    }
}
