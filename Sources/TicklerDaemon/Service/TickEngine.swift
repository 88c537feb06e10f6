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
    /// Digests newly queued in the outbox (mail).
    package var queued: Int = 0
    /// Outbox messages delivered in this tick (mail, webhook).
    package var sent: Int = 0
    /// Outbox messages that became dead letters in this tick.
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

/// One tick: read the store, evaluate, record charges, deliver new notices to the journal
/// and record them in the notification log (deliver first, then record: at-least-once);
/// queue one digest per recipient of the new notices of the mail channel in the durable
/// outbox (queue first, then record), then deliver what is due in the outbox.
package struct TickEngine: Sendable {
    package var config: DaemonConfig
    package var rules: Rules
    package var log: NotificationLog
    package var ledger: LedgerStore
    package var journal: JournalChannel?
    /// The store as last read; each tick reads only the files that changed, and a file
    /// rewritten in place is read once it has been quiet for 2 s (the last snapshot is kept
    /// until then).
    package let store = StoreCache(quietPeriod: .seconds(2))
    /// The durable outbox of the mail (and webhook) channels; `nil` turns them off.
    package var outbox: OutboxStore?
    /// The transports of the outbox channels, by channel name.
    package var transports: [String: any DeliveryTransport]
    /// The `rules_version` webhook payloads carry (``ChannelWiring/rulesVersion(_:)``).
    package var rulesVersion = "unknown"

    package init(
        config: DaemonConfig, rules: Rules, log: NotificationLog, ledger: LedgerStore, journal: JournalChannel?,
        outbox: OutboxStore? = nil, transports: [String: any DeliveryTransport] = [:]
    ) {
        self.config = config
        self.rules = rules
        self.log = log
        self.ledger = ledger
        self.journal = journal
        self.outbox = outbox
        self.transports = transports
    }

    /// Runs a tick at `now`; event notices are those since `since`. Store problems come back
    /// in `problems` for the caller to report (once, not every tick).
    ///
    /// Throws when the store cannot be read or the state cannot be written.
    package func tick(at now: Date, since: Date, logger: Logger) async throws -> (TickReport, [Diagnostic]) {
        let started = ContinuousClock.now
        let load = try store.refresh(config.store, rules: rules, seenIn: config.state).load
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
        var outboxReport = OutboxDrain.Report()
        var queued = 0
        if let outbox {
            if let mail = ChannelWiring.digestMail(config, rules: rules) {
                queued = try await queueMail(
                    notices, reports: evaluation.reports, snapshot: snapshot, mail: mail, outbox: outbox, at: now)
            }
            if let webhook = config.webhook, transports[WebhookTransport.channel] != nil {
                queued += try await queueWebhook(
                    notices, reports: evaluation.reports, snapshot: snapshot, routes: webhook.routes, outbox: outbox, at: now, logger: logger)
            }
            let drain = OutboxDrain(
                store: outbox, transports: transports,
                officeHours: OfficeHours(calendar: rules.calendar, zone: rules.zone))
            outboxReport = try await drain.run(now: now, logger: logger)
        }
        if await log.needsCompaction {
            let dropped = try await log.compact(now: now, keeping: Set(notices.map(\.key)))
            logger.info("compacted the notification log", metadata: ["dropped": "\(dropped)"])
        }
        let elapsed = ContinuousClock.now - started
        let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let report = TickReport(
            at: now, notices: notices.count, delivered: delivered, summaries: summaries, charged: charged.count,
            storeProblems: problems.count, milliseconds: ms, queued: queued, sent: outboxReport.delivered,
            deadLetters: outboxReport.deadLettered, waiting: outboxReport.pending)
        return (report, problems)
    }

    /// Queues the digest messages of one outbox channel: one digest per recipient of the
    /// notices not yet recorded on `channel` (less those a pending outbox entry already holds),
    /// with the reports it carries in the recipient's language, made into messages by `build`
    /// and due at the next office hours; then records the notices on `channel` (queued
    /// durably first, so a crash in between queues the same digest, with the same id, again).
    /// Returns how many messages were queued.
    private func queue(
        _ notices: [Notice], on channel: String, reports: [String: Report], snapshot: Snapshot, outbox: OutboxStore,
        at now: Date, build: (Digest, [String: Report]) throws -> [OutboundMessage]
    ) async throws -> Int {
        let fresh = Set(await log.undelivered(notices.map(\.key), on: channel))
        let new = notices.filter { fresh.contains($0.key) }
        guard !new.isEmpty else { return 0 }
        var messages: [OutboundMessage] = []
        var keys: [String: [String]] = [:]
        for digest in try unqueued(new, channel: channel, snapshot: snapshot, outbox: outbox) {
            let carried = DigestReports.reports(for: digest, evaluated: reports, rules: rules, snapshot: snapshot, at: now)
            for message in try build(digest, carried) where keys[message.id] == nil {
                messages.append(message)
                keys[message.id] = digest.notices.map(\.key)
            }
        }
        let due = OfficeHours(calendar: rules.calendar, zone: rules.zone).nextOpening(atOrAfter: now)
        let queued = try enqueue(messages, keys: keys, in: outbox, due: due, at: now)
        try await log.record(new.map(\.key), on: channel, at: now)
        return queued
    }

    /// The mail channel: one message per digest, with report tables and CSV attachments.
    private func queueMail(
        _ notices: [Notice], reports: [String: Report], snapshot: Snapshot, mail: DigestMail, outbox: OutboxStore,
        at now: Date
    ) async throws -> Int {
        try await queue(
            notices, on: DigestMail.channel, reports: reports, snapshot: snapshot, outbox: outbox, at: now
        ) { digest, carried in
            [mail.message(digest, rep: snapshot.rep(digest.recipient), at: now, reports: carried)]
        }
    }

    /// The webhook channel: one signed message per digest and destination (the office URL,
    /// and the rep's own URL when `allow_hosts` lets it); a rep URL that is refused is logged
    /// and skipped.
    private func queueWebhook(
        _ notices: [Notice], reports: [String: Report], snapshot: Snapshot, routes: WebhookRoutes, outbox: OutboxStore,
        at now: Date, logger: Logger
    ) async throws -> Int {
        try await queue(
            notices, on: WebhookTransport.channel, reports: reports, snapshot: snapshot, outbox: outbox, at: now
        ) { digest, carried in
            let payload = WebhookPayload(
                id: digest.id, recipient: .init(id: digest.recipient, name: digest.recipientName),
                rulesVersion: rulesVersion, locale: digest.locale.rawValue, title: DigestText.subject(digest),
                text: DigestText.body(digest, reports: carried), notices: digest.notices, reports: carried)
            let routed = try routes.messages(for: payload, repWebhook: snapshot.rep(digest.recipient)?.webhook)
            if let refused = routed.refused {
                logger.warning(
                    "the webhook of \(digest.recipient) is not used: \(refused.message)",
                    metadata: ["MESSAGE_ID": "\(JournalMessageID.channelUnavailable)", "TICKLER_REP": "\(digest.recipient)"])
            }
            return routed.messages
        }
    }

    /// One digest per recipient of `notices`, leaving out the notices a pending (or dead)
    /// outbox entry of `channel` already holds for that recipient: a tick that crashed after
    /// queueing a digest and before recording its notices left that digest in the outbox,
    /// and the store may have changed since, so the same notices would otherwise be queued
    /// again inside a digest with another id (and delivered twice).
    private func unqueued(_ notices: [Notice], channel: String, snapshot: Snapshot, outbox: OutboxStore) throws -> [Digest] {
        var held: [String: Set<String>] = [:]
        for entry in try outbox.entries() where entry.channel == channel && entry.status != .delivered && entry.status != .dropped {
            held[entry.recipient, default: []].formUnion(entry.keys ?? [])
        }
        return Digest.perRecipient(notices, reps: snapshot.rep, fallback: rules.locale).compactMap { digest in
            guard let queued = held[digest.recipient] else { return digest }
            let rest = digest.notices.filter { !queued.contains($0.key) }
            if rest.count == digest.notices.count { return digest }
            if rest.isEmpty { return nil }
            return Digest(recipient: digest.recipient, recipientName: digest.recipientName, locale: digest.locale, notices: rest)
        }
    }

    /// Puts the messages not already there in the outbox, due at `due`, with the keys of
    /// their notices; returns how many.
    private func enqueue(
        _ messages: [OutboundMessage], keys: [String: [String]], in outbox: OutboxStore, due: Date, at now: Date
    ) throws -> Int {
        try outbox.update { entries in
            var queued = 0
            for message in messages where entries[message.id] == nil {
                entries[message.id] = OutboxEntry(
                    id: message.id, channel: message.channel, recipient: message.recipient, target: message.target,
                    body: Data(message.body), due: due, created: now, keys: keys[message.id])
                queued += 1
            }
            return queued
        }
    }
}
