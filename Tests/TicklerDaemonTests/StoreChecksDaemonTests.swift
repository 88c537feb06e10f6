import Foundation
import Testing
import TicklerCore
import TicklerDaemon
import TicklerStore

@Suite("The daemon's store: records that fail the checks are reported and skipped, never guessed")
struct StoreChecksDaemonTests {
    @Test("a duplicate customer id and a contact of an unknown customer change no notice; both are reported")
    func duplicateAndUnknown() throws {
        let office = try FixtureOffice("store-checks", channels: "  journal: {}")
        defer { office.remove() }
        let before = try office.noticesNow().map(\.key).sorted()
        #expect(!before.isEmpty)
        // A re-export that gives A001 to the manager, and a contact for a customer that does not exist.
        let customers = office.folder + "/store/customers.json"
        var text = try String(contentsOfFile: customers, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\n]", with: ",\n  { \"id\": \"A001\", \"name\": \"Acme\", \"rep\": \"m1\", \"class\": \"C\" }\n]")
        try text.write(toFile: customers, atomically: true, encoding: .utf8)
        let contacts = try #require(FileHandle(forWritingAtPath: office.folder + "/store/contacts.jsonl"))
        try contacts.seekToEnd()
        try contacts.write(contentsOf: Data((#"{"customer": "Z999", "rep": "r1", "at": "2020-02-04T10:00:00+08:00"}"# + "\n").utf8))
        try contacts.close()

        let (config, rules) = try TicklerService.load(office.config)
        let load = try StoreCache().refresh(config.store, rules: rules).load
        let problems = load.diagnostics.map(\.description)
        #expect(problems.contains { $0.hasSuffix("customers.json:4: customer skipped: id 'A001' is already used at line 2; give each customer its own id, or remove one of them") }, "\(problems)")
        #expect(problems.contains { $0.contains("contacts.jsonl:2: contact skipped: customer 'Z999' is not in the store's customers") }, "\(problems)")
        #expect(load.snapshot.customer("A001")?.rep == "r1")
        #expect(try office.noticesNow().map(\.key).sorted() == before)
    }
}
