package import TicklerCore

/// The journal channel: one structured journal entry per notice, sent with
/// `sd_journal_sendv`, and a readable line on stderr when stderr is not the journal.
///
/// Entries carry `MESSAGE`, a fixed `MESSAGE_ID` per kind (see ``JournalMessageID``),
/// `PRIORITY`, `SYSLOG_IDENTIFIER`, `CODE_FILE`/`CODE_LINE` and the `TICKLER_*` fields
/// (`TICKLER_KEY`, `TICKLER_KIND`, `TICKLER_RULE`, `TICKLER_REP`, `TICKLER_CUSTOMER`, ...).
package struct JournalChannel: Sendable {
    /// The channel's name in the notification log.
    package static let name = "journal"

    /// `SYSLOG_IDENTIFIER` of every entry (`tickler`; one per office where several run).
    package var identifier: String
    /// Also print readable lines to stderr (when stderr is not the journal).
    package var mirrorToStderr: Bool

    package init(identifier: String = "tickler", mirrorToStderr: Bool = !StandardError.isJournal()) {
        self.identifier = identifier
        self.mirrorToStderr = mirrorToStderr
    }

    /// Syslog priority of a notice: reminders are `info` (6); overdue follow-ups rise from
    /// `notice` (5) at step 0 to `warning` (4) at later steps, and nothing a notice says
    /// is ever above `warning`: `err` (3) and worse are for the daemon's own failures, so an
    /// admin alerting on `journalctl -p err` is not paged for a sales follow-up.
    package static func priority(of notice: Notice) -> Int {
        switch notice.kind {
        case .dueSoon, .scheduled, .report, .care, .forecast, .reward: 6
        case .compliance, .reclaim: 5
        case .overdue: (notice.level ?? 0) > 0 ? 4 : 5
        case .late, .quotaShort, .alert: 5
        case .absent, .penalty, .scoreLow, .conflict: 4
        }
    }

    /// The journal entry of a notice. `MESSAGE` is one line: a line break or control
    /// character in store text (a customer's name, a note) becomes a space (``TextLine``), so
    /// `journalctl` and syslog readers never see a forged line; the `TICKLER_*` fields keep
    /// the values exactly.
    package func entry(for notice: Notice, file: String = #fileID, line: Int = #line) -> JournalEntry {
        var entry = JournalEntry()
        entry.append("MESSAGE", TextLine.flattened(notice.message))
        entry.append("MESSAGE_ID", JournalMessageID.notice(notice.kind))
        entry.append("PRIORITY", String(Self.priority(of: notice)))
        entry.append("SYSLOG_IDENTIFIER", identifier)
        entry.append("CODE_FILE", file)
        entry.append("CODE_LINE", String(line))
        entry.append("TICKLER_KEY", notice.key)
        entry.append("TICKLER_KIND", notice.kind.rawValue)
        entry.append("TICKLER_RULE", notice.rule)
        entry.append("TICKLER_REP", notice.rep)
        entry.append("TICKLER_CUSTOMER", notice.customer)
        entry.append("TICKLER_TO", notice.to.joined(separator: ","))
        entry.append("TICKLER_DUE", notice.due?.description)
        entry.append("TICKLER_LEVEL", notice.level.map(String.init))
        entry.append("TICKLER_FINE", notice.fine.map { "\($0)" })
        entry.append("TICKLER_POINTS", notice.points.map(String.init))
        entry.append("TICKLER_SOURCE", notice.source)
        return entry
    }

    /// One entry standing for many notices to one recipient (a first run over a backlog):
    /// counts per kind in the message, and every notice key as a repeated `TICKLER_KEY`,
    /// so `journalctl TICKLER_KEY=...` still finds where a notice went.
    package func summaryEntry(
        recipient: String, notices: [Notice], file: String = #fileID, line: Int = #line
    ) -> JournalEntry {
        var counts: [NoticeKind: Int] = [:]
        for notice in notices { counts[notice.kind, default: 0] += 1 }
        let parts = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
        var entry = JournalEntry()
        entry.append(
            "MESSAGE",
            TextLine.flattened(
                "\(notices.count) notices for \(recipient) (\(parts.joined(separator: ", "))); "
                    + "run `tickler eval` for the list"))
        entry.append("MESSAGE_ID", JournalMessageID.backlogSummary)
        entry.append("PRIORITY", notices.contains { $0.kind == .overdue && ($0.level ?? 0) > 0 } ? "4" : "5")
        entry.append("SYSLOG_IDENTIFIER", identifier)
        entry.append("CODE_FILE", file)
        entry.append("CODE_LINE", String(line))
        entry.append("TICKLER_KIND", "summary")
        entry.append("TICKLER_RECIPIENT", recipient)
        entry.append("TICKLER_COUNT", String(notices.count))
        for notice in notices { entry.append("TICKLER_KEY", notice.key) }
        return entry
    }

    /// Sends an entry; mirrors it to stderr as a readable line when configured.
    /// Returns whether the journal accepted it.
    @discardableResult
    package func send(_ entry: JournalEntry) -> Bool {
        let sent = entry.send()
        if mirrorToStderr || !sent {
            StandardError.writeLine(Self.readableLine(entry))
        }
        return sent
    }

    /// `identifier: [kind key to a,b] message`, the stderr form of an entry: one line, a
    /// line break in the message (store text) shown as a space (``TextLine``).
    package static func readableLine(_ entry: JournalEntry) -> String {
        var head = entry.value("SYSLOG_IDENTIFIER") ?? "tickler"
        head += ": "
        if let kind = entry.value("TICKLER_KIND") {
            var tag = kind
            if let key = entry.value("TICKLER_KEY"), kind != "summary" { tag += " " + key }
            if let to = entry.value("TICKLER_TO") ?? entry.value("TICKLER_RECIPIENT") { tag += " to " + to }
            head += "[\(tag)] "
        }
        return TextLine.flattened(head + (entry.value("MESSAGE") ?? ""))
    }
}
