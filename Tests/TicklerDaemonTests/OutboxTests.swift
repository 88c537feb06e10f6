import Foundation
import Logging
import TicklerCore
import TicklerDaemon
import TicklerDelivery
import TicklerStore
import TicklerTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary folder removed at the end of a test.
private struct Folder {
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

private let logger = Logger(label: "tickler-test") { _ in SwiftLogNoOpLogHandler() }
private let anyTime = OfficeHours(calendar: BusinessCalendar(), zone: Zone(identifier: "UTC")!)

private func entry(_ id: String, target: String, at now: Date = Date()) -> OutboxEntry {
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
    @Test("pending entries survive reopening and are delivered afterwards with the same id")
    func survivesRestart() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let state = folder.path + "/state"
        try OutboxStore(directory: state).update { $0["tickler-aaa"] = entry("tickler-aaa", target: "liwei") }
        var info = stat()
        #expect(stat(state + "/outbox.log", &info) == 0 && info.st_mode & 0o777 == 0o600)

        // "Restart": a new store over the same folder, a transport only now.
        let reopened = try OutboxStore(directory: state)
        #expect(try reopened.entries().map(\.id) == ["tickler-aaa"])
        let drain = OutboxDrain(store: reopened, transports: ["mail": MaildirDrop(root: folder.path + "/mail")], officeHours: anyTime)
        let report = try await drain.run(now: Date(), logger: logger)
        #expect(report.delivered == 1 && report.pending == 0)
        let delivered = folder.files("mail/liwei/new")
        #expect(delivered.count == 1 && delivered[0].contains("Qtickler-aaa"))
        #expect(try String(contentsOfFile: folder.path + "/mail/liwei/new/" + delivered[0], encoding: .utf8).contains("<tickler-aaa@localhost>"))
        #expect(try reopened.entries().first?.status == .delivered)
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

        let drain = OutboxDrain(store: try OutboxStore(directory: state), transports: ["mail": MboxSpool(directory: spool)], officeHours: anyTime)
        #expect(try await drain.run(now: Date(), logger: logger).delivered == 1)
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
        let store = try OutboxStore(directory: folder.path + "/state")
        let now = Date()
        try store.update {
            $0["tickler-busy"] = entry("tickler-busy", target: "liwei", at: now)
            $0["tickler-evil"] = entry("tickler-evil", target: "../../etc/x", at: now)
        }
        // The spool folder does not exist yet: a transient failure.
        let spool = folder.path + "/spool"
        let drain = OutboxDrain(
            store: store, transports: ["mail": MboxSpool(directory: spool)],
            policy: RetryPolicy(base: 60, cap: 600, maxAttempts: 5), officeHours: anyTime)
        let first = try await drain.run(now: now, logger: logger)
        #expect(first.retried == 1 && first.deadLettered == 1 && first.pending == 1)
        let entries = Dictionary(uniqueKeysWithValues: try store.entries().map { ($0.id, $0) })
        let busy = try #require(entries["tickler-busy"])
        #expect(busy.status == .pending && busy.attempts == 1 && busy.due > now && busy.due <= now.addingTimeInterval(60))
        #expect(busy.reason?.contains("cannot open the mailbox") == true)
        let evil = try #require(entries["tickler-evil"])
        #expect(evil.status == .dead && evil.reason?.contains("mailbox field") == true)

        // Not due yet: nothing happens; once due and the spool exists, it is delivered.
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        #expect(try await drain.run(now: now, logger: logger).delivered == 0)
        #expect(try await drain.run(now: busy.due, logger: logger).delivered == 1)
        #expect(FileManager.default.fileExists(atPath: spool + "/liwei"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/etc/x"))
    }

    @Test("a dead letter is reported once; too many failed attempts make one too")
    func deadLetterReportedOnce() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let store = try OutboxStore(directory: folder.path + "/state")
        let past = Date(timeIntervalSince1970: 0)
        try store.update {
            $0["tickler-evil"] = entry("tickler-evil", target: "../../etc/x", at: past)
            $0["tickler-nospool"] = entry("tickler-nospool", target: "liwei", at: past)
        }
        let captured = CapturedLog()
        let drain = OutboxDrain(
            store: store, transports: ["mail": MboxSpool(directory: folder.path + "/missing")],
            policy: RetryPolicy(base: 1, cap: 1, maxAttempts: 1), officeHours: anyTime)
        let report = try await drain.run(now: Date(), logger: captured.logger)
        #expect(report.deadLettered == 2 && report.pending == 0)
        #expect(try await drain.run(now: Date().addingTimeInterval(3600), logger: captured.logger).deadLettered == 0)
        let reported = captured.messages(withID: JournalMessageID.deadLetter)
        #expect(reported.count == 2)
        #expect(reported.contains { $0.contains("tickler-evil") && $0.contains("mailbox field") })
        #expect(reported.contains { $0.contains("tickler-nospool") && $0.contains("gave up after 1 attempts") })
        #expect(try store.entries().allSatisfy { $0.status == .dead })
    }

    @Test("outside office hours nothing is attempted")
    func officeHoursGate() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let store = try OutboxStore(directory: folder.path)
        try store.update { $0["tickler-x"] = entry("tickler-x", target: "liwei", at: Date(timeIntervalSince1970: 0)) }
        let zone = Zone(identifier: "Asia/Shanghai")!
        let hours = OfficeHours(
            calendar: BusinessCalendar(officeHours: TimeWindow(start: TimeOfDay(minutes: 510), end: TimeOfDay(minutes: 1080))),
            zone: zone)
        let drain = OutboxDrain(store: store, transports: ["mail": MaildirDrop(root: folder.path + "/mail")], officeHours: hours)
        let sundayNight = zone.instant(LocalDate(parsing: "2026-11-29")!, TimeOfDay(minutes: 23 * 60))
        let report = try await drain.run(now: sundayNight, logger: logger)
        #expect(report.delivered == 0 && report.pending == 1)
        #expect(try store.entries().first?.attempts == 0)
        let mondayMorning = zone.instant(LocalDate(parsing: "2026-11-30")!, TimeOfDay(minutes: 9 * 60))
        #expect(try await drain.run(now: mondayMorning, logger: logger).delivered == 1)
    }
}
