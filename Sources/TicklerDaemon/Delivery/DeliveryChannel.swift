package import Foundation
package import Logging
package import TicklerCore
package import TicklerDelivery
package import TicklerStore

/// What a tick hands each channel: the notices the evaluation produced (each key once),
/// with what a channel needs to turn them into messages.
package struct TickNotices: Sendable {
    package var notices: [Notice]
    /// The ``Report`` of each `report` notice, by notice key.
    package var reports: [String: Report]
    package var snapshot: Snapshot
    package var rules: Rules
    /// The tick's time.
    package var at: Date

    package init(notices: [Notice], reports: [String: Report], snapshot: Snapshot, rules: Rules, at: Date) {
        self.notices = notices
        self.reports = reports
        self.snapshot = snapshot
        self.rules = rules
        self.at = at
    }
}

/// What a channel did with a tick's notices.
package struct QueueReport: Sendable, Hashable {
    /// Notices delivered at once (the journal), one by one or inside a summary.
    package var delivered = 0
    /// Summary entries sent instead of single notices.
    package var summaries = 0
    /// Messages put in the outbox for the delivery task.
    package var queued = 0

    package init(delivered: Int = 0, summaries: Int = 0, queued: Int = 0) {
        self.delivered = delivered
        self.summaries = summaries
        self.queued = queued
    }
}

/// One way notices leave the daemon (journal, mail, webhook).
///
/// At each tick the engine calls ``queue(_:log:outbox:logger:)`` of every channel with the
/// tick's notices; the channel takes those not yet recorded on it in the notification log,
/// delivers them at once (the journal) or queues messages in the durable outbox, and then
/// records them (deliver or queue first, record second: at-least-once). Messages in the
/// outbox are delivered later by the delivery task with the channel's ``transport``.
package protocol DeliveryChannel: Sendable {
    var name: ChannelName { get }
    /// Delivers one outbox message of this channel; `nil` for a channel that delivers while
    /// it queues.
    var transport: (any DeliveryTransport)? { get }

    /// Delivers or queues the notices of `tick` not yet recorded on this channel, and
    /// records them.
    ///
    /// Throws ``StateFileError`` when the log or the outbox cannot be written.
    func queue(_ tick: TickNotices, log: NotificationLog, outbox: Outbox, logger: Logger) async throws -> QueueReport
}

extension DeliveryChannel {
    /// The notices of `tick` that the log has not recorded on this channel.
    package func unrecorded(_ tick: TickNotices, log: NotificationLog) async -> [Notice] {
        let fresh = Set(await log.undelivered(tick.notices.map(\.key), on: name.rawValue))
        return tick.notices.filter { fresh.contains($0.key) }
    }
}
