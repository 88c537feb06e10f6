import Foundation
import Testing
import TicklerCore
import TicklerStore

/// A large `.jsonl` collection is decoded in two halves at once (``LineSplit``,
/// ``SideThread``); the result must be exactly that of one sequential read.
@Suite struct StoreLoaderSplitTests {
    /// About 6 MiB of contacts: good lines, bad ones of every sort (not JSON, a wrong method,
    /// a missing field, not an object, a control character in an id), blank lines and CRLF,
    /// with a bad record on each line near the middle, and a torn last line.
    static func contactLines() -> [UInt8] {
        var text = ""
        let lines = 40_000
        for i in 1...lines {
            let nearMiddle = abs(i - lines / 2) < 40
            switch (i % 997, nearMiddle ? i % 4 : -1) {
            case (0, _), (_, 0): text += "{\"customer\": \"c\(i)\", \"rep\": \"r1\", \"at\": \"2026-11-20T09:30:00+08:00\",\n"
            case (1, _), (_, 1): text += "{\"customer\": \"c\(i)\", \"rep\": \"r1\", \"at\": \"2026-11-20\", \"method\": \"call\"}\n"
            case (2, _): text += "\n   \n"
            case (3, _), (_, 2): text += "{\"customer\": \"c\(i)\", \"at\": \"2026-11-20\"}\r\n"
            case (4, _): text += "[1, 2]\n"
            case (5, _): text += "{\"customer\": \"c\\u0001\(i)\", \"rep\": \"r1\", \"at\": \"2026-11-20\"}\n"
            default:
                text += "{\"customer\": \"c\(i % 5000)\", \"rep\": \"r\(i % 40)\", \"at\": \"2026-\(10 + i % 3)-1\(i % 10)T09:\(10 + i % 50):00+08:00\", "
                text += "\"method\": \"phone\", \"progress\": \(i % 101), \"note\": \"客户 \(i) 😀 \(String(repeating: "x", count: 60))\"}\n"
            }
        }
        text += "{\"customer\": \"c1\", \"rep\": \"r1\", \"at\""
        return Array(text.utf8)
    }

    /// The records and diagnostics of one sequential read of the whole file.
    static func sequential(_ store: TempStore) throws -> ([Contact], [Diagnostic]) {
        let decoder = StoreRecordDecoder(zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"])
        let reader = CollectionFileReader(
            path: store.path("contacts.jsonl"), name: "contacts.jsonl", displayPath: store.path("contacts.jsonl"),
            collection: .contacts)
        var records: [Contact] = []
        var diagnostics: [Diagnostic] = []
        try reader.readLines(into: &records, diagnostics: &diagnostics) { (m, o) throws(RecordProblem) in
            try decoder.contact(decoder.fields(m, .contacts), origin: o)
        }
        return (records, diagnostics)
    }

    @Test("a large contacts.jsonl read in two halves gives the records and FILE:LINE diagnostics of one read, in order")
    func splitEqualsSequential() throws {
        let store = try TempStore(bytes: ["contacts.jsonl": Self.contactLines()])
        defer { store.remove() }
        let split = try #require(try LineSplit.of(store.path("contacts.jsonl"), followLinks: true))
        #expect(split.line > 19_000 && split.line < 21_000)
        let (records, diagnostics) = try Self.sequential(store)
        #expect(diagnostics.count > 150)
        let load = try store.load()
        #expect(load.snapshot.contacts == records)
        #expect(load.diagnostics == diagnostics)
    }

    @Test("the line numbers of the second half count the lines of the first, blank ones included")
    func splitLineNumber() throws {
        var text = ""
        for i in 1...5000 { text += i % 7 == 0 ? "\n" : "{\"n\": \(i)}\n" }
        let store = try TempStore(["contacts.jsonl": text])
        defer { store.remove() }
        let split = try #require(try LineSplit.of(store.path("contacts.jsonl"), followLinks: true, minimumSize: 1))
        let before = Array(text.utf8)[..<Int(split.offset)]
        #expect(before.last == 0x0A)
        #expect(split.line == before.count(where: { $0 == 0x0A }) + 1)
    }

    @Test("after a split read, completing the torn line and appending gives what a full load gives")
    func appendAfterSplit() throws {
        let store = try TempStore(bytes: ["contacts.jsonl": Self.contactLines()])
        defer { store.remove() }
        var follower = StoreFollower(directory: store.directory, zone: Zone(identifier: "Asia/Shanghai")!, classes: ["A", "B", "C"])
        _ = try follower.refresh()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.path("contacts.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(": \"2026-11-21\"}\n{\"customer\": \"c2\", \"rep\": \"r1\", \"at\": \"2026-11-22\"}\n".utf8))
        try handle.close()
        let followed = try follower.refresh().load
        let fresh = try store.load()
        #expect(followed.snapshot.contacts == fresh.snapshot.contacts)
        #expect(followed.diagnostics == fresh.diagnostics)
    }
}
