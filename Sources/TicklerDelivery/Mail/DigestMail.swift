package import Foundation
package import TicklerCore

/// Turns a ``Digest`` into the ``OutboundMessage`` of the mail channel: the subject and body
/// in the recipient's language, `Message-ID` from the digest id, and the target the
/// configured transport needs (the mailbox name for a spool or Maildir, an address for
/// `sendmail`).
package struct DigestMail: Sendable {
    /// The channel's name in the notification log and the outbox.
    package static let channel = "mail"

    /// How the mail channel delivers, which decides the target of each message.
    package enum Mode: Sendable, Hashable {
        /// mbox spool or Maildir: the target is the rep's `mailbox`.
        case mailbox
        /// `sendmail -t`: the target is the rep's `email`, else the local `mailbox`.
        case sendmail
    }

    /// The `From:` of the config, e.g. `Tickler <tickler@localhost>`.
    package var from: MailMessage.Address
    package var mode: Mode
    /// The zone of the `Date` header (the rules' zone).
    package var timeZone: TimeZone
    /// The domain of a local mailbox's address in `To:` (`channels.mail.domain`, by default
    /// the host's name; see ``MailDomain``).
    package var domain: String

    package init(from: String, mode: Mode, timeZone: TimeZone, domain: String = MailDomain.hostDefault()) {
        self.from = MailMessage.Address(parsing: from)
        self.mode = mode
        self.timeZone = timeZone
        self.domain = domain
    }

    /// The message for `digest`, addressed to `rep` (who may be missing from the store: the
    /// target is then empty and the transport makes it a dead letter with the reason).
    ///
    /// `reports` holds the ``Report`` of each `report` notice, by notice key (see
    /// ``DigestReports``): each is shown in the text as aligned tables and each of its
    /// tables is attached as a CSV (UTF-8 with a BOM, CRLF), which makes the mail
    /// `multipart/mixed`.
    package func message(_ digest: Digest, rep: Rep?, at date: Date, reports: [String: Report] = [:]) -> OutboundMessage {
        let mailbox = rep?.mailbox ?? ""
        let target: String
        switch mode {
        case .mailbox: target = mailbox
        case .sendmail: target = rep?.email.flatMap { HeaderText.isPlainAddress($0) ? $0 : nil } ?? mailbox
        }
        // `To:` shows the rep's email, else the local mailbox: with a spool or Maildir as
        // `mailbox@domain`; `sendmail` gets the bare local name, which the MTA qualifies
        // with its own origin domain (and delivers locally), as it does for `-t` recipients.
        let shown = rep?.email.flatMap { HeaderText.isPlainAddress($0) ? $0 : nil }
            ?? (MailboxName(mailbox) != nil ? mailbox : "")
        let address = mode == .mailbox && !shown.isEmpty ? MailDomain.qualified(shown, domain: domain) : shown
        let mail = MailMessage(
            from: from, to: MailMessage.Address(name: digest.recipientName, address: address),
            subject: DigestText.subject(digest), messageID: digest.id, date: date, timeZone: timeZone,
            body: DigestText.body(digest, reports: reports),
            extraHeaders: [("X-Tickler-Recipient", digest.recipient), ("X-Tickler-Notices", String(digest.notices.count))],
            attachments: Self.attachments(digest, reports: reports))
        return OutboundMessage(
            id: digest.id, channel: Self.channel, recipient: digest.recipient, target: target, body: mail.bytes)
    }

    /// One CSV per table of each report in the digest, in reading order.
    package static func attachments(_ digest: Digest, reports: [String: Report]) -> [MailAttachment] {
        digest.notices.compactMap { reports[$0.key] }.flatMap { report in
            report.tables.map {
                MailAttachment.csv(filename: ReportRendering.csvFileName(report, $0), text: ReportRendering.csv($0))
            }
        }
    }
}
