package import TicklerCore
package import TicklerDelivery

/// Which transports deliver the outbox's channels, built from the daemon config.
///
/// The outbox is channel-agnostic: a channel is a name and a ``DeliveryTransport``. The
/// webhook channel plugs in here with one more entry (`"webhook": ...`).
package enum ChannelWiring {
    /// The transport of every configured outbox channel, by channel name.
    package static func transports(_ config: DaemonConfig) -> [String: any DeliveryTransport] {
        var transports: [String: any DeliveryTransport] = [:]
        if let mail = config.mail {
            transports[DigestMail.channel] = mailTransport(mail)
        }
        return transports
    }

    /// The mail channel's transport: an mbox spool, Maildirs, or `sendmail -t -oi`.
    package static func mailTransport(_ mail: DaemonConfig.MailConfig) -> any DeliveryTransport {
        switch mail.target {
        case .spool(let directory):
            let sender = MailMessage.Address(parsing: mail.from).address
            return MboxSpool(directory: directory, sender: sender.isEmpty ? "tickler" : sender)
        case .maildir(let root):
            return MaildirDrop(root: root)
        case .sendmail(let executable):
            return SendmailHandoff(executable: executable)
        }
    }

    /// How digests become mail for this config, or `nil` when the mail channel is off.
    package static func digestMail(_ config: DaemonConfig, rules: Rules) -> DigestMail? {
        guard let mail = config.mail else { return nil }
        let mode: DigestMail.Mode
        switch mail.target {
        case .spool, .maildir: mode = .mailbox
        case .sendmail: mode = .sendmail
        }
        return DigestMail(from: mail.from, mode: mode, timeZone: rules.zone.timeZone)
    }
}
