import Foundation
import TicklerCore
import TicklerStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh state directory under the temporary folder, removed by the caller.
func makeStateDirectory() -> String {
    let path = NSTemporaryDirectory() + "tickler-state-" + UUID().uuidString
    return path
}

@Suite("NotificationLog")
struct NotificationLogTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("a key delivered on a channel is still delivered after reopening the log")
    func dedupeAcrossReopen() async throws {
        let dir = makeStateDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let log = try NotificationLog(directory: dir)
            try await log.record(["overdue/A001/2026-11-20/1", "due_soon/B002/2026-11-25"], on: "journal", at: t0)
        }
        let reopened = try NotificationLog(directory: dir)
        #expect(await reopened.deliveredAt("overdue/A001/2026-11-20/1", on: "journal") == t0)
        #expect(await reopened.deliveredAt("overdue/A001/2026-11-20/1", on: "mail") == nil)
        #expect(
            await reopened.undelivered(["due_soon/B002/2026-11-25", "late/r1/2026-11-24"], on: "journal")
                == ["late/r1/2026-11-24"])
        #expect(await reopened.count == 2)
    }

    @Test("recording a key twice writes it once")
    func recordTwice() async throws {
        let dir = makeStateDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = try NotificationLog(directory: dir)
        try await log.record(["k1", "k1"], on: "journal", at: t0)
        try await log.record(["k1"], on: "journal", at: t0.addingTimeInterval(60))
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(await log.deliveredAt("k1", on: "journal") == t0)
    }

    @Test("a torn last record is cut off on open and the log goes on cleanly")
    func tornTail() async throws {
        let dir = makeStateDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path: String
        do {
            let log = try NotificationLog(directory: dir)
            try await log.record(["k1"], on: "journal", at: t0)
            path = log.path
        }
        // A crash in the middle of an append: half a record, no newline.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"at":1795000060,"channel":"jour"#.utf8))
        handle.closeFile()

        let log = try NotificationLog(directory: dir)
        #expect(log.recoveredTornBytes > 0)
        #expect(await log.deliveredAt("k1", on: "journal") == t0)
        try await log.record(["k2"], on: "journal", at: t0)
        let reopened = try NotificationLog(directory: dir)
        #expect(reopened.recoveredTornBytes == 0)
        #expect(reopened.skippedRecords == 0)
        #expect(await reopened.undelivered(["k1", "k2", "k3"], on: "journal") == ["k3"])
    }

    @Test("compaction drops old entries but keeps a yearly cadence's and still-active keys")
    func compaction() async throws {
        let dir = makeStateDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let day: TimeInterval = 86_400
        let now = t0
        let log = try NotificationLog(directory: dir)
        try await log.record(["ancient"], on: "journal", at: now - 500 * day)
        try await log.record(["still-overdue"], on: "journal", at: now - 450 * day)
        try await log.record(["yearly"], on: "journal", at: now - 366 * day)
        try await log.record(["monthly"], on: "mail", at: now - 31 * day)
        let dropped = try await log.compact(now: now, keeping: ["still-overdue"])
        #expect(dropped == 1)

        let reopened = try NotificationLog(directory: dir)
        #expect(await reopened.undelivered(["ancient", "still-overdue", "yearly"], on: "journal") == ["ancient"])
        #expect(await reopened.deliveredAt("monthly", on: "mail") == now - 31 * day)
        let lines = try String(contentsOfFile: reopened.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
    }

    @Test("state files are created with mode 0600")
    func fileMode() async throws {
        let dir = makeStateDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = try NotificationLog(directory: dir)
        try await log.record(["k"], on: "journal", at: t0)
        try await log.compact(now: t0)
        let ledger = try LedgerStore(directory: dir)
        for path in [log.path, ledger.path] {
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
        }
    }
}

@Suite("LedgerStore")
struct LedgerStoreTests {
    @Test("a fine is written once per key, across reopening")
    func writtenOnce() async throws {
        let dir = makeStateDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let date = try #require(LocalDate(parsing: "2026-11-24"))
        let fine = LedgerEntry(key: "late/r1/2026-11-24", rep: "r1", rule: "attendance", fine: 10, points: 5, date: date)
        do {
            let ledger = try LedgerStore(directory: dir)
            #expect(try await ledger.record([fine, fine]).count == 1)
        }
        let reopened = try LedgerStore(directory: dir)
        #expect(try await reopened.record([fine]).isEmpty)
        #expect(await reopened.all == [fine])
    }
}
