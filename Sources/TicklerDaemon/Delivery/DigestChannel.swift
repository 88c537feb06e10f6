import Foundation
package import Logging
package import TicklerCore
package import TicklerDelivery
package import TicklerStore

/// A channel that sends one digest per recipient through the outbox (mail, webhook): the
/// channels differ only in how a digest becomes messages (``build``) and in their transport.
///
/// Queueing builds the digests one at a time and hands them to the outbox in batches (a
/// batch's bodies are written and the batch forgotten before the next one is built), so a
/// tick with 100,000 notices holds one batch of message bodies at a time, not all of them.
package struct DigestChannel: DeliveryChannel {
    package let name: ChannelName
    package let transport: (any DeliveryTransport)?
    /// The messages of one digest, given the reports it carries in the recipient's language.
    package let build: @Sendable (Digest, [String: Report], TickNotices, Logger) throws -> [Built]

    /// One message of a digest, the keys of the notices it carries (`nil`: all of the
    /// digest's), and why it may not be sent at all when it may not (a rep's webhook URL that
    /// `allow_hosts` refuses): such a message is queued as a dead letter at once, with that
    /// reason, and never attempted.
    package struct Built: Sendable {
        package var message: OutboundMessage
        package var keys: [String]?
        package var refused: String?

        package init(_ message: OutboundMessage, keys: [String]? = nil, refused: String? = nil) {
            self.message = message
            self.keys = keys
            self.refused = refused
        }
    }

    /// Messages handed to the outbox at once, at most.
    static let batchMessages = 64
    /// Body bytes handed to the outbox at once, at most (one larger message still goes alone).
    static let batchBytes = 4 << 20
    /// Keys recorded in the notification log with one append (and one `fsync`).
    static let recordChunk = 8192

    package init(
        name: ChannelName, transport: (any DeliveryTransport)?,
        build: @escaping @Sendable (Digest, [String: Report], TickNotices, Logger) throws -> [Built]
    ) {
        self.name = name
        self.transport = transport
        self.build = build
    }

    /// The mail channel: one message per digest, with report tables and CSV attachments.
    package static func mail(_ mail: DigestMail, transport: any DeliveryTransport) -> DigestChannel {
        DigestChannel(name: .mail, transport: transport) { digest, carried, tick, _ in
            [Built(mail.message(digest, rep: tick.snapshot.rep(digest.recipient), at: tick.at, reports: carried))]
        }
    }

    /// The webhook channel: one signed message per digest and destination (the office URL,
    /// and the rep's own URL), or several when the digest is too long for one message of the
    /// destination's chat tool (each its own outbox entry holding its own notices); a rep URL
    /// that `allow_hosts` refuses is a dead letter at once, with the refusal as its reason
    /// (logged too), never attempted.
    package static func webhook(
        routes: WebhookRoutes, rulesVersion: String, transport: any DeliveryTransport
    ) -> DigestChannel {
        DigestChannel(name: .webhook, transport: transport) { digest, carried, tick, logger in
            let payload = WebhookPayload(
                id: digest.id, recipient: .init(id: digest.recipient, name: digest.recipientName),
                rulesVersion: rulesVersion, locale: digest.locale.rawValue, title: DigestText.subject(digest),
                text: DigestText.body(digest, reports: carried), notices: digest.notices, reports: carried)
            let routed = try routes.messages(for: payload, repWebhook: tick.snapshot.rep(digest.recipient)?.webhook)
            let built = routed.messages.map { Built($0.message, keys: $0.keys) }
            guard let refused = routed.refused.first else { return built }
            logger.warning(
                "the webhook of \(digest.recipient) is a dead letter: \(refused.error.message)",
                metadata: [
                    "MESSAGE_ID": "\(JournalMessageID.channelUnavailable)", "TICKLER_REP": "\(digest.recipient)",
                ])
            return built + routed.refused.map { Built($0.message, keys: $0.keys, refused: $0.error.message) }
        }
    }

    /// Queues one digest per recipient of the notices not yet recorded on this channel (less
    /// those a pending or dead message already holds), due at the next office hours, then
    /// records the notices: queued durably first, so a crash in between queues the same
    /// digest, with the same id, again.
    package func queue(_ tick: TickNotices, log: NotificationLog, outbox: Outbox, logger: Logger) async throws
        -> QueueReport
    {
        // Indices, not a copy: a tick may have 100,000 new notices.
        let fresh = Set(await log.undelivered(tick.notices.map(\.key), on: name.rawValue))
        let new = tick.notices.indices.filter { fresh.contains(tick.notices[$0].key) }
        guard !new.isEmpty else { return QueueReport() }
        let held = try await outbox.heldKeys(channel: name.rawValue)
        let due = OfficeHours(calendar: tick.rules.calendar, zone: tick.rules.zone).nextOpening(atOrAfter: tick.at)
        var batch: [(entry: OutboxEntry, body: [UInt8])] = []
        var bytes = 0
        var queued = 0
        var ids = Set<String>()
        for recipient in Self.recipients(new, of: tick.notices) {
            guard let digest = Self.digest(recipient.name, recipient.indices, of: tick.notices, held: held, tick: tick)
            else {
                continue
            }
            let carried = DigestReports.reports(
                for: digest, evaluated: tick.reports, rules: tick.rules, snapshot: tick.snapshot, at: tick.at)
            for built in try build(digest, carried, tick, logger) where ids.insert(built.message.id).inserted {
                let message = built.message
                var entry = OutboxEntry(
                    id: message.id, channel: message.channel, recipient: message.recipient, target: message.target,
                    body: Data(), status: built.refused == nil ? .pending : .dead, due: due, created: tick.at,
                    reason: built.refused, keys: built.keys ?? digest.notices.map(\.key))
                entry.size = message.body.count
                batch.append((entry, message.body))
                bytes += message.body.count
            }
            if batch.count >= Self.batchMessages || bytes >= Self.batchBytes {
                queued += try await outbox.enqueue(batch)
                batch.removeAll()
                bytes = 0
            }
        }
        queued += try await outbox.enqueue(batch)
        for start in stride(from: 0, to: new.count, by: Self.recordChunk) {
            let chunk = new[start..<min(start + Self.recordChunk, new.count)]
            try await log.record(chunk.map { tick.notices[$0].key }, on: name.rawValue, at: tick.at)
        }
        return QueueReport(queued: queued)
    }

    /// The recipients of the notices at `indices` in order, each with the indices of its
    /// notices (a notice with no `to` goes to its rep): the digests are then built one at a
    /// time, so a tick never holds every recipient's copy of the notices at once.
    static func recipients(_ indices: [Int], of notices: [Notice]) -> [(name: String, indices: [Int])] {
        var byRecipient: [String: [Int]] = [:]
        for index in indices {
            let notice = notices[index]
            for recipient in notice.to.isEmpty ? [notice.rep] : notice.to {
                byRecipient[recipient, default: []].append(index)
            }
        }
        return byRecipient.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The digest of `recipient`'s notices, leaving out the notices a pending (or dead)
    /// message of this channel already holds for that recipient (`nil` when none is left):
    /// a tick that crashed after queueing a digest and before recording its notices left
    /// that digest in the outbox, and the store may have changed since, so the same notices
    /// would otherwise be queued again inside a digest with another id (and delivered twice).
    static func digest(
        _ recipient: String, _ indices: [Int], of notices: [Notice], held: [String: Set<String>], tick: TickNotices
    ) -> Digest? {
        var mine = indices.map { notices[$0] }
        if let queued = held[recipient] { mine.removeAll { queued.contains($0.key) } }
        guard !mine.isEmpty else { return nil }
        let rep = tick.snapshot.rep(recipient)
        return Digest(
            recipient: recipient, recipientName: rep?.name, locale: rep?.locale ?? tick.rules.locale, notices: mine)
    }
}
