import Foundation
import Testing
import TicklerCore
import TicklerImport
import TicklerStore

/// A reader that follows the store (the daemon's `StoreFollower`) sees exactly what a fresh
/// load sees after an import appends (`.jsonl`) and after one replaces a file (`rename`).
@Suite("import while the store is followed")
struct FollowerAfterImportTests {
    static let zone = Zone(TimeZone(identifier: "Asia/Shanghai")!)

    @Test("after an append and a rename, the follower's snapshot equals a full load")
    func followerMatchesFullLoad() throws {
        let scratch = try ImportScratch()
        defer { scratch.remove() }
        var follower = StoreFollower(directory: scratch.store, zone: Self.zone, classes: ["A", "B", "C"])
        let before = try follower.refresh().load
        let contacts = try ImportScratch.fixture("contacts-zh-utf16.txt")
        #expect(try StoreImport(collection: .contacts, sheetPath: contacts, store: scratch.store, zone: Self.zone, classes: ["A", "B", "C"]).run().wrote)
        let customers = try ImportScratch.fixture("customers-zh-gb18030.csv")
        #expect(try StoreImport(collection: .customers, sheetPath: customers, store: scratch.store, zone: Self.zone, classes: ["A", "B", "C"]).run().wrote)
        let (followed, changed) = try follower.refresh()
        let full = try StoreLoader(directory: scratch.store, zone: Self.zone, classes: ["A", "B", "C"]).load()
        #expect(changed)
        #expect(followed.snapshot.contacts.count == before.snapshot.contacts.count + 3)
        #expect(followed.snapshot.contacts.map(\.at) == full.snapshot.contacts.map(\.at))
        #expect(followed.snapshot.customers.map(\.id) == full.snapshot.customers.map(\.id))
        #expect(followed.diagnostics == full.diagnostics)
    }
}
