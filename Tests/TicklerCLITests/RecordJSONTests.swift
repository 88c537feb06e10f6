import Foundation
import Testing
import TicklerTestSupport

/// `tickler record KIND --json`: records from a CRM's outgoing hook on standard input.
@Suite("tickler record --json: records on standard input, checked and appended like the options")
struct RecordJSONTests {
    func scratchStore() throws -> (Scratch, String) {
        let scratch = try Scratch()
        let store = scratch.path + "/store"
        try FileManager.default.copyItem(atPath: TicklerBinary.packageRoot + "/rules/example-store", toPath: store)
        return (scratch, store)
    }

    func lines(_ store: String, _ name: String) throws -> [Substring] {
        try String(contentsOfFile: store + "/" + name, encoding: .utf8).split(separator: "\n")
    }

    @Test("one object (over several lines) is appended with the customer's rep; the same again is already there")
    func oneObject() throws {
        let (scratch, store) = try scratchStore()
        defer { scratch.remove() }
        let before = try lines(store, "contacts.jsonl").count
        let payload = "{\n  \"customer\": \"C005\",\n  \"method\": \"电话\",\n  \"at\": \"2026-11-24T10:30:00+08:00\",\n  \"progress\": 40\n}\n"
        let first = try TicklerBinary.run(["record", "contact", "--json", "--store", store], stdin: payload)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("recorded in \(store)/contacts.jsonl"))
        let after = try lines(store, "contacts.jsonl")
        #expect(after.count == before + 1)
        #expect(after.last?.contains(#""method":"phone""#) == true && after.last?.contains(#""progress":40"#) == true)
        #expect(after.last?.contains(#""rep":"#) == true)
        let again = try TicklerBinary.run(["record", "contact", "--json", "--store", store], stdin: payload)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("already in"))
        #expect(try lines(store, "contacts.jsonl").count == before + 1)
    }

    @Test("JSON Lines: every bad line reported as stdin:LINE (field), nothing appended; then all good lines appended")
    func jsonLines() throws {
        let (scratch, store) = try scratchStore()
        defer { scratch.remove() }
        let before = try lines(store, "events.jsonl").count
        let bad = """
            {"rep": "R01", "event": "late_greeting", "at": "2026-11-24T09:05:00+08:00"}
            {"rep": "R77", "event": "late_greeting", "at": "2026-11-24T09:06:00+08:00"}
            {"rep": "R02", "evnt": "late_greeting"}
            not json

            """
        let refused = try TicklerBinary.run(["record", "event", "--json", "--store", store], stdin: bad)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("stdin:3 (evnt): not a field of events; did you mean 'event'?"), "\(refused.stderr)")
        #expect(refused.stderr.contains("stdin:4: not valid JSON"))
        #expect(refused.stderr.contains("nothing was recorded"))
        #expect(refused.stderr.contains("stdin:2 (rep): event skipped: rep 'R77' is not in the store's reps"), "\(refused.stderr)")
        #expect(try lines(store, "events.jsonl").count == before)
        let checked = try TicklerBinary.run(
            ["record", "event", "--json", "--store", store], stdin: bad.split(separator: "\n").prefix(2).joined(separator: "\n"))
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("stdin:2 (rep): event skipped: rep 'R77' is not in the store's reps"), "\(checked.stderr)")
        #expect(try lines(store, "events.jsonl").count == before)
        let good = """
            {"rep": "R01", "event": "late_greeting", "at": "2026-11-24T09:05:00+08:00"}
            {"rep": "R02", "event": "late_greeting", "at": "2026-11-24T09:07:00+08:00", "customer": "C003"}
            """
        let recorded = try TicklerBinary.run(["record", "event", "--json", "--store", store], stdin: good)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdoutLines.count == 2)
        #expect(try lines(store, "events.jsonl").count == before + 2)
    }

    @Test("--json with field options is a usage error; a required field missing is named")
    func misuse() throws {
        let (scratch, store) = try scratchStore()
        defer { scratch.remove() }
        let both = try TicklerBinary.run(["record", "contact", "--json", "--store", store, "--customer", "C005"], stdin: "{}")
        #expect(both.status == 2)
        let missing = try TicklerBinary.run(["record", "attendance", "--json", "--store", store], stdin: #"{"check_in": "08:35"}"#)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(#"stdin:1 (rep): is required for attendance records; add "rep" to the object"#), "\(missing.stderr)")
    }
}
