package import Foundation

/// One message in the durable outbox: the bytes to deliver and where its delivery stands.
///
/// The store keeps these per id; the delivery side turns them into its `OutboundMessage`.
package struct OutboxEntry: Sendable, Codable, Hashable {
    /// Where a message stands.
    package enum Status: String, Sendable, Codable, Hashable {
        /// Waiting for its next attempt (at ``due``).
        case pending
        /// Given up on: a permanent failure or too many attempts; `tickler outbox retry` revives it.
        case dead
        /// Delivered; kept a while so the same id is not queued again.
        case delivered
        /// Removed by `tickler outbox drop`.
        case dropped
    }

    /// The idempotency id (mail `Message-ID`, `webhook-id`).
    package var id: String
    /// `mail` or `webhook`.
    package var channel: String
    /// The rep or manager id.
    package var recipient: String
    /// Mailbox name, address or URL.
    package var target: String
    /// The message itself, for entries written before bodies moved to `outbox.d/` (see
    /// ``OutboxBodies``); empty otherwise.
    package var body: Data
    /// The size of the message in bytes (`nil` in entries that carry their ``body``).
    package var size: Int?
    package var status: Status
    /// Attempts made (or started: an attempt is recorded before it is made).
    package var attempts: Int
    /// Not to be attempted before this.
    package var due: Date
    package var created: Date
    package var updated: Date
    /// Why the last attempt failed, or why it is dead.
    package var reason: String?
    /// The keys of the notices in the message (while pending or dead; `nil` in entries
    /// written before this field existed). A tick that crashed after queueing a digest but
    /// before recording its notices must not queue them again inside another digest.
    package var keys: [String]?

    package init(
        id: String, channel: String, recipient: String, target: String, body: Data, status: Status = .pending,
        attempts: Int = 0, due: Date, created: Date, reason: String? = nil, keys: [String]? = nil
    ) {
        self.id = id
        self.channel = channel
        self.recipient = recipient
        self.target = target
        self.body = body
        self.status = status
        self.attempts = attempts
        self.due = due
        self.created = created
        self.updated = created
        self.reason = reason
        self.keys = keys
    }
}

extension OutboxEntry {
    /// The entry put back in line, due `now` (`tickler outbox retry`), or `nil` when it is
    /// neither dead nor waiting. A dead letter's attempts all failed for sure: it counts
    /// afresh. A waiting one keeps its count, so a retry still checks for an earlier partial
    /// attempt.
    package func revived(at now: Date) -> OutboxEntry? {
        guard status == .dead || status == .pending else { return nil }
        var entry = self
        if status == .dead { entry.attempts = 0 }
        entry.status = .pending
        entry.due = now
        entry.updated = now
        entry.reason = reason.map { $0.hasPrefix("retry requested after: ") ? $0 : "retry requested after: \($0)" }
        return entry
    }

    /// Whether `tickler outbox drop` may remove it: waiting or dead, not delivered.
    package var droppable: Bool { status == .pending || status == .dead }
}
