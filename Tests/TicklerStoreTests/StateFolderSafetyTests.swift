import Foundation
import Testing
import TicklerStore

#if canImport(Glibc)
    import Glibc
#endif

/// The state folder cannot be turned against the admin (docs/reliability.md): a symbolic
/// link, a hard link or a FIFO planted where a state file belongs is refused, never followed,
/// written through or waited on; a file created as root goes to the folder's owner; one
/// process holds the folder's lock.
@Suite("State folder: planted links and FIFOs are refused, ownership and the lock hold")
struct StateFolderSafetyTests {
    /// A fresh state folder and, beside it, a victim file with known content.
    struct Planted {
        let parent = NSTemporaryDirectory() + "tickler-planted-" + UUID().uuidString
        var state: String { parent + "/state" }
        var victim: String { parent + "/victim" }
        static let content = "precious\n"

        init() throws {
            try FileManager.default.createDirectory(atPath: parent + "/state", withIntermediateDirectories: true)
            try Self.content.write(toFile: parent + "/victim", atomically: false, encoding: .utf8)
        }

        func victimIntact() -> Bool {
            (try? String(contentsOfFile: victim, encoding: .utf8)) == Self.content
        }

        func remove() { try? FileManager.default.removeItem(atPath: parent) }
    }

    /// Opens the state the daemon's way; what it throws, if anything.
    static func open(_ name: String, in state: String) async -> (any Error)? {
        do {
            switch name {
            case "notifications.log":
                try await NotificationLog(directory: state).record(["k"], on: "journal", at: Date())
            case "ledger.jsonl":
                _ = try LedgerStore(directory: state)
            case "last-tick":
                try await LastTick(directory: state).record(Date())
            case "serve.lock":
                _ = try StateLock(directory: state)
            default:
                try OutboxStore(directory: state).update { $0["x"] = nil }
            }
            return nil
        } catch {
            return error
        }
    }

    static let names = ["notifications.log", "ledger.jsonl", "last-tick", "outbox.log", "outbox.lock", "serve.lock"]

    @Test("a symbolic link planted as a state file is refused and its target left alone", arguments: names)
    func plantedSymlink(name: String) async throws {
        let planted = try Planted()
        defer { planted.remove() }
        #expect(symlink(planted.victim, planted.state + "/" + name) == 0)
        let error = await Self.open(name, in: planted.state)
        #expect("\(error.map { "\($0)" } ?? "accepted")".contains("is a symbolic link"))
        #expect(planted.victimIntact())
    }

    @Test("a hard link planted as a state file is refused and the other file left alone", arguments: names)
    func plantedHardLink(name: String) async throws {
        let planted = try Planted()
        defer { planted.remove() }
        #expect(link(planted.victim, planted.state + "/" + name) == 0)
        let error = await Self.open(name, in: planted.state)
        #expect("\(error.map { "\($0)" } ?? "accepted")".contains("2 hard links"))
        #expect(planted.victimIntact())
    }

    @Test("a FIFO planted as a state file is refused at once, not waited on", arguments: names)
    func plantedFIFO(name: String) async throws {
        let planted = try Planted()
        defer { planted.remove() }
        #expect(mkfifo(planted.state + "/" + name, 0o600) == 0)
        let error = await Self.open(name, in: planted.state)
        #expect("\(error.map { "\($0)" } ?? "accepted")".contains("not a regular file"))
    }

    @Test("a compaction does not write through a symbolic link planted as its temporary file")
    func plantedTemporaryFile() async throws {
        let planted = try Planted()
        defer { planted.remove() }
        let log = try NotificationLog(directory: planted.state)
        try await log.record(["a", "b"], on: "journal", at: Date())
        #expect(symlink(planted.victim, log.path + ".tmp") == 0)
        try await log.compact(now: Date())
        #expect(planted.victimIntact())
        #expect(try await NotificationLog(directory: planted.state).count == 2)
    }

    @Test("a state file created as root belongs to the state folder's owner (fchown on the descriptor)",
        .enabled(if: geteuid() == 0, "needs root"))
    func rootCreatesFilesForTheOwner() async throws {
        let planted = try Planted()
        defer { planted.remove() }
        #expect(chown(planted.state, 65534, 65534) == 0)
        try await NotificationLog(directory: planted.state).record(["k"], on: "journal", at: Date())
        try OutboxStore(directory: planted.state).update { _ in }
        for name in ["notifications.log", "outbox.log", "outbox.lock"] {
            var info = stat()
            #expect(stat(planted.state + "/" + name, &info) == 0)
            #expect(info.st_uid == 65534 && info.st_gid == 65534, "\(name) is owned by \(info.st_uid)")
        }
    }

    @Test("appends land at the end even when another writer moved the file's end (O_APPEND)")
    func appendsAtTheEnd() async throws {
        let planted = try Planted()
        defer { planted.remove() }
        let log = try NotificationLog(directory: planted.state)
        // Another writer appends a line the log's descriptor has not seen; a write at the
        // log's own idea of the end (0) would overwrite it.
        let other = try #require(FileHandle(forWritingAtPath: log.path))
        try other.seekToEnd()
        try other.write(contentsOf: Data("{\"other\": 1}\n".utf8))
        try other.close()
        try await log.record(["k"], on: "journal", at: Date(timeIntervalSince1970: 1_795_482_000))
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines.first == "{\"other\": 1}", "\(lines)")
    }

    @Test("a second lock on the state folder fails with the holder's pid; it is free once released")
    func oneLockHolder() throws {
        let planted = try Planted()
        defer { planted.remove() }
        var first: StateLock? = try StateLock(directory: planted.state)
        do {
            _ = try StateLock(directory: planted.state)
            Issue.record("a second lock was granted")
        } catch let busy as StateLock.Busy {
            #expect(busy.pid == getpid())
            #expect(busy.description.contains("pid \(getpid())"))
        }
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { _ = try StateLock(directory: planted.state) }
    }
}
