import Foundation
import TicklerDelivery
import TicklerStore

/// How `tickler outbox` shows an entry.
enum OutboxListing {
    static func text(_ entry: OutboxEntry) -> String {
        var line = "\(entry.id)  \(entry.status.rawValue)  \(entry.channel) to \(entry.recipient) (\(printable(shown(entry))))"
        line += "  attempts \(entry.attempts)"
        if entry.status == .pending { line += "  due \(time(entry.due))" }
        if let reason = entry.reason { line += "\n    \(printable(reason))" }
        return line
    }

    static func json(_ entry: OutboxEntry) -> String {
        var object: [String: Any] = [
            "id": entry.id, "status": entry.status.rawValue, "channel": entry.channel, "recipient": entry.recipient,
            "target": shown(entry), "attempts": entry.attempts, "due": time(entry.due), "created": time(entry.created),
            "bytes": entry.size ?? entry.body.count,
        ]
        if let reason = entry.reason { object["reason"] = reason }
        // The notices a waiting or dead message holds: not delivered on its channel until it is.
        if let keys = entry.keys, entry.status == .pending || entry.status == .dead { object["notices"] = keys }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The entry's target as it may be shown: a webhook URL only as `scheme://host/…` (chat
    /// tools put their access token in the path or query), a mailbox or address as it is.
    private static func shown(_ entry: OutboxEntry) -> String {
        entry.channel == "webhook" ? WebhookTarget.redacted(entry.target) : entry.target
    }

    private static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = .current
        return formatter.string(from: date)
    }

    /// Store text with control characters shown as `?`, so a listing cannot be forged.
    private static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
