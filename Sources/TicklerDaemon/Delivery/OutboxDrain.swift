package import Foundation
package import Logging
package import TicklerDelivery
package import TicklerStore

/// Delivers what is due in the outbox on one channel: within office hours, the channel's
/// pending messages whose wait is over, a batch at a time (a batch's bodies are all that is
/// held in memory). Each attempt is recorded durably before it is made (so a crash
/// mid-delivery is seen as an attempt on restart), the transport runs with bounded
/// concurrency, and the outcomes are written back: delivered, retried after a backoff (or
/// the peer's `Retry-After`), or dead-lettered and reported once. With a ``ChatPacing``, a
/// message whose chat robot takes no more for now (its rate, or a "too fast" block) waits,
/// unclaimed and not counted as an attempt, and a retry the peer timed (`Retry-After`, a
/// "too fast" code) closes its URL for that long.
package struct OutboxDrain: Sendable {
    package var outbox: Outbox
    package var channel: String
    package var transport: any DeliveryTransport
    package var policy: RetryPolicy
    package var officeHours: OfficeHours
    package var maxConcurrent: Int
    /// Messages claimed at once.
    package var batchSize: Int
    /// The record of what went to each chat URL (kept across drains and reloads), and the
    /// monotonic clock it is measured on.
    package var pacing: ChatPacing
    package var uptime: @Sendable () -> Duration

    package init(
        outbox: Outbox, channel: String, transport: any DeliveryTransport, policy: RetryPolicy = RetryPolicy(),
        officeHours: OfficeHours, maxConcurrent: Int = 4, batchSize: Int = 16, pacing: ChatPacing = ChatPacing(),
        uptime: @escaping @Sendable () -> Duration = Outbox.systemUptime
    ) {
        self.pacing = pacing
        self.uptime = uptime
        self.outbox = outbox
        self.channel = channel
        self.transport = transport
        self.policy = policy
        self.officeHours = officeHours
        self.maxConcurrent = maxConcurrent
        self.batchSize = batchSize
    }

    /// What one drain did.
    package struct Report: Sendable, Hashable {
        package var delivered = 0
        package var retried = 0
        package var deadLettered = 0
        /// Due messages left waiting because their chat robot takes no more for now.
        package var paced = 0

        package init() {}
    }

    /// Delivers every message of the channel that is due at `now` (each at most once in
    /// this call), batch by batch; stops early when the task is cancelled.
    ///
    /// Throws ``StateFileError`` when the outbox cannot be read or written.
    package func run(now: Date, logger: Logger) async throws -> Report {
        var report = Report()
        guard officeHours.isOpen(now) else { return report }
        var attempted = Set<String>()
        while !Task.isCancelled {
            let (pacing, transport, uptime) = (pacing, transport, uptime)
            _ = pacing.takeRefusals()
            let claimed = try await outbox.claim(channel: channel, now: now, limit: batchSize, excluding: attempted) {
                pacing.admit($0.target, windows: transport.pacing(for: $0.target), at: uptime())
            }
            report.paced = max(report.paced, pacing.takeRefusals())
            if claimed.isEmpty { break }
            attempted.formUnion(claimed.map(\.entry.id))
            try await deliver(claimed, now: now, logger: logger, into: &report)
        }
        return report
    }

    /// Attempts one claimed batch and settles it.
    private func deliver(_ claimed: [Outbox.Claimed], now: Date, logger: Logger, into report: inout Report)
        async throws
    {
        let sendable = claimed.filter { $0.body != nil }
        let messages = sendable.map {
            OutboundMessage(
                id: $0.entry.id, channel: $0.entry.channel, recipient: $0.entry.recipient, target: $0.entry.target,
                body: $0.body ?? [], attempt: $0.entry.attempts)
        }
        let outcomes = await DeliveryRunner.run(
            messages, transports: [channel: transport], maxConcurrent: maxConcurrent)
        var results: [(id: String, attempt: Int, settlement: Outbox.Settlement)] = []
        var generator = SystemRandomNumberGenerator()
        for missing in claimed where missing.body == nil {
            let folder = OutboxBodies(stateDirectory: outbox.directory).folder
            let reason = "the message body is missing from the state folder (\(folder))"
            results.append((missing.entry.id, missing.entry.attempts, .dead(reason: reason)))
            report.deadLettered += 1
            reportDead(missing.entry, reason: reason, logger: logger)
        }
        for (item, outcome) in zip(sendable, outcomes) {
            let entry = item.entry
            switch outcome {
            case .delivered:
                results.append((entry.id, entry.attempts, .delivered))
                report.delivered += 1
            case .retry(let after, let reason):
                if entry.attempts >= policy.maxAttempts {
                    let dead = "gave up after \(entry.attempts) attempts; last: \(reason)"
                    results.append((entry.id, entry.attempts, .dead(reason: dead)))
                    report.deadLettered += 1
                    reportDead(entry, reason: dead, logger: logger)
                } else {
                    if let after { pacing.block(entry.target, for: after, at: uptime()) }
                    let wait = policy.delay(afterAttempt: entry.attempts, retryAfter: after, using: &generator)
                    let due = officeHours.nextOpening(atOrAfter: now.addingTimeInterval(wait))
                    let settlement = Outbox.Settlement.retry(wait: due.timeIntervalSince(now), due: due, reason: reason)
                    results.append((entry.id, entry.attempts, settlement))
                    report.retried += 1
                    logger.warning(
                        "\(entry.channel) message \(entry.id) for \(entry.recipient) will be retried: \(reason)",
                        metadata: Self.metadata(entry, JournalMessageID.deliveryRetry))
                }
            case .deadLetter(let reason):
                results.append((entry.id, entry.attempts, .dead(reason: reason)))
                report.deadLettered += 1
                reportDead(entry, reason: reason, logger: logger)
            }
        }
        try await outbox.settle(results, now: now)
    }

    private func reportDead(_ entry: OutboxEntry, reason: String, logger: Logger) {
        let text = "\(entry.channel) message \(entry.id) for \(entry.recipient) is a dead letter: \(reason); "
            + "fix the cause, then `tickler outbox retry \(entry.id)`"
        logger.error(
            "\(text)",
            metadata: Self.metadata(entry, JournalMessageID.deadLetter))
    }

    private static func metadata(_ entry: OutboxEntry, _ id: String) -> Logger.Metadata {
        [
            "MESSAGE_ID": "\(id)", "TICKLER_CHANNEL": "\(entry.channel)", "TICKLER_RECIPIENT": "\(entry.recipient)",
            "TICKLER_OUTBOX_ID": "\(entry.id)",
        ]
    }
}
