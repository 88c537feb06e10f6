import Foundation
import Testing
import TicklerCore
import TicklerStore

/// The daemon's store follower: untouched files are not read again, appends are read from
/// the last offset, rewrites and torn lines are read again, and the result always equals a
/// full load of the same files.
@Suite struct StoreFollowerTests {
    static let customers = """
        {"id": "C1", "name": "高芳科技", "rep": "r1", "class": "A"}
        {"id": "C2", "name": "Béla Nagy", "rep": "r1", "class": "B"}

        """
    static func contact(_ customer: String, _ day: Int) -> String {
        #"{"customer": "\#(customer)", "rep": "r1", "at": "2026-11-\#(String(format: "%02d", day))T09:00:00+08:00"}"# + "\n"
    }

    func follower(_ store: TempStore) -> StoreFollower {
        StoreFollower(directory: store.directory, zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"])
    }

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// The follower's view must always be what a fresh full load sees.
    func expectSameAsFullLoad(_ load: StoreLoad, _ store: TempStore) throws {
        let full = try store.load()
        #expect(load.snapshot.contacts.map(\.origin) == full.snapshot.contacts.map(\.origin))
        #expect(load.snapshot.contacts.map(\.customer) == full.snapshot.contacts.map(\.customer))
        #expect(load.snapshot.customers.map(\.id) == full.snapshot.customers.map(\.id))
        #expect(load.diagnostics.map(\.description) == full.diagnostics.map(\.description))
    }

    @Test func anUntouchedStoreIsNotReadAgain() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contact("C1", 20)])
        defer { store.remove() }
        var follower = follower(store)
        let first = try follower.refresh()
        #expect(first.changed)
        #expect(first.load.snapshot.contacts.count == 1)
        let second = try follower.refresh()
        #expect(!second.changed)
        #expect(second.load.snapshot.contacts.count == 1)
    }

    @Test func appendedContactsAreReadFromTheLastOffset() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contact("C1", 20)])
        defer { store.remove() }
        var follower = follower(store)
        _ = try follower.refresh()
        try append(Self.contact("C2", 21) + Self.contact("C1", 22), to: store.path("contacts.jsonl"))
        let next = try follower.refresh()
        #expect(next.changed)
        #expect(next.load.snapshot.contacts.map(\.origin.line) == [1, 2, 3])
        #expect(next.load.snapshot.lastContact(of: "C1")?.origin.line == 3)
        try expectSameAsFullLoad(next.load, store)
    }

    @Test func aTornLastLineIsReadAgainOnceCompleted() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contact("C1", 20)])
        defer { store.remove() }
        var follower = follower(store)
        _ = try follower.refresh()
        let line = Self.contact("C2", 21)
        let half = line.index(line.startIndex, offsetBy: 20)
        try append(String(line[..<half]), to: store.path("contacts.jsonl"))
        let torn = try follower.refresh()
        #expect(torn.load.snapshot.contacts.count == 1)
        #expect(torn.load.diagnostics.map(\.severity) == [.warning])
        try append(String(line[half...]), to: store.path("contacts.jsonl"))
        let whole = try follower.refresh()
        #expect(whole.load.snapshot.contacts.map(\.customer) == ["C1", "C2"])
        #expect(whole.load.diagnostics.isEmpty)
        try expectSameAsFullLoad(whole.load, store)
    }

    @Test func anUnterminatedButValidLastLineIsNotCountedTwice() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contact("C1", 20)])
        defer { store.remove() }
        var follower = follower(store)
        _ = try follower.refresh()
        let line = Self.contact("C2", 21)
        try append(String(line.dropLast()), to: store.path("contacts.jsonl"))
        #expect(try follower.refresh().load.snapshot.contacts.count == 2)
        try append("\n" + Self.contact("C1", 23), to: store.path("contacts.jsonl"))
        let next = try follower.refresh()
        #expect(next.load.snapshot.contacts.map(\.customer) == ["C1", "C2", "C1"])
        try expectSameAsFullLoad(next.load, store)
    }

    @Test func aRewrittenFileIsReadWhole() throws {
        let store = try TempStore([
            "customers.jsonl": Self.customers, "contacts.jsonl": Self.contact("C1", 20) + Self.contact("C2", 21),
        ])
        defer { store.remove() }
        var follower = follower(store)
        _ = try follower.refresh()
        // A CRM export that rewrites the file in place, longer than before: not an append.
        let rewritten = Self.contact("C2", 11) + Self.contact("C2", 12) + Self.contact("C1", 13)
        let handle = try #require(FileHandle(forWritingAtPath: store.path("contacts.jsonl")))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(rewritten.utf8))
        try handle.close()
        let next = try follower.refresh()
        #expect(next.changed)
        #expect(next.load.snapshot.contacts.map(\.customer) == ["C2", "C2", "C1"])
        try expectSameAsFullLoad(next.load, store)
    }

    @Test func aFileReplacedByRenameOrRemovedIsNoticed() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contact("C1", 20)])
        defer { store.remove() }
        var follower = follower(store)
        _ = try follower.refresh()
        let replacement = store.path("contacts.new")
        try Data((Self.contact("C1", 20) + Self.contact("C2", 24)).utf8).write(to: URL(fileURLWithPath: replacement))
        #expect(rename(replacement, store.path("contacts.jsonl")) == 0)
        #expect(try follower.refresh().load.snapshot.contacts.count == 2)
        try FileManager.default.removeItem(atPath: store.path("contacts.jsonl"))
        let gone = try follower.refresh()
        #expect(gone.changed)
        #expect(gone.load.snapshot.contacts.isEmpty)
    }

    @Test func badAppendedRecordsAreReportedAtTheirLines() throws {
        let store = try TempStore(["customers.jsonl": Self.customers, "contacts.jsonl": Self.contact("C1", 20)])
        defer { store.remove() }
        var follower = follower(store)
        _ = try follower.refresh()
        try append(#"{"customer": "C1"}"# + "\n" + Self.contact("C2", 22), to: store.path("contacts.jsonl"))
        let next = try follower.refresh()
        #expect(store.described(next.load).count == 1)
        #expect(store.described(next.load).first?.hasPrefix("contacts.jsonl:2: contact skipped") == true)
        try expectSameAsFullLoad(next.load, store)
    }
}
