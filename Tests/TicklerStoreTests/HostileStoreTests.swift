import Foundation
import Testing
import TicklerCore
import TicklerStore

#if canImport(Glibc)
import Glibc
#endif

/// Hostile store files (docs/reliability.md): each bad record is one `FILE:LINE:` diagnostic,
/// an unusable file is a clean ``StoreError``, and memory stays bounded whatever the size.
@Suite("Hostile store input: clean diagnostics, bounded memory, never a crash")
struct HostileStoreTests {
    static let rep = #"{"id": "r1", "name": "Li", "mailbox": "li"}"#

    /// Peak resident memory of this process so far, in bytes.
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// A sparse file: `head`, then a hole of zero bytes up to `size - tail.count`, then `tail`.
    static func sparse(_ path: String, head: String, size: Int, tail: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        let h = Array(head.utf8)
        let t = Array(tail.utf8)
        #expect(pwrite(fd, h, h.count, 0) == h.count)
        #expect(pwrite(fd, t, t.count, off_t(size - t.count)) == t.count)
    }

    @Test("a 1 GiB line in a .jsonl file is skipped with its length, read in bounded memory, and the next record loads")
    func gigabyteLine() throws {
        let store = try TempStore([:])
        defer { store.remove() }
        let size = 1 << 30
        let tail = "\"}\n" + Self.rep + "\n"
        try Self.sparse(store.path("reps.jsonl"), head: #"{"id": "r0", "name": ""#, size: size, tail: tail)
        let before = Self.peakRSS()
        let load = try store.load()
        let grown = Self.peakRSS() - before
        #expect(load.snapshot.reps.map(\.id) == ["r1"])
        let length = size - Self.rep.utf8.count - 2
        #expect(store.described(load) == [
            "reps.jsonl:1: rep skipped: the line is \(length) bytes long, more than a record may be (1 MiB); is the file missing its line breaks?"
        ])
        // The reader holds one 4 MiB chunk and one 1 MiB line, never the line itself.
        #expect(grown < 256 << 20, "peak memory grew by \(grown >> 20) MiB")
    }

    @Test("a .json collection over 256 MiB is refused as a store error before it is read")
    func hugeArrayFile() throws {
        let store = try TempStore([:])
        defer { store.remove() }
        try Self.sparse(store.path("contacts.json"), head: "[", size: 1 << 30, tail: "]\n")
        let before = Self.peakRSS()
        let error = try #require(throws: StoreError.self) { try store.load() }
        #expect(Self.peakRSS() - before < 256 << 20)
        #expect(error.code == .tooLarge)
        #expect(error.path == store.path("contacts.json"))
        #expect(error.message == "this collection is 1024 MiB, more than a .json file may be (256 MiB); export it as contacts.jsonl, one record a line, which is read a line at a time")
    }

    @Test("100,000 nested brackets are a diagnostic, in a .jsonl line and in a .json element")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let open = String(repeating: "[", count: 100_000)
        let store = try TempStore([
            "reps.jsonl": [Self.rep, deep, open, "{\"id\": \"r2\", \"name\": \(deep)}"].joined(separator: "\n") + "\n",
            "customers.json": "[\n" + deep + ",\n" + #"{"id": "C1", "name": "Acme", "rep": "r1", "class": "A"}"# + "\n]",
            "contacts.json": "[\n" + open + "\n",
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.snapshot.reps.map(\.id) == ["r1"])
        #expect(load.snapshot.customers.map(\.id) == ["C1"])
        #expect(store.described(load) == [
            "reps.jsonl:2: rep skipped: not valid JSON at column 65: nesting deeper than 64 levels",
            "reps.jsonl:3: rep skipped: not valid JSON at column 65: nesting deeper than 64 levels",
            "reps.jsonl:4: rep skipped: not valid JSON at column 85: nesting deeper than 64 levels",
            "customers.json:2: customer skipped: not valid JSON at line 2, column 65: nesting deeper than 64 levels",
            "contacts.json:1: not a valid JSON array, so no contacts were read from this file: the array that starts here is not closed (missing ']')",
        ])
    }

    @Test("huge numbers are refused where a field needs a bounded value, and kept as text where it is an id")
    func hugeNumbers() throws {
        let store = try TempStore([
            "reps.jsonl": Self.rep,
            "customers.jsonl": [
                #"{"id": 123456789012345678901234567890, "name": "Big", "rep": "r1", "class": "A"}"#,
                #"{"id": "C2", "name": "P", "rep": "r1", "class": "A", "probability": 1e400}"#,
                #"{"id": "C3", "name": "E", "rep": "r1", "class": "A", "expected_amount": 1e999999999}"#,
                #"{"id": "C4", "name": "D", "rep": "r1", "class": "A", "next_contact": "99999-01-01"}"#,
            ].joined(separator: "\n"),
            "contacts.jsonl": #"{"customer": "C1", "rep": "r1", "at": "2026-11-24T10:00:00Z", "progress": 99999999999999999999}"#,
        ])
        defer { store.remove() }
        let load = try store.load()
        for line in store.described(load) {
            #expect(line.contains(" skipped: field '"), "\(line)")
        }
        #expect(load.diagnostics.count >= 4, "\(store.described(load))")
        #expect(load.snapshot.contacts.isEmpty)
    }

    @Test("a duplicate field in a record: the last one wins, as documented, for every reader alike")
    func duplicateKeys() throws {
        let store = try TempStore([
            "reps.jsonl": #"{"id": "r1", "name": "First", "name": "Second"}"#,
            "customers.json": #"[{"id": "C1", "id": "C2", "name": "Acme", "rep": "r1", "class": "A"}]"#,
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.snapshot.reps.map(\.name) == ["Second"])
        #expect(load.snapshot.customers.map(\.id) == ["C2"])
        #expect(load.diagnostics.isEmpty)
    }

    @Test("rep ids and mailboxes that could become a path or a header are refused at their line", arguments: [
        (#"{"id": "r1", "name": "Li", "mailbox": "../x"}"#,
         #"rep skipped: field 'mailbox': the mailbox "../x" holds '/' or '\', which would make it a path; use another separator"#),
        (#"{"id": "r1", "name": "Li", "mailbox": "a/b"}"#,
         #"rep skipped: field 'mailbox': the mailbox "a/b" holds '/' or '\', which would make it a path; use another separator"#),
        (#"{"id": "r1", "name": "Li", "mailbox": "li\r\nBcc: all"}"#,
         #"rep skipped: field 'mailbox': the mailbox "li\r\nBcc: all" holds a control character (a line break, tab or NUL); remove it"#),
        (#"{"id": "r1", "name": "Li", "mailbox": "-f"}"#,
         #"rep skipped: field 'mailbox': the mailbox "-f" starts with '-', which commands read as an option"#),
        (#"{"id": "r1\nX-Evil: 1", "name": "Li"}"#,
         #"rep skipped: field 'id' "r1\nX-Evil: 1" holds a control character (a line break, tab or NUL); remove it"#),
        (#"{"id": "r1", "name": "Li", "manager": "m\r"}"#,
         #"rep skipped: field 'manager' "m\r" holds a control character (a line break, tab or NUL); remove it"#),
    ])
    func unsafeIdentifiers(line: String, message: String) throws {
        let store = try TempStore(["reps.jsonl": Self.rep.replacingOccurrences(of: "r1", with: "r0") + "\n" + line + "\n"])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == ["reps.jsonl:2: " + message])
        #expect(load.snapshot.reps.map(\.id) == ["r0"])
        // The diagnostic itself is one line: nothing from the record can start another.
        #expect(!load.diagnostics[0].description.contains("\n") && !load.diagnostics[0].description.contains("\r"))
    }

    @Test("a customer or contact whose rep id holds a line break is refused, others load")
    func controlCharactersInReferences() throws {
        let store = try TempStore([
            "customers.jsonl": #"{"id": "C1", "name": "A", "rep": "r1\u000a", "class": "A"}"# + "\n"
                + #"{"id": "C2", "name": "B", "rep": "r1", "class": "A"}"#,
            "contacts.jsonl": #"{"customer": "C2\u0000", "rep": "r1", "at": "2026-11-24T10:00:00Z"}"#,
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.snapshot.customers.map(\.id) == ["C2"])
        #expect(load.snapshot.contacts.isEmpty)
        #expect(store.described(load).count == 2, "\(store.described(load))")
    }
}
