package import Logging
import TicklerCore
package import TicklerDelivery
package import TicklerStore

/// The journal as a channel: one entry per new notice, or one summary per recipient when a
/// tick has more than `summaryAbove` new notices (a first run over a backlog must not
/// flood). Entries go out while the tick runs; what the journal did not accept is not
/// recorded and goes out at the next tick.
package struct JournalDelivery: DeliveryChannel {
    package let name = ChannelName.journal
    package let transport: (any DeliveryTransport)? = nil
    package var journal: JournalChannel
    package var summaryAbove: Int

    package init(journal: JournalChannel, summaryAbove: Int) {
        self.journal = journal
        self.summaryAbove = summaryAbove
    }

    package func queue(_ tick: TickNotices, log: NotificationLog, outbox: Outbox, logger: Logger) async throws
        -> QueueReport
    {
        let new = await unrecorded(tick, log: log)
        var sent: [String] = []
        var summaries = 0
        if new.count > summaryAbove {
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
        try await log.record(sent, on: name.rawValue, at: tick.at)
        if sent.count < new.count {
            logger.warning(
                "the journal did not accept \(new.count - sent.count) notices; they are retried next tick",
                metadata: ["MESSAGE_ID": "\(JournalMessageID.channelUnavailable)"])
        }
        return QueueReport(delivered: sent.count, summaries: summaries)
    }
}
