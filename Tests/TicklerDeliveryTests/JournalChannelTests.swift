import TicklerCore
import TicklerDelivery
import Testing

@Suite("Journal channel")
struct JournalChannelTests {
    static let notice = Notice(
        key: "overdue/A001/2026-11-20/1", kind: .overdue, rule: "followup", rep: "r1", customer: "A001",
        to: ["r1", "m1"], level: 1, message: "Acme Trading is 4 days overdue",
        facts: .followup(.init(customerName: "Acme Trading", customerClass: "A", due: LocalDate(parsing: "2026-11-20")!, daysOverdue: 4)))

    @Test("a notice entry carries MESSAGE_ID, PRIORITY and the TICKLER_* fields")
    func fields() {
        let entry = JournalChannel(identifier: "tickler", mirrorToStderr: false).entry(for: Self.notice)
        #expect(entry.value("MESSAGE_ID") == JournalMessageID.notice(.overdue))
        #expect(entry.value("TICKLER_KEY") == "overdue/A001/2026-11-20/1")
        #expect(entry.value("TICKLER_KIND") == "overdue")
        #expect(entry.value("TICKLER_RULE") == "followup")
        #expect(entry.value("TICKLER_REP") == "r1")
        #expect(entry.value("TICKLER_CUSTOMER") == "A001")
        #expect(entry.value("TICKLER_DUE") == "2026-11-20")
        #expect(entry.value("SYSLOG_IDENTIFIER") == "tickler")
        #expect(entry.fields.allSatisfy { JournalEntry.isValidFieldName($0.name) })
    }

    @Test("overdue escalations rise from notice to warning, never err", arguments: [(0, 5), (1, 4), (2, 4), (5, 4), (40, 4)])
    func overduePriority(level: Int, priority: Int) {
        var notice = Self.notice
        notice.level = level
        #expect(JournalChannel.priority(of: notice) == priority)
    }

    @Test("no notice of any kind at any level is logged above warning (4): err is the daemon's own")
    func noticesNeverErr() {
        for kind in NoticeKind.allCases {
            for level in [nil, 0, 1, 2, 3, 10] as [Int?] {
                var notice = Self.notice
                notice.kind = kind
                notice.level = level
                #expect((4...6).contains(JournalChannel.priority(of: notice)), "\(kind) level \(String(describing: level))")
            }
        }
        #expect(JournalChannel(mirrorToStderr: false).summaryEntry(recipient: "m1", notices: [Self.notice]).value("PRIORITY") == "4")
    }

    @Test("the stderr line of a notice stays one line whatever the message holds")
    func readableLineIsOneLine() {
        var notice = Self.notice
        notice.message = "Acme\n[overdue/forged] x\r\u{2028}y\u{85}z"
        let line = JournalChannel.readableLine(JournalChannel(mirrorToStderr: false).entry(for: notice))
        #expect(line == "tickler: [overdue overdue/A001/2026-11-20/1 to r1,m1] Acme [overdue/forged] x  y z")
    }

    @Test("every notice kind has its own 128-bit MESSAGE_ID")
    func messageIDs() {
        let ids = NoticeKind.allCases.map(JournalMessageID.notice)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test("field names journald would drop are recognised", arguments: [
        ("TICKLER_KEY", true), ("MESSAGE", true), ("_PID", false), ("tickler_key", false), ("TICKLER-KEY", false),
    ])
    func fieldNames(name: String, valid: Bool) {
        #expect(JournalEntry.isValidFieldName(name) == valid)
    }

    @Test("a summary repeats TICKLER_KEY once per notice and counts per kind")
    func summary() {
        var soon = Self.notice
        soon.key = "due_soon/B002/2026-11-25"
        soon.kind = .dueSoon
        let entry = JournalChannel(mirrorToStderr: false).summaryEntry(recipient: "m1", notices: [Self.notice, soon])
        #expect(entry.fields.filter { $0.name == "TICKLER_KEY" }.count == 2)
        #expect(entry.value("MESSAGE")?.hasPrefix("2 notices for m1 (1 overdue, 1 due_soon)") == true)
        #expect(JournalChannel.readableLine(entry).hasPrefix("tickler: [summary to m1] 2 notices"))
    }
}
