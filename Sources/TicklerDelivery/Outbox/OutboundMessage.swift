/// One message ready for a channel: the exact bytes to deliver, where to, and the id that
/// makes a resend recognisable (the mail `Message-ID`, the webhook `webhook-id`).
///
/// The outbox stores these durably; a transport delivers one and says how it went.
package struct OutboundMessage: Sendable, Codable, Hashable {
    /// Stable idempotency id: the same on every attempt and after a restart.
    package var id: String
    /// `mail` or `webhook`.
    package var channel: String
    /// The rep or manager id this message is for.
    package var recipient: String
    /// Where it goes: a validated mailbox name, or a webhook URL.
    package var target: String
    /// The message itself: an RFC 5322 message, or a JSON request body.
    package var body: [UInt8]
    /// Which attempt this is (1 = the first). Set by the outbox, which records the attempt
    /// durably before making it: a transport that sees a later attempt knows an earlier one
    /// may have got through before a crash, and checks before delivering again.
    package var attempt: Int = 1

    private enum CodingKeys: String, CodingKey { case id, channel, recipient, target, body }

    package init(id: String, channel: String, recipient: String, target: String, body: [UInt8], attempt: Int = 1) {
        self.id = id
        self.channel = channel
        self.recipient = recipient
        self.target = target
        self.body = body
        self.attempt = attempt
    }
}

/// A channel's way of delivering one ``OutboundMessage`` (mbox, Maildir, sendmail, webhook).
package protocol DeliveryTransport: Sendable {
    func deliver(_ message: OutboundMessage) async -> DeliveryOutcome
    /// How fast messages to `target` may go (``ChatPacing/windows(_:)``); empty: no limit.
    func pacing(for target: String) -> [ChatPacing.Window]
}

extension DeliveryTransport {
    package func pacing(for target: String) -> [ChatPacing.Window] { [] }
}
