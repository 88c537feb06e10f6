package import Foundation
package import Logging
package import TicklerCore
import TicklerDelivery
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
    /// Messages newly queued in the outbox (mail, webhook).
    package var queued: Int = 0
    /// Outbox messages delivered since the last tick (by the delivery task).
    package var sent: Int = 0
    /// Outbox messages that became dead letters since the last tick.
    package var deadLetters: Int = 0
    /// Outbox messages still waiting (backoff, office hours).
    package var waiting: Int = 0

    /// The one-line `STATUS=` text.
    package var statusLine: String {
        var line = "Last tick \(Self.format(at)): \(notices) notices, \(delivered) delivered"
        if summaries > 0 { line += " (\(summaries) summaries)" }
        if charged > 0 { line += ", \(charged) charged" }
        if queued > 0 { line += ", \(queued) digests queued" }
        if sent > 0 { line += ", \(sent) messages sent" }
        if waiting > 0 { line += ", \(waiting) waiting in the outbox" }
        if deadLetters > 0 { line += ", \(deadLetters) dead letters" }
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

/// One tick: refresh the store, evaluate, record the charges in the ledger, then let each
/// channel take the new notices (the journal sends them, mail and webhook queue digests in
/// the durable outbox); delivery of the outbox runs apart, in the ``DeliveryTask``.
///
/// The engine knows its channels only as ``DeliveryChannel``s and calls nothing back in the
/// daemon's wiring.
package struct TickEngine: Sendable {
    package var config: DaemonConfig
    /// The rules; setting them (a reload) makes the next evaluation start from scratch.
    package var rules: Rules {
        didSet { evaluationCache.reset() }
    }
    package var log: NotificationLog
    package var ledger: LedgerStore
    package var outbox: Outbox
    /// The channels, in ``ChannelName`` order.
    package var channels: [any DeliveryChannel]
    /// The store as last read; each tick reads only the files that changed, and a file
    /// rewritten in place is read once it has been quiet for 2 s (the last snapshot is kept
    /// until then). A collection file read before and missing now (or, at a start, missing
    /// or empty) keeps the last snapshot, or holds the start, for ``missingGrace``.
    package let store = StoreCache(quietPeriod: .seconds(2), missingGrace: TickEngine.missingGrace)

    /// An hour: longer than a CRM export that deletes a file and writes the next one takes, so
    /// such an export never makes customers look uncontacted; a collection removed on purpose
    /// counts as removed after it (docs/store-loader.md).
    package static let missingGrace: Duration = .seconds(3600)

    /// The evaluation across ticks: only the customers whose records, last contact or day
    /// changed are evaluated again (``IncrementalEvaluator``).
    package let evaluationCache = EvaluationCache()

    package init(
        config: DaemonConfig, rules: Rules, log: NotificationLog, ledger: LedgerStore, outbox: Outbox,
        channels: [any DeliveryChannel]
    ) {
        self.config = config
        self.rules = rules
        self.log = log
        self.ledger = ledger
        self.outbox = outbox
        self.channels = channels.sorted { $0.name < $1.name }
    }

    /// Runs a tick at `now`; event notices are those since `since`. Store problems come back
    /// in `problems` for the caller to report (once, not every tick). `elapsed` measures the
    /// tick's own duration (the monotonic clock).
    ///
    /// Throws when the store cannot be read or the state cannot be written.
    package func tick(
        at now: Date, since: Date, logger: Logger, elapsed: @Sendable () -> Duration = { .zero }
    ) async throws -> (TickReport, [Diagnostic]) {
        let started = elapsed()
        let load = try store.refresh(config.store, rules: rules, seenIn: config.state).load
        var evaluation = evaluationCache.evaluate(
            load.snapshot, rules: rules, at: now, since: since, ledger: await ledger.all)
        let charged = try await ledger.record(evaluation.ledger)

        // One copy of the notices at a time (a tick may have 100,000 of them): moved out of the
        // evaluation, then deduplicated in place.
        var notices = evaluation.notices
        evaluation.notices = []
        evaluation.ledger = []
        var seen = Set<String>()
        notices.removeAll { !seen.insert($0.key).inserted }
        let tick = TickNotices(
            notices: notices, reports: evaluation.reports, snapshot: load.snapshot, rules: rules, at: now)
        var done = QueueReport()
        for channel in channels {
            let report = try await channel.queue(tick, log: log, outbox: outbox, logger: logger)
            done.delivered += report.delivered
            done.summaries += report.summaries
            done.queued += report.queued
        }
        if await log.needsCompaction {
            let dropped = try await log.compact(now: now, keeping: seen)
            logger.info("compacted the notification log", metadata: ["dropped": "\(dropped)"])
        }
        let took = elapsed() - started
        let ms = Int(took.components.seconds * 1000 + took.components.attoseconds / 1_000_000_000_000_000)
        let report = TickReport(
            at: now, notices: notices.count, delivered: done.delivered, summaries: done.summaries,
            charged: charged.count, storeProblems: load.diagnostics.count, milliseconds: ms, queued: done.queued,
            waiting: try await outbox.pendingCount())
        return (report, load.diagnostics)
    }
}
