import Foundation
import Synchronization
import Testing
import TicklerCore
import TicklerStore

/// A daemon that starts (or restarts after a crash) while a collection is missing or empty has
/// no previous snapshot to keep: with a `store-seen.json` in its state folder, the follower
/// knows the collection held records at the last run and holds the start until it is back or
/// has stayed missing for the quiet period. The clock is injected, so nothing here waits.
@Suite("Store follower at a start: a collection that held records at the last run and is missing now holds the start")
struct StoreFollowerStartTests {
    static let customers = StoreFileSafetyTests.customers
    static let contacts = StoreFileSafetyTests.contacts

    /// A store and a state folder beside it, and a clock the test moves.
    struct Office {
        let store: TempStore
        let state: String
        let clock = StoreFileSafetyTests.TestClock(1_800_000_000 * 1_000_000_000)

        init() throws {
            store = try TempStore(["customers.jsonl": StoreFollowerStartTests.customers, "contacts.jsonl": StoreFollowerStartTests.contacts])
            state = store.directory + "-state"
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        }

        /// A follower as a daemon that has just started makes it.
        func start() -> StoreFollower {
            var follower = StoreFollower(
                directory: store.directory, zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"],
                quietPeriod: .seconds(60))
            follower.seenFile = StoreSeenFile(stateDirectory: state)
            let clock = clock
            follower.nowNanoseconds = { clock.now.withLock { $0 } }
            return follower
        }

        func advance(seconds: Int64) { clock.advance(seconds * 1_000_000_000) }

        func seen() throws -> StoreSeen? { try StoreSeenFile(stateDirectory: state).read() }

        func remove() {
            store.remove()
            try? FileManager.default.removeItem(atPath: state)
        }
    }

    @Test("a restart with contacts.jsonl missing is held with one store error; once it is back the start reads it")
    func missingAtStartIsHeld() throws {
        let office = try Office()
        defer { office.remove() }
        var running = office.start()
        #expect(try running.refresh().load.snapshot.contacts.count == 2)
        #expect(try office.seen()?.collections["contacts"] == StoreSeen.Entry(file: "contacts.jsonl", records: 2))

        try FileManager.default.removeItem(atPath: office.store.path("contacts.jsonl"))
        var restarted = office.start()
        let error = try #require(throws: StoreError.self) { try restarted.refresh() }
        #expect(error.code == .goneSinceLastRun)
        #expect(error.path == office.store.path("contacts.jsonl"))
        #expect(error.message.hasPrefix("missing, though the last snapshot read 2 records from contacts.jsonl"), "\(error)")
        #expect(try office.seen()?.missingSince["contacts"] != nil, "the time it was first found missing is kept")
        // The next tick, a moment later, is held again with the same error (reported once).
        office.advance(seconds: 5)
        #expect(throws: error) { try restarted.refresh() }

        try Self.contacts.write(toFile: office.store.path("contacts.jsonl"), atomically: true, encoding: .utf8)
        let back = try restarted.refresh().load
        #expect(back.snapshot.contacts.count == 2)
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(try office.seen()?.missingSince.isEmpty == true)
    }

    @Test("a collection still missing after the quiet period counts as removed, with a warning, and is forgotten")
    func missingForTheQuietPeriodIsAccepted() throws {
        let office = try Office()
        defer { office.remove() }
        var running = office.start()
        _ = try running.refresh()
        try FileManager.default.removeItem(atPath: office.store.path("contacts.jsonl"))

        var restarted = office.start()
        #expect(throws: StoreError.self) { try restarted.refresh() }
        office.advance(seconds: 61)
        // Another restart in between does not reset the time: it is kept in the state folder.
        var again = office.start()
        let load = try again.refresh().load
        #expect(load.snapshot.contacts.isEmpty)
        let warnings = load.diagnostics.filter { $0.location.file == office.store.path("contacts.jsonl") }
        #expect(warnings.count == 1 && warnings[0].severity == .warning, "\(load.diagnostics)")
        #expect(warnings.first?.message.contains("it now counts as removed and is read as empty") == true)
        #expect(try office.seen()?.collections["contacts"] == nil)

        var later = office.start()
        #expect(try later.refresh().load.diagnostics.isEmpty, "once accepted, a start is not held again")
    }

    @Test("a restart that finds contacts.jsonl empty (truncated by an export) is held too")
    func emptyAtStartIsHeld() throws {
        let office = try Office()
        defer { office.remove() }
        var running = office.start()
        _ = try running.refresh()
        try "".write(toFile: office.store.path("contacts.jsonl"), atomically: false, encoding: .utf8)
        var restarted = office.start()
        let error = try #require(throws: StoreError.self) { try restarted.refresh() }
        #expect(error.code == .goneSinceLastRun)
        #expect(error.message.hasPrefix("without records, though the last snapshot read 2 records"), "\(error)")
    }

    @Test("without a seen file (tickler eval, check), and for another store folder, a missing collection reads as empty")
    func otherReadersUnaffected() throws {
        let office = try Office()
        defer { office.remove() }
        var running = office.start()
        _ = try running.refresh()
        try FileManager.default.removeItem(atPath: office.store.path("contacts.jsonl"))
        #expect(try office.store.load().snapshot.contacts.isEmpty)

        var seen = try #require(try office.seen())
        seen.store = "/elsewhere"
        try StoreSeenFile(stateDirectory: office.state).write(seen)
        var restarted = office.start()
        #expect(try restarted.refresh().load.snapshot.contacts.isEmpty)
    }
}
