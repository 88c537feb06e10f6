package import Foundation
package import Logging
package import TicklerDelivery
package import TicklerStore

/// Delivers what is due in the outbox: within office hours, every pending entry whose time
/// has come and whose channel has a transport. Each attempt is recorded durably before it
/// is made (so a crash mid-delivery is seen as an attempt on restart), the transports run
/// with bounded concurrency, and the outcomes are written back: delivered, rescheduled with
/// backoff (or the peer's `Retry-After`), or dead-lettered and reported once.
package struct OutboxDrain: Sendable {
    package var store: OutboxStore
    package var transports: [String: any DeliveryTransport]
    package var policy: RetryPolicy
    package var officeHours: OfficeHours
    package var maxConcurrent: Int

    package init(
        store: OutboxStore, transports: [String: any DeliveryTransport], policy: RetryPolicy = RetryPolicy(),
        officeHours: OfficeHours, maxConcurrent: Int = 4
    ) {
        self.store = store
        self.transports = transports
        self.policy = policy
        self.officeHours = officeHours
        self.maxConcurrent = maxConcurrent
    }

    /// What one drain did.
    package struct Report: Sendable, Hashable {
        package var delivered = 0
        package var retried = 0
        package var deadLettered = 0
        /// Entries still pending afterwards.
        package var pending = 0
    }

    /// Runs one drain at `now`.
    ///
    /// Throws ``StateFileError`` when the outbox cannot be read or written.
    package func run(now: Date, logger: Logger) async throws -> Report {
        var report = Report()
        guard officeHours.isOpen(now) else {
            report.pending = try store.entries().filter { $0.status == .pending }.count
            return report
        }
        let channels = Set(transports.keys)
        let claimed: [OutboundMessage] = try store.update { entries in
            var claimed: [OutboundMessage] = []
            for (id, var entry) in entries.sorted(by: { ($0.value.created, $0.key) < ($1.value.created, $1.key) })
            where entry.status == .pending && entry.due <= now && channels.contains(entry.channel) {
                entry.attempts += 1
                entry.updated = now
                entries[id] = entry
                claimed.append(
                    OutboundMessage(
                        id: entry.id, channel: entry.channel, recipient: entry.recipient, target: entry.target,
                        body: Array(entry.body), attempt: entry.attempts))
            }
            return claimed
        }
        let outcomes = await DeliveryRunner.run(claimed, transports: transports, maxConcurrent: maxConcurrent)
        var deadLetters: [(OutboundMessage, String)] = []
        var retries: [(OutboundMessage, String)] = []
        var generator = SystemRandomNumberGenerator()
        report.pending = try store.update { entries in
            for (message, outcome) in zip(claimed, outcomes) {
                guard var entry = entries[message.id], entry.status == .pending else { continue }
                entry.updated = now
                switch outcome {
                case .delivered:
                    // Only the id needs remembering (so the digest is not queued again).
                    entry.status = .delivered
                    entry.reason = nil
                    entry.body = Data()
                    entry.keys = nil
                    report.delivered += 1
                case .retry(let after, let reason):
                    if entry.attempts >= policy.maxAttempts {
                        entry.status = .dead
                        entry.reason = "gave up after \(entry.attempts) attempts; last: \(reason)"
                        deadLetters.append((message, entry.reason ?? reason))
                    } else {
                        let wait = policy.delay(afterAttempt: entry.attempts, retryAfter: after, using: &generator)
                        entry.due = officeHours.nextOpening(atOrAfter: now.addingTimeInterval(wait))
                        entry.reason = reason
                        retries.append((message, reason))
                        report.retried += 1
                    }
                case .deadLetter(let reason):
                    entry.status = .dead
                    entry.reason = reason
                    deadLetters.append((message, reason))
                }
                entries[message.id] = entry
            }
            return entries.values.filter { $0.status == .pending }.count
        }
        report.deadLettered = deadLetters.count
        for (message, reason) in deadLetters {
            logger.error(
                "\(message.channel) message \(message.id) for \(message.recipient) is a dead letter: \(reason); fix the cause, then `tickler outbox retry \(message.id)`",
                metadata: [
                    "MESSAGE_ID": "\(JournalMessageID.deadLetter)", "TICKLER_CHANNEL": "\(message.channel)",
                    "TICKLER_RECIPIENT": "\(message.recipient)", "TICKLER_OUTBOX_ID": "\(message.id)",
                ])
        }
        for (message, reason) in retries {
            logger.warning(
                "\(message.channel) message \(message.id) for \(message.recipient) will be retried: \(reason)",
                metadata: [
                    "MESSAGE_ID": "\(JournalMessageID.deliveryRetry)", "TICKLER_CHANNEL": "\(message.channel)",
                    "TICKLER_RECIPIENT": "\(message.recipient)", "TICKLER_OUTBOX_ID": "\(message.id)",
                ])
        }
        return report
    }
}
