import TicklerDelivery

/// The delivery channels, by the names the notification log and the outbox record.
package enum ChannelName: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Structured journal entries, sent while the tick runs (the journal is local).
    case journal
    /// One digest mail per recipient, through the outbox.
    case mail
    /// One signed JSON POST per digest and destination, through the outbox.
    case webhook

    package static func < (a: ChannelName, b: ChannelName) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
