import Foundation
import Testing
import TicklerCore
import TicklerStore

@Suite struct StoreTimestampTests {
    private func utc(_ date: Date?) -> String? {
        guard let date else { return nil }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }

    @Test("RFC 3339 timestamps name the same instant in any rules zone", arguments: [
        ("2026-11-20T09:30:00+08:00", "2026-11-20T01:30:00.000Z"),
        ("2026-11-20T01:30:00Z", "2026-11-20T01:30:00.000Z"),
        ("2026-11-20t01:30:00z", "2026-11-20T01:30:00.000Z"),
        ("2026-11-20 01:30:00Z", "2026-11-20T01:30:00.000Z"),
        ("2026-11-20T01:30:00.125Z", "2026-11-20T01:30:00.125Z"),
        ("2026-11-19T20:30:00-05:00", "2026-11-20T01:30:00.000Z"),
        ("2026-11-20T05:15:00+03:45", "2026-11-20T01:30:00.000Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59.000Z"),
    ])
    func rfc3339(text: String, expected: String) {
        for zone in ["UTC", "Asia/Shanghai", "America/New_York"] {
            #expect(utc(StoreTimestamp.parse(text, zone: Zone(identifier: zone)!)) == expected)
        }
    }

    @Test("a date-only value is local midnight in the rules' zone, also on DST days", arguments: [
        ("Asia/Shanghai", "2026-11-20", "2026-11-19T16:00:00.000Z"),
        ("America/New_York", "2026-01-15", "2026-01-15T05:00:00.000Z"),
        ("America/New_York", "2026-07-15", "2026-07-15T04:00:00.000Z"),
        ("America/New_York", "2026-03-08", "2026-03-08T05:00:00.000Z"),  // clocks spring forward at 02:00
        ("America/New_York", "2026-11-01", "2026-11-01T04:00:00.000Z"),  // clocks fall back at 02:00
        ("Europe/Budapest", "2026-03-29", "2026-03-28T23:00:00.000Z"),
        ("Europe/Budapest", "2026-10-25", "2026-10-24T22:00:00.000Z"),
        ("Europe/Budapest", "2026-07-01", "2026-06-30T22:00:00.000Z"),
    ])
    func dateOnly(zone: String, text: String, expected: String) {
        #expect(utc(StoreTimestamp.parse(text, zone: Zone(identifier: zone)!)) == expected)
    }

    @Test("a local date-time without offset is that wall time in the rules' zone", arguments: [
        ("Asia/Shanghai", "2026-11-20T09:30", "2026-11-20T01:30:00.000Z"),
        ("Europe/Budapest", "2026-03-29T02:30:00", "2026-03-29T01:30:00.000Z"),  // in the gap: the later offset
        ("America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00.000Z"),  // in the overlap: the first one
    ])
    func localDateTime(zone: String, text: String, expected: String) {
        #expect(utc(StoreTimestamp.parse(text, zone: Zone(identifier: zone)!)) == expected)
    }

    @Test("malformed timestamps are rejected", arguments: [
        "", "2026-11-2", "2026-13-01", "2026-02-29", "2026-11-20T", "2026-11-20T9:30:00Z", "2026-11-20T24:00:00Z",
        "2026-11-20T10:60:00Z", "2026-11-20T10:00:60Z", "2026-11-20T10:00:00.Z", "2026-11-20T10:00:00+0800",
        "2026-11-20T10:00:00+08", "2026-11-20T10:00:00+24:00", "2026-11-20T10:00:00ZZ", "2026/11/20",
        "20261120", "2026-11-20T10:00:00 +08:00", "２０２６-11-20", "yesterday",
    ])
    func rejected(text: String) {
        #expect(StoreTimestamp.parse(text, zone: Zone(identifier: "UTC")!) == nil)
    }

    @Test("date-only values in a store load as local midnight of the loader's zone")
    func storeDateOnly() throws {
        let store = try TempStore([
            "customers.jsonl": #"{"id": "C1", "name": "A", "rep": "r1", "class": "A", "registered_at": "2026-03-08"}"# + "\n",
            "contacts.jsonl": #"{"customer": "C1", "rep": "r1", "at": "2026-03-29"}"# + "\n",
        ])
        defer { store.remove() }
        let ny = try store.load(zone: "America/New_York").snapshot
        #expect(utc(ny.customers[0].registeredAt) == "2026-03-08T05:00:00.000Z")
        let bp = try store.load(zone: "Europe/Budapest").snapshot
        #expect(utc(bp.contacts[0].at) == "2026-03-28T23:00:00.000Z")
        let sh = try store.load(zone: "Asia/Shanghai").snapshot
        #expect(utc(sh.contacts[0].at) == "2026-03-28T16:00:00.000Z")
    }
}
