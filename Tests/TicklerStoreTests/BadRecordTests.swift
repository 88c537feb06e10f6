import Foundation
import Testing
import TicklerCore
import TicklerStore

@Suite struct BadRecordTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var collection: String
        var line: String
        var message: String
        var testDescription: String { message }
    }

    static let good: [String: String] = [
        "reps": #"{"id": "r1", "name": "A"}"#,
        "customers": #"{"id": "C1", "name": "A", "rep": "r1", "class": "A"}"#,
        "contacts": #"{"customer": "C1", "rep": "r1", "at": "2026-11-20"}"#,
        "attendance": #"{"rep": "r1", "date": "2026-11-20"}"#,
        "events": #"{"rep": "r1", "at": "2026-11-20", "event": "late_greeting"}"#,
    ]

    /// A second good record that is not a duplicate of the first (ids and rep-days are unique).
    static let other: [String: String] = [
        "reps": #"{"id": "r9", "name": "B"}"#,
        "customers": #"{"id": "C9", "name": "B", "rep": "r1", "class": "A"}"#,
        "contacts": #"{"customer": "C1", "rep": "r1", "at": "2026-11-21"}"#,
        "attendance": #"{"rep": "r1", "date": "2026-11-21"}"#,
        "events": #"{"rep": "r1", "at": "2026-11-21", "event": "late_greeting"}"#,
    ]

    static let cases: [Case] = [
        Case(collection: "reps", line: #"{"name": "A"}"#,
             message: "rep skipped: field 'id' is missing (required: id, name)"),
        Case(collection: "reps", line: #"{"id": "r2", "name": "A", "locale": "de"}"#,
             message: "rep skipped: field 'locale' is 'de'; expected one of en, es, hu, zh-Hans, zh-Hant"),
        Case(collection: "reps", line: #"{"id": "", "name": "A"}"#, message: "rep skipped: field 'id' is empty"),
        Case(collection: "reps", line: #"{"id": null, "name": "A"}"#,
             message: "rep skipped: field 'id' is missing (required: id, name)"),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "D"}"#,
             message: "customer skipped: unknown class 'D' (the rules know A, B, C)"),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "a"}"#,
             message: "customer skipped: unknown class 'a' (the rules know A, B, C); did you mean 'A'?"),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "A", "status": "leed"}"#,
             message: "customer skipped: field 'status' is 'leed'; expected one of lead, prospect, customer, dead (did you mean 'lead'?)"),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "A", "registered_at": "yesterday"}"#,
             message: #"customer skipped: field 'registered_at' should be an RFC 3339 timestamp such as "2026-11-20T09:30:00+08:00" or a date such as "2026-11-20", found the string "yesterday""#),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "A", "next_contact": "2026-11-20T10:00:00Z"}"#,
             message: #"customer skipped: field 'next_contact' should be a date such as "2026-11-20" (YYYY-MM-DD), found the string "2026-11-20T10:00:00Z""#),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "A", "expected_amount": "lots"}"#,
             message: #"customer skipped: field 'expected_amount' should be a number such as 120000 or 99.50, found the string "lots""#),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "A", "close_date": "2026-02-30"}"#,
             message: #"customer skipped: field 'close_date' should be a date such as "2026-11-20" (YYYY-MM-DD), found the string "2026-02-30""#),
        Case(collection: "customers", line: #"{"id": "C2", "name": "A", "rep": "r1", "class": "A", "probability": 150}"#,
             message: "customer skipped: field 'probability' should be a number from 0 to 100, found the number 150"),
        Case(collection: "customers", line: #"{"id": 1.5, "name": "A", "rep": "r1", "class": "A"}"#,
             message: "customer skipped: field 'id' should be a string, found the number 1.5"),
        Case(collection: "customers", line: #"{"id": ["C2"], "name": "A", "rep": "r1", "class": "A"}"#,
             message: "customer skipped: field 'id' should be a string, found an array"),
        Case(collection: "contacts", line: #"{"customer": "C1", "rep": "r1"}"#,
             message: "contact skipped: field 'at' is missing (required: customer, rep, at)"),
        Case(collection: "contacts", line: #"{"customer": "C1", "rep": "r1", "at": "2026-11-20T25:00:00Z"}"#,
             message: #"contact skipped: field 'at' should be an RFC 3339 timestamp such as "2026-11-20T09:30:00+08:00" or a date such as "2026-11-20", found the string "2026-11-20T25:00:00Z""#),
        Case(collection: "contacts", line: #"{"customer": "C1", "rep": "r1", "at": 1763600000}"#,
             message: #"contact skipped: field 'at' should be an RFC 3339 timestamp such as "2026-11-20T09:30:00+08:00" or a date such as "2026-11-20", found the number 1763600000"#),
        Case(collection: "contacts", line: #"{"customer": "C1", "rep": "r1", "at": "2026-11-20", "method": "call"}"#,
             message: "contact skipped: field 'method' is 'call'; expected one of phone, wechat, visit, email, other; "
                 + "an office's own method is declared in the rules' 'contact_methods'"),
        Case(collection: "contacts", line: #"{"customer": "C1", "rep": "r1", "at": "2026-11-20", "progress": 101}"#,
             message: "contact skipped: field 'progress' should be a whole number from 0 to 100, found the number 101"),
        Case(collection: "contacts", line: #"{"customer": "C1", "rep": "r1", "at": "2026-11-20", "progress": 50.5}"#,
             message: "contact skipped: field 'progress' should be a whole number from 0 to 100, found the number 50.5"),
        Case(collection: "attendance", line: #"{"rep": "r1", "date": "2026-11-20", "check_in": "8.30"}"#,
             message: #"attendance record skipped: field 'check_in' should be a time of day such as "08:25" (HH:MM), found the string "8.30""#),
        Case(collection: "attendance", line: #"{"rep": "r1", "date": "2026-11-20", "absent": "yes"}"#,
             message: #"attendance record skipped: field 'absent' should be true or false, found the string "yes""#),
        Case(collection: "attendance", line: #"{"rep": "r1"}"#,
             message: "attendance record skipped: field 'date' is missing (required: rep, date)"),
        Case(collection: "events", line: #"{"rep": "r1", "at": "2026-11-20"}"#,
             message: "event skipped: field 'event' is missing (required: rep, at, event)"),
        Case(collection: "events", line: #"["rep", "r1"]"#, message: "event skipped: expected a JSON object ({...}), found an array"),
        Case(collection: "events", line: #"{"rep": "r1", "at": "2026-11-20", "event": "x",}"#,
             message: "event skipped: not valid JSON at column 48: expected a field name in double quotes"),
        Case(collection: "events", line: #"{"rep": "r1" "at": "2026-11-20"}"#,
             message: "event skipped: not valid JSON at column 14: expected ',' or '}' after the value of \"rep\""),
        Case(collection: "events", line: #"{"rep": 'r1'}"#, message: "event skipped: not valid JSON at column 9: unexpected character '''"),
    ]

    @Test("a bad .jsonl record is reported at its line and skipped; the rest of the file loads", arguments: cases)
    func badLine(_ c: Case) throws {
        let good = Self.good[c.collection]!
        let store = try TempStore([c.collection + ".jsonl": [good, c.line, Self.other[c.collection]!].joined(separator: "\n") + "\n"])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == ["\(c.collection).jsonl:2: \(c.message)"])
        #expect(count(load.snapshot, c.collection) == 2)
    }

    @Test("a bad .json element is reported at the line where it starts; the others load", arguments: cases)
    func badElement(_ c: Case) throws {
        let good = Self.good[c.collection]!
        let text = "[\n  \(good),\n\n  \(c.line)\n  ,\n  \(Self.other[c.collection]!)\n]\n"
        let store = try TempStore([c.collection + ".json": text])
        defer { store.remove() }
        let load = try store.load()
        let message = c.message.replacingOccurrences(of: "not valid JSON at column", with: "not valid JSON at line 4, column")
        let adjusted = message.replacingOccurrences(of: "column \(columnIn(message))", with: "column \(columnIn(message) + 2)")
        #expect(store.described(load) == ["\(c.collection).json:4: \(adjusted)"])
        #expect(count(load.snapshot, c.collection) == 2)
    }

    /// The column named in a syntax message (the .json fixture indents elements by two).
    private func columnIn(_ message: String) -> Int {
        guard let range = message.range(of: "column ") else { return -100 }
        return Int(message[range.upperBound...].prefix(while: \.isNumber)) ?? -100
    }

    private func count(_ s: Snapshot, _ collection: String) -> Int {
        switch collection {
        case "reps": s.reps.count
        case "customers": s.customers.count
        case "contacts": s.contacts.count
        case "attendance": s.attendance.count
        default: s.events.count
        }
    }

    @Test(".json records keep the line where each element starts as their origin")
    func jsonElementLines() throws {
        let text = """
            [
              {"id": "r1",
               "name": "A"},
              {
                "id": "r2", "name": "with \\"quotes\\", commas, ] and { in it"
              }, {"id": "r3", "name": "C"},
              {"id": "r4", "name": "D"}]
            """
        let store = try TempStore(["reps.json": text])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.diagnostics.isEmpty)
        #expect(load.snapshot.reps.map(\.origin.line) == [2, 4, 6, 7])
        #expect(load.snapshot.reps[1].name == "with \"quotes\", commas, ] and { in it")
    }

    @Test("a syntax error inside a multi-line .json element names its own line and column")
    func jsonInnerLine() throws {
        let store = try TempStore(["reps.json": "[\n {\"id\": \"r1\",\n  \"name\": tru}\n]"])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [
            "reps.json:2: rep skipped: not valid JSON at line 3, column 11: unexpected word (expected true, or a string in double quotes)"
        ])
    }

    @Test("a .json file that is not a JSON array gives one diagnostic and an empty collection", arguments: [
        ("{\"id\": \"r1\"}", "reps.json:1: not a valid JSON array, so no reps were read from this file: expected a JSON array of records ('[' ... ']'), found '{'"),
        ("[\n{\"id\": \"r1\", \"name\": \"A\"},\n{\"id\": \"r2", "reps.json:3: not a valid JSON array, so no reps were read from this file: a string is not closed (missing '\"')"),
        ("\n[{\"id\": \"r1\", \"name\": \"A\"}", "reps.json:2: not a valid JSON array, so no reps were read from this file: the array that starts here is not closed (missing ']')"),
        ("[{\"id\": \"r1\", \"name\": \"A\"}]\n]", "reps.json:2: not a valid JSON array, so no reps were read from this file: unexpected text after the closing ']' of the array"),
        ("", "reps.json:1: not a valid JSON array, so no reps were read from this file: the file is empty; write [] for an empty collection"),
    ])
    func notAnArray(text: String, expected: String) throws {
        let store = try TempStore(["reps.json": text])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == [expected])
        #expect(load.snapshot.reps.isEmpty)
    }

    @Test("a torn last line is reported as incomplete; a complete last line without newline loads")
    func tornLastLine() throws {
        let good = Self.good["contacts"]!
        let store = try TempStore([
            "contacts.jsonl": good + "\n" + good + "\n" + #"{"customer": "C1", "rep": "r1", "at": "2026-"#,
            "reps.jsonl": Self.good["reps"]!,
        ])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.snapshot.contacts.count == 2)
        #expect(load.snapshot.reps.count == 1)
        #expect(load.diagnostics.count == 1)
        let d = try #require(load.diagnostics.first)
        #expect(d.severity == .warning)
        #expect(store.described(load)[0].hasPrefix("contacts.jsonl:3: warning: the last line is incomplete"))
    }

    static let prefix = Array(#"{"id": "r2", "name": "A"#.utf8)
    static let badBytesCases: [([UInt8], String)] = [
        (prefix + [0xC3, 0x28] + Array(#""}"#.utf8),
         "rep skipped: not valid JSON at column 22: a string holds bytes that are not valid UTF-8 (save the file as UTF-8)"),
        (prefix + [0x00] + Array(#""}"#.utf8),
         "rep skipped: not valid JSON at column 24: a NUL byte inside a string"),
        (Array(#"{"id": "r2", "name": "#.utf8) + [0x00] + Array("}".utf8),
         "rep skipped: not valid JSON at column 22: a NUL byte is not allowed in JSON"),
        (Array(#"{"id": "r2", "name": "A\u0000"}"#.utf8), "rep skipped: not valid JSON at column 24: a \\u0000 (NUL) escape inside a string"),
        (Array("{\"id\": \"r2\", \"name\": \"A\tB\"}".utf8),
         "rep skipped: not valid JSON at column 24: a raw control character inside a string (write it as an escape such as \\n)"),
        ([0xFF, 0xFE] + Array("{}".utf8), "rep skipped: not valid JSON at column 1: unexpected non-ASCII text; strings must be in double quotes"),
    ]

    @Test("invalid UTF-8, NUL bytes and control characters are reported, never crash", arguments: badBytesCases)
    func badBytes(line: [UInt8], message: String) throws {
        let good = Array(Self.good["reps"]!.utf8) + [0x0A]
        let store = try TempStore(bytes: ["reps.jsonl": good + line + [0x0A] + Array(Self.other["reps"]!.utf8)])
        defer { store.remove() }
        let load = try store.load()
        #expect(store.described(load) == ["reps.jsonl:2: \(message)"])
        #expect(load.snapshot.reps.count == 2)
    }

    @Test("a line longer than 1 MiB is reported with its length and skipped")
    func hugeLine() throws {
        let huge = #"{"id": "r2", "name": ""# + String(repeating: "x", count: 1 << 21) + #""}"#
        let good = Self.good["reps"]!
        let store = try TempStore(["reps.jsonl": [good, huge, Self.other["reps"]!, huge].joined(separator: "\n")])
        defer { store.remove() }
        let load = try store.load()
        #expect(load.snapshot.reps.count == 2)
        #expect(store.described(load) == [
            "reps.jsonl:2: rep skipped: the line is \(huge.utf8.count) bytes long, more than a record may be (1 MiB); is the file missing its line breaks?",
            "reps.jsonl:4: rep skipped: the line is \(huge.utf8.count) bytes long, more than a record may be (1 MiB); is the file missing its line breaks?",
        ])
    }
}
