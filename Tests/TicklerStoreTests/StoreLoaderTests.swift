import Foundation
import Testing
import TicklerCore
import TicklerStore

@Suite struct StoreLoaderTests {
    static let records: [String: [String]] = [
        "reps": [
            #"{"id": "r1", "name": "王伟", "manager": "m1", "mailbox": "wangwei", "locale": "zh-Hans", "team": "north"}"#,
            #"{"id": "m1", "name": "Anna Kovács", "email": "anna@example.com", "webhook": "https://x.example/h"}"#,
        ],
        "customers": [
            #"{"id": "C1", "name": "高芳科技", "rep": "r1", "class": "A", "status": "prospect", "phone": "13800138000", "registered_at": "2026-11-01T09:30:00+08:00", "next_contact": "2026-11-25", "birthday": "1980-02-29", "expected_amount": 120000.50, "close_date": "2026-12-31", "probability": 40, "household": "H7"}"#,
            #"{"id": "C2", "name": "Béla Nagy", "rep": "r1", "class": "C", "extra": {"ignored": [1, 2]}}"#,
        ],
        "contacts": [
            #"{"customer": "C1", "rep": "r1", "at": "2026-11-20T09:30:00+08:00", "method": "wechat", "progress": 60, "outcome": "quote", "note": "约了下周见面"}"#,
            #"{"customer": "C2", "rep": "r1", "at": "2026-11-21T01:00:00.250Z"}"#,
        ],
        "attendance": [
            #"{"rep": "r1", "date": "2026-11-20", "check_in": "08:41"}"#,
            #"{"rep": "m1", "date": "2026-11-20", "absent": true, "excused": false}"#,
        ],
        "events": [
            #"{"rep": "r1", "at": "2026-11-20T08:45:00+08:00", "event": "late_greeting", "customer": "C1", "note": "x"}"#,
            #"{"rep": "m1", "at": "2026-11-20", "event": "floor_quarrel"}"#,
        ],
    ]

    static func files(jsonl: Bool) -> [String: String] {
        var files: [String: String] = [:]
        for (name, lines) in records {
            if jsonl {
                files[name + ".jsonl"] = lines.joined(separator: "\n") + "\n"
            } else {
                files[name + ".json"] = "[\n  " + lines.joined(separator: ",\n  ") + "\n]\n"
            }
        }
        return files
    }

    @Test("every collection loads from .jsonl and from .json with all its fields", arguments: [true, false])
    func everyCollection(jsonl: Bool) throws {
        let store = try TempStore(Self.files(jsonl: jsonl))
        defer { store.remove() }
        let load = try store.load()
        #expect(load.diagnostics.isEmpty)
        let s = load.snapshot
        let ext = jsonl ? "jsonl" : "json"
        let firstLine = jsonl ? 1 : 2

        #expect(s.reps.count == 2)
        let r1 = try #require(s.rep("r1"))
        #expect(r1 == Rep(id: "r1", name: "王伟", manager: "m1", mailbox: "wangwei", locale: .zhHans, team: "north",
                          origin: RecordOrigin(file: "reps.\(ext)", line: firstLine)))
        #expect(s.rep("m1")?.email == "anna@example.com")
        #expect(s.rep("m1")?.origin == RecordOrigin(file: "reps.\(ext)", line: firstLine + 1))

        let c1 = try #require(s.customer("C1"))
        #expect(c1.class == "A")
        #expect(c1.status == .prospect)
        #expect(c1.phone == "13800138000")
        #expect(c1.registeredAt == instant("2026-11-01T01:30:00Z"))
        #expect(c1.nextContact == LocalDate(parsing: "2026-11-25"))
        #expect(c1.birthday == LocalDate(parsing: "1980-02-29"))
        #expect(c1.expectedAmount == Decimal(string: "120000.50"))
        #expect(c1.closeDate == LocalDate(parsing: "2026-12-31"))
        #expect(c1.probability == 40)
        #expect(c1.household == "H7")
        #expect(s.customer("C2")?.status == nil)

        #expect(s.contacts.count == 2)
        #expect(s.contacts[0].method == .wechat)
        #expect(s.contacts[0].progress == 60)
        #expect(s.contacts[0].outcome == "quote")
        #expect(s.contacts[0].note == "约了下周见面")
        #expect(s.contacts[0].at == instant("2026-11-20T01:30:00Z"))
        #expect(s.contacts[1].at == instant("2026-11-21T01:00:00Z").addingTimeInterval(0.25))
        #expect(s.contacts[1].origin == RecordOrigin(file: "contacts.\(ext)", line: firstLine + 1))
        #expect(s.lastContact(of: "C1")?.rep == "r1")

        #expect(s.attendance[0].checkIn == TimeOfDay(hour: 8, minute: 41))
        #expect(s.attendance[1].absent && !s.attendance[1].excused)
        #expect(s.events[0].customer == "C1")
        #expect(s.events[1].at == instant("2026-11-19T16:00:00Z"))
    }

    @Test("a missing collection is empty; unknown files are not read, each reported as a warning")
    func missingAndUnknown() throws {
        let store = try TempStore(["customers.jsonl": "", "notes.txt": "hello", "backup.json": "not json"])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.diagnostics.count == 2 && load.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(store.described(load).first?.hasPrefix("backup.json:1: warning: this file is not read") == true)
        #expect(load.snapshot.customers.isEmpty && load.snapshot.reps.isEmpty)
    }

    @Test("when both files of a collection exist, the .jsonl is read and the .json is reported")
    func bothFiles() throws {
        let store = try TempStore([
            "reps.jsonl": #"{"id": "r1", "name": "A"}"# + "\n",
            "reps.json": #"[{"id": "r2", "name": "B"}]"#,
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.snapshot.reps.map(\.id) == ["r1"])
        #expect(store.described(load) == [
            "reps.json:1: both reps.json and reps.jsonl exist; only reps.jsonl was read. Merge the records into one file and remove the other."
        ])
    }

    @Test("a store directory that does not exist throws an error naming the path")
    func missingDirectory() throws {
        let loader = StoreLoader(directory: "/nonexistent/store", zone: Zone(identifier: "UTC")!, classes: [])
        let error = try #require(throws: StoreError.self) { try loader.load() }
        #expect(error.code == .missingDirectory)
        #expect(error.description.hasPrefix("/nonexistent/store: "))
    }

    @Test("a store path that is a file throws notADirectory")
    func notADirectory() throws {
        let store = try TempStore(["reps.jsonl": ""])
        defer { store.remove() }
        let loader = StoreLoader(directory: store.path("reps.jsonl"), zone: Zone(identifier: "UTC")!, classes: [])
        #expect(throws: StoreError.self) { try loader.load() }
    }

    @Test("loading leaves every file of the store unchanged")
    func readOnly() throws {
        let files = Self.files(jsonl: true).merging(["events.jsonl": "{\"rep\": \"r1\"", "x.json": "[]"]) { $1 }
        let store = try TempStore(files)
        defer { store.remove() }
        _ = try store.load()
        for (name, content) in files {
            #expect(try String(contentsOfFile: store.path(name), encoding: .utf8) == content)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: store.directory).sorted()
        #expect(names == files.keys.sorted())
    }

    @Test("ids and phone numbers exported as numbers are read as their decimal text")
    func numericIDs() throws {
        let store = try TempStore([
            "customers.jsonl": #"{"id": 1001, "name": "X", "rep": 7, "class": "A", "phone": 13800138000}"# + "\n",
            "contacts.jsonl": #"{"customer": 1001, "rep": 7, "at": "2026-11-20"}"# + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.diagnostics.isEmpty)
        #expect(load.snapshot.customer("1001")?.rep == "7")
        #expect(load.snapshot.customer("1001")?.phone == "13800138000")
        #expect(load.snapshot.lastContact(of: "1001") != nil)
    }

    @Test("an empty class list accepts any customer class")
    func anyClass() throws {
        let store = try TempStore(["customers.jsonl": #"{"id": "C1", "name": "X", "rep": "r", "class": "Z"}"# + "\n"])
        defer { store.remove() }
        #expect(try store.load(classes: []).snapshot.customers.count == 1)
    }
}

@Suite struct ExampleStoreTests {
    @Test("the example store shipped beside the rules loads without a diagnostic")
    func shippedExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let directory = root.appendingPathComponent("rules/example-store").path
        try #require(FileManager.default.fileExists(atPath: directory))
        let load = try StoreLoader(directory: directory, zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"])
            .load()
        #expect(load.diagnostics.map(\.description) == [])
        #expect(!load.snapshot.customers.isEmpty && !load.snapshot.contacts.isEmpty && !load.snapshot.reps.isEmpty)
    }
}
