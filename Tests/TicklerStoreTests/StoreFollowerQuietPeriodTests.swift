import Foundation
import Testing
import TicklerCore
import TicklerStore

/// A store file rewritten in place (a CRM export that truncates and writes again) is not read
/// while it may be half-written: the daemon's follower keeps its last snapshot until the file
/// has been untouched for the quiet period. Appends are read at once. The file times are set
/// with `utimes`, so nothing here waits.
@Suite struct StoreFollowerQuietPeriodTests {
    static let customers = """
        {"id": "C1", "name": "Acme", "rep": "r1", "class": "A"}
        {"id": "C2", "name": "Bright", "rep": "r1", "class": "B"}

        """
    static let contacts = """
        {"customer": "C1", "rep": "r1", "at": "2026-11-20T09:00:00+08:00"}
        {"customer": "C2", "rep": "r1", "at": "2026-11-21T09:00:00+08:00"}

        """

    func follower(_ store: TempStore, quiet: Duration) -> StoreFollower {
        StoreFollower(
            directory: store.directory, zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"],
            quietPeriod: quiet)
    }

    /// Sets the file's access and modification times to `seconds` ago.
    func age(_ path: String, seconds: Int) {
        let then = time(nil) - seconds
        var times = [timeval(tv_sec: then, tv_usec: 0), timeval(tv_sec: then, tv_usec: 0)]
        #expect(utimes(path, &times) == 0)
    }

    @Test("a file just rewritten in place keeps the previous snapshot, with one warning; once quiet it is read")
    func halfWrittenFileIsNotRead() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contacts])
        defer { store.remove() }
        var follower = follower(store, quiet: .seconds(60))
        #expect(try follower.refresh().load.snapshot.contacts.count == 2)

        // Truncated and half written again: one contact and a torn line.
        let half = String(Self.contacts.prefix(90))
        try half.write(toFile: store.path("contacts.jsonl"), atomically: false, encoding: .utf8)
        let during = try follower.refresh()
        #expect(!during.changed)
        #expect(during.load.snapshot.contacts.count == 2, "the last good snapshot is kept")
        let warnings = during.load.diagnostics.filter { $0.location.file.hasSuffix("contacts.jsonl") }
        #expect(warnings.count == 1 && warnings[0].severity == .warning && warnings[0].message.contains("rewritten"))

        age(store.path("contacts.jsonl"), seconds: 120)
        let after = try follower.refresh()
        #expect(after.changed)
        #expect(after.load.snapshot.contacts.count == 1, "a file quiet for the period is read as it is")
    }

    @Test("an append is read at once, and without a quiet period a rewrite is read at once")
    func appendsAndNoQuietPeriod() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contacts])
        defer { store.remove() }
        var quiet = follower(store, quiet: .seconds(60))
        var eager = follower(store, quiet: .zero)
        _ = try quiet.refresh()
        _ = try eager.refresh()

        let handle = try #require(FileHandle(forWritingAtPath: store.path("contacts.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"customer": "C1", "rep": "r1", "at": "2026-11-25T09:00:00+08:00"}"#.utf8 + [0x0A]))
        try handle.close()
        #expect(try quiet.refresh().load.snapshot.contacts.count == 3)

        try String(Self.contacts.prefix(90)).write(toFile: store.path("contacts.jsonl"), atomically: false, encoding: .utf8)
        #expect(try eager.refresh().load.snapshot.contacts.count == 1)
    }

    @Test("the first read of a follower is never deferred")
    func firstReadIsNotDeferred() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contacts])
        defer { store.remove() }
        var follower = follower(store, quiet: .seconds(60))
        let first = try follower.refresh()
        #expect(first.changed && first.load.snapshot.contacts.count == 2)
        #expect(first.load.diagnostics.isEmpty)
    }
}
