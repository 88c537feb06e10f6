import Foundation
import Synchronization
import Testing
import TicklerCore
import TicklerStore

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing at a collection's name can hang or fool a tick (docs/reliability.md): a FIFO, a
/// device or a link to one is refused at once with `FILE: message`; a symbolic link is not
/// followed in a folder others can write; a collection file that is gone for a moment keeps
/// the last good snapshot, as a half-written one does.
@Suite("Store files: FIFOs, devices and links refused at once; a file gone for a moment keeps the snapshot")
struct StoreFileSafetyTests {
    static let customers = """
        {"id": "C1", "name": "Acme", "rep": "r1", "class": "A"}
        {"id": "C2", "name": "Bright", "rep": "r1", "class": "B"}

        """
    static let contacts = """
        {"customer": "C1", "rep": "r1", "at": "2026-11-20T09:00:00+08:00"}
        {"customer": "C2", "rep": "r1", "at": "2026-11-21T09:00:00+08:00"}

        """

    @Test("a FIFO as a collection is refused at once with FILE: message (no writer ever opens it)",
        arguments: ["contacts.jsonl", "customers.json"])
    func fifo(name: String) throws {
        let store = try TempStore(["reps.jsonl": #"{"id": "r1", "name": "Li"}"#])
        defer { store.remove() }
        #expect(mkfifo(store.path(name), 0o600) == 0)
        let error = try #require(throws: StoreError.self) { try store.load() }
        #expect(error.code == .notRegularFile)
        #expect(error.description.hasPrefix(store.path(name) + ": this collection is a FIFO (named pipe), not a regular file"))
    }

    @Test("a symbolic link to /dev/zero is refused at once, not read forever")
    func deviceBehindLink() throws {
        let store = try TempStore([:])
        defer { store.remove() }
        #expect(symlink("/dev/zero", store.path("contacts.jsonl")) == 0)
        let error = try #require(throws: StoreError.self) { try store.load() }
        #expect(error.code == .notRegularFile)
        #expect(error.message.contains("a character device"))
    }

    @Test("a symbolic link is followed in a store only its owner writes, refused in one others can write")
    func symlinkPolicy() throws {
        let store = try TempStore(["customers.jsonl": Self.customers])
        defer { store.remove() }
        let elsewhere = store.directory + "-export"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try Self.contacts.write(toFile: elsewhere + "/contacts.jsonl", atomically: false, encoding: .utf8)
        #expect(symlink(elsewhere + "/contacts.jsonl", store.path("contacts.jsonl")) == 0)

        #expect(chmod(store.directory, 0o755) == 0)
        #expect(try store.load().snapshot.contacts.count == 2)

        #expect(chmod(store.directory, 0o777) == 0)
        let error = try #require(throws: StoreError.self) { try store.load() }
        #expect(error.code == .notRegularFile)
        #expect(error.message.contains("a symbolic link in a folder others can write"))
    }

    /// A wall clock in nanoseconds that the test moves.
    final class TestClock: Sendable {
        let now: Mutex<Int64>
        init(_ start: Int64) { now = Mutex(start) }
        func advance(_ nanoseconds: Int64) { now.withLock { $0 += nanoseconds } }
    }

    /// A follower with a 60 s quiet period on a clock the test moves.
    static func follower(_ store: TempStore, clock: TestClock) -> StoreFollower {
        var follower = StoreFollower(
            directory: store.directory, zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"],
            quietPeriod: .seconds(60))
        follower.nowNanoseconds = { clock.now.withLock { $0 } }
        return follower
    }

    static func seconds(_ s: Int64) -> Int64 { s * 1_000_000_000 }

    @Test("a collection file gone for one refresh keeps the last snapshot (no customer looks uncontacted)")
    func vanishedForAMoment() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contacts])
        defer { store.remove() }
        let clock = TestClock(Int64(time(nil)) * 1_000_000_000 + Self.seconds(3600))
        var follower = Self.follower(store, clock: clock)
        #expect(try follower.refresh().load.snapshot.contacts.count == 2)

        // The export removes the file and writes it again: one refresh falls in between.
        let saved = store.path("contacts.jsonl") + ".saved"
        #expect(rename(store.path("contacts.jsonl"), saved) == 0)
        let during = try follower.refresh()
        #expect(!during.changed)
        #expect(during.load.snapshot.contacts.count == 2, "the last good snapshot is kept")
        let warnings = during.load.diagnostics.filter { $0.location.file.hasSuffix("contacts.jsonl") }
        #expect(warnings.count == 1 && warnings[0].severity == .warning)
        #expect(warnings.first?.message.hasSuffix(StoreFollower.keptSnapshot) == true)

        clock.advance(Self.seconds(30))
        #expect(rename(saved, store.path("contacts.jsonl")) == 0)
        let back = try follower.refresh()
        #expect(back.load.snapshot.contacts.count == 2)
        #expect(back.load.diagnostics.isEmpty)
    }

    @Test("a collection file gone for longer than the quiet period counts as removed")
    func removedForGood() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contacts])
        defer { store.remove() }
        let clock = TestClock(Int64(time(nil)) * 1_000_000_000 + Self.seconds(3600))
        var follower = Self.follower(store, clock: clock)
        _ = try follower.refresh()
        #expect(unlink(store.path("contacts.jsonl")) == 0)
        #expect(try follower.refresh().load.snapshot.contacts.count == 2)
        clock.advance(Self.seconds(61))
        let gone = try follower.refresh()
        #expect(gone.changed)
        #expect(gone.load.snapshot.contacts.isEmpty)
        #expect(gone.load.snapshot.customers.count == 2)
    }
}

@Suite("Store files: the daemon's grace for a missing collection")
struct StoreMissingGraceTests {
    @Test("with a grace of an hour, a collection gone for ten minutes still keeps the last snapshot; after the hour it counts as removed")
    func graceLongerThanQuietPeriod() throws {
        let store = try TempStore([
            "customers.jsonl": StoreFileSafetyTests.customers, "contacts.jsonl": StoreFileSafetyTests.contacts,
        ])
        defer { store.remove() }
        let clock = StoreFileSafetyTests.TestClock(Int64(time(nil)) * 1_000_000_000)
        var follower = StoreFileSafetyTests.follower(store, clock: clock)
        follower.missingGrace = .seconds(3600)
        _ = try follower.refresh()
        #expect(unlink(store.path("contacts.jsonl")) == 0)
        #expect(try follower.refresh().load.snapshot.contacts.count == 2)
        clock.advance(StoreFileSafetyTests.seconds(600))
        let during = try follower.refresh()
        #expect(during.load.snapshot.contacts.count == 2, "ten minutes without the file is within the grace")
        #expect(during.load.diagnostics.contains { $0.message.contains("missing for 60 min") })
        clock.advance(StoreFileSafetyTests.seconds(3001))
        #expect(try follower.refresh().load.snapshot.contacts.isEmpty)
    }
}
