import TicklerCore

/// Where one recipient's digest goes on the webhook channel: the office-wide URL (in the
/// configured format) and the rep's own `webhook` URL from the store, when its host is in
/// `allow_hosts` (in the format of its chat tool when the host is a known one, else
/// `generic`). A rep's URL that `allow_hosts` refuses still gets its message, returned apart
/// as ``Refused``: the caller queues it as a dead letter at once, never attempted.
///
/// Each destination gets its own stable `webhook-id` (the office receiver and a rep's
/// receiver deduplicate separately), derived from the destination, the recipient and the
/// notice keys, so a rebuilt digest after a restart has the same ids.
package struct WebhookRoutes: Sendable {
    package var officeURL: String?
    package var officeFormat: WebhookFormat
    package var allowHosts: [String]

    /// One message for one destination, with the keys of the notices it carries (a long
    /// digest in a chat format is several messages).
    package struct Routed: Sendable {
        package var message: OutboundMessage
        package var keys: [String]
    }

    /// A rep's message whose URL `allow_hosts` refuses, and why (the dead letter's reason).
    package struct Refused: Sendable {
        package var message: OutboundMessage
        package var keys: [String]
        package var error: WebhookError
    }

    package init(officeURL: String?, officeFormat: WebhookFormat = .generic, allowHosts: [String] = []) {
        self.officeURL = officeURL
        self.officeFormat = officeFormat
        self.allowHosts = allowHosts
    }

    /// The outbox messages for `payload` (its `id` is replaced per destination; a digest too
    /// long for one chat message becomes several, see ``WebhookPayload/messages(to:format:)``),
    /// and the rep's messages with why their URL was refused, if it was (dead letters; the
    /// office-wide messages still go).
    package func messages(
        for payload: WebhookPayload, repWebhook: String?
    ) throws -> (messages: [Routed], refused: [Refused]) {
        let keys = payload.notices.map(\.key)
        var messages: [Routed] = []
        if let officeURL {
            var office = payload
            office.id = WebhookPayload.idempotencyID(
                channel: WebhookTransport.channel, recipient: payload.recipient.id, noticeKeys: keys)
            messages += try office.messages(to: officeURL, format: officeFormat).map { Routed(message: $0.message, keys: $0.keys) }
        }
        guard let repWebhook, !repWebhook.isEmpty, repWebhook != officeURL else { return (messages, []) }
        var own = payload
        own.id = WebhookPayload.idempotencyID(
            channel: WebhookTransport.channel + ":rep", recipient: payload.recipient.id, noticeKeys: keys)
        let format = WebhookFormat.inferred(from: repWebhook) ?? .generic
        let routed = try own.messages(to: repWebhook, format: format)
        do {
            try WebhookTarget.validate(url: repWebhook, allowHosts: allowHosts)
        } catch {
            return (messages, routed.map { Refused(message: $0.message, keys: $0.keys, error: error) })
        }
        return (messages + routed.map { Routed(message: $0.message, keys: $0.keys) }, [])
    }
}
