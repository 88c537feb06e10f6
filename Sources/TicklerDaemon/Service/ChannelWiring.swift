package import AsyncHTTPClient
import Foundation
package import TicklerCore
package import TicklerDelivery

/// The channels and their transports, built from the daemon config (at start and on reload).
package enum ChannelWiring {
    /// The transport of every configured outbox channel, by channel name, and the problems
    /// of channels that could not be set up (a webhook secret that cannot be read, with no
    /// secret in the message). Webhooks go through `http`, the daemon's one HTTP client;
    /// without it the webhook channel is off.
    package static func transports(
        _ config: DaemonConfig, http: HTTPClient?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (transports: [String: any DeliveryTransport], problems: [String]) {
        var transports: [String: any DeliveryTransport] = [:]
        var problems: [String] = []
        if let mail = config.mail {
            transports[DigestMail.channel] = mailTransport(mail)
        }
        if let webhook = config.webhook, let http {
            do {
                let configuration = try webhook.transportConfiguration(environment: environment)
                transports[WebhookTransport.channel] = WebhookTransport(configuration: configuration, client: http)
            } catch {
                problems.append("the webhook channel is off: \(error.message)")
            }
        }
        return (transports, problems)
    }

    /// The channels of `config`, ready for the ``TickEngine``, and the problems of channels
    /// that could not be set up (they are left out). `rulesVersion` is what webhook payloads
    /// carry (``LoadedRules/version``).
    package static func channels(
        _ config: DaemonConfig, rules: Rules, rulesVersion: String, http: HTTPClient?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (channels: [any DeliveryChannel], problems: [String]) {
        let (transports, problems) = transports(config, http: http, environment: environment)
        var channels: [any DeliveryChannel] = []
        if let journal = config.journal {
            channels.append(
                JournalDelivery(
                    journal: JournalChannel(identifier: journal.identifier), summaryAbove: config.summaryAbove))
        }
        if let mail = digestMail(config, rules: rules), let transport = transports[DigestMail.channel] {
            channels.append(DigestChannel.mail(mail, transport: transport))
        }
        if let webhook = config.webhook, let transport = transports[WebhookTransport.channel] {
            channels.append(
                DigestChannel.webhook(routes: webhook.routes, rulesVersion: rulesVersion, transport: transport))
        }
        return (channels, problems)
    }

    /// The mail channel's transport: an mbox spool, Maildirs, or `sendmail -t -oi -f FROM`.
    package static func mailTransport(_ mail: DaemonConfig.MailConfig) -> any DeliveryTransport {
        switch mail.target {
        case .spool(let directory):
            let sender = MailMessage.Address(parsing: mail.from).address
            return MboxSpool(directory: directory, sender: sender.isEmpty ? "tickler" : sender)
        case .maildir(let root):
            return MaildirDrop(root: root)
        case .sendmail(let executable):
            let sender = MailMessage.Address(parsing: mail.from).address
            return SendmailHandoff(executable: executable, allowDomains: mail.allowDomains, sender: sender)
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
        return DigestMail(
            from: mail.from, mode: mode, timeZone: rules.zone.timeZone, domain: mail.domain ?? MailDomain.hostDefault())
    }
}
