import Foundation
import Testing
import TicklerTestSupport

/// A daemon that starts while a collection it read at its last run is missing (a CRM export
/// replacing `contacts.jsonl` by `mv`, a restart after a crash at that moment) does not
/// evaluate a store without it: every customer would look uncontacted and be fined.
@Suite("tickler serve started while contacts.jsonl is missing", .serialized)
struct StartWithMissingCollectionTests {
    /// Every step fines: an overdue customer is charged at once.
    static let rules = """
        version: 1
        timezone: Asia/Shanghai
        locale: en
        calendar:
          workdays: [mon, tue, wed, thu, fri, sat, sun]
        followup:
          cadence: { A: 7d, B: 14d, C: 30d }
          remind_before: 1d
          overdue:
            - after: 0d
              notify: [rep]
              penalty: { fine: 10, points: 5 }

        """

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test("serve --once with contacts.jsonl gone fines nobody and says why; with it back, all is as before")
    func missingContactsAtStart() throws {
        let office = try FixtureOffice(
            "start-missing",
            channels: "  journal: {}\n  mail: { maildir: maildirs, from: \"Tickler <tickler@office.example>\" }")
        defer { office.remove() }
        try Self.rules.write(toFile: office.rules, atomically: true, encoding: .utf8)
        // A001 was called yesterday (not due for six days); B002 was never contacted (overdue).
        let yesterday = Date().addingTimeInterval(-86_400).formatted(.iso8601)
        let contacts = office.folder + "/store/contacts.jsonl"
        let line = #"{"customer": "A001", "rep": "r1", "at": "\#(yesterday)", "method": "phone"}"# + "\n"
        try line.write(toFile: contacts, atomically: true, encoding: .utf8)
        let ledger = office.folder + "/state/ledger.jsonl"
        let sent = office.folder + "/state/notifications.log"

        let first = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(text(ledger).contains("B002") && text(sent).contains("B002"), "the overdue customer is fined and told: \(first.stderr)")
        #expect(first.stderr.contains("[overdue overdue/B002/"), "\(first.stderr)")
        #expect(!first.stderr.contains("overdue/A001/") && !text(ledger).contains("A001") && !text(sent).contains("A001"))
        let charged = text(ledger)

        try FileManager.default.removeItem(atPath: contacts)
        let held = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        #expect(held.status == 0, "\(held.stderr)")
        #expect(text(ledger) == charged, "no fine for a customer whose contacts are missing for a moment")
        #expect(!text(sent).contains("A001") && !held.stderr.contains("overdue/A001/"), "no overdue notice either")
        let reports = held.stderrLines.filter { $0.contains("tick failed") }
        #expect(reports.count == 1, "\(held.stderr)")
        #expect(
            reports.first?.contains(
                "store/contacts.jsonl: missing, though the last snapshot read 1 record from contacts.jsonl") == true,
            "\(held.stderr)")

        try line.write(toFile: contacts, atomically: true, encoding: .utf8)
        let back = try TicklerBinary.run(["serve", "--config", office.config, "--once"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(!back.stderr.contains("tick failed"), "\(back.stderr)")
        #expect(text(ledger) == charged, "B002 is fined once, A001 not at all")
        #expect(!text(sent).contains("A001") && !back.stderr.contains("overdue/A001/"))
    }
}
