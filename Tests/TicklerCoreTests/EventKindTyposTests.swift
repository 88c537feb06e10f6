import Foundation
import Testing
import TicklerCore

/// A store event misspelt against the rules' penalties would never be charged, silently.
@Suite struct EventKindTyposTests {
    @Test("a near miss of a charged event is an error at its first record; other event kinds are left alone")
    func nearMiss() throws {
        let rules = try ProcessNoticeTests.rules("penalties:\n  - { event: late_greeting, fine: 10 }\n")
        let events = [
            EventRecord(rep: "R1", at: Build.at("2026-11-20 10:00"), event: "late_greting", origin: RecordOrigin(file: "events.jsonl", line: 2)),
            EventRecord(rep: "R1", at: Build.at("2026-11-21 10:00"), event: "late_greting", origin: RecordOrigin(file: "events.jsonl", line: 5)),
            EventRecord(rep: "R1", at: Build.at("2026-11-21 10:00"), event: "site_visit", origin: RecordOrigin(file: "events.jsonl", line: 6)),
            EventRecord(rep: "R1", at: Build.at("2026-11-22 10:00"), event: "late_greeting", origin: RecordOrigin(file: "events.jsonl", line: 7)),
        ]
        let found = EventKindTypos.errors(in: Snapshot(reps: ProcessNoticeTests.reps, events: events), rules: rules, path: { "store/" + $0 })
        #expect(found.map(\.description) == [
            "store/events.jsonl:2: event 'late_greting' is not in the rules' penalties; did you mean 'late_greeting'? "
                + "(this record and 1 more would never be charged); fix the event name in the store, or add a penalty for it"
        ])
    }
}
