package import Foundation
package import Logging
package import TicklerCore
package import TicklerDelivery
package import TicklerStore

/// What one tick did, for `STATUS=` and the tests.
package struct TickReport: Sendable, Hashable {
    package var at: Date
    /// Notices the evaluation produced (delivered before or not).
    package var notices: Int
    /// Notices newly delivered to the journal (one by one or inside a summary).
    package var delivered: Int
    /// Summary entries sent instead of single notices.
    package var summaries: Int
    /// Ledger entries newly written.
    package var charged: Int
    /// Store records skipped as invalid.
    package var storeProblems: Int
    /// Wall time the tick took, in milliseconds.
    package var milliseconds: Int

    /// The one-line `STATUS=` text.
    package var statusLine: String {
        var line = "Last tick \(Self.format(at)): \(notices) notices, \(delivered) delivered"
        if summaries > 0 { line += " (\(summaries) summaries)" }
        if charged > 0 { line += ", \(charged) charged" }
        if storeProblems > 0 { line += ", \(storeProblems) store problems" }
        return line + ", \(milliseconds) ms"
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        return formatter.string(from: date).replacingOccurrences(of: "T", with: " ")
    }
}

/// One tick: read the store, evaluate, record charges, deliver new notices to the journal
/// and record them in the notification log (deliver first, then record: at-least-once).
package struct TickEngine: Sendable {
    package var config: DaemonConfig
    package var rules: Rules
    package var log: NotificationLog
    package var ledger: LedgerStore
    package var journal: JournalChannel?
    /// The store as last read; each tick reads only the files that changed.
    package let store = StoreCache()

    package init(config: DaemonConfig, rules: Rules, log: NotificationLog, ledger: LedgerStore, journal: JournalChannel?) {
        self.config = config
        self.rules = rules
        self.log = log
        self.ledger = ledger
        self.journal = journal
    }

    /// Runs a tick at `now`; event notices are those since `since`. Store problems come back
    /// in `problems` for the caller to report (once, not every tick).
    ///
    /// Throws when the store cannot be read or the state cannot be written.
    package func tick(at now: Date, since: Date, logger: Logger) async throws -> (TickReport, [Diagnostic]) {
        let started = ContinuousClock.now
        let load = try store.refresh(config.store, rules: rules).load
        let (snapshot, problems) = (load.snapshot, load.diagnostics)
        let evaluation = Evaluator(rules: rules).evaluate(snapshot, at: now, since: since, ledger: await ledger.all)
        let charged = try await ledger.record(evaluation.ledger)

        var seen = Set<String>()
        let notices = evaluation.notices.filter { seen.insert($0.key).inserted }
        var delivered = 0
        var summaries = 0
        if let journal {
            let fresh = Set(await log.undelivered(notices.map(\.key), on: JournalChannel.name))
            let new = notices.filter { fresh.contains($0.key) }
            var sent: [String] = []
            if new.count > config.summaryAbove {
                var byRecipient: [String: [Notice]] = [:]
                for notice in new {
                    for recipient in notice.to.isEmpty ? [notice.rep] : notice.to {
                        byRecipient[recipient, default: []].append(notice)
                    }
                }
                var failed = Set<String>()
                for (recipient, list) in byRecipient.sorted(by: { $0.key < $1.key }) {
                    if journal.send(journal.summaryEntry(recipient: recipient, notices: list)) {
                        summaries += 1
                    } else {
                        failed.formUnion(list.map(\.key))
                    }
                }
                sent = new.map(\.key).filter { !failed.contains($0) }
            } else {
                for notice in new where journal.send(journal.entry(for: notice)) {
                    sent.append(notice.key)
                }
            }
            try await log.record(sent, on: JournalChannel.name, at: now)
            delivered = sent.count
            if sent.count < new.count {
                logger.warning(
                    "the journal did not accept \(new.count - sent.count) notices; they are retried next tick",
                    metadata: ["MESSAGE_ID": "\(JournalMessageID.channelUnavailable)"])
            }
        }
        if await log.needsCompaction {
            let dropped = try await log.compact(now: now, keeping: Set(notices.map(\.key)))
            logger.info("compacted the notification log", metadata: ["dropped": "\(dropped)"])
        }
        let elapsed = ContinuousClock.now - started
        let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let report = TickReport(
            at: now, notices: notices.count, delivered: delivered, summaries: summaries, charged: charged.count,
            storeProblems: problems.count, milliseconds: ms)
        return (report, problems)
    }
}
