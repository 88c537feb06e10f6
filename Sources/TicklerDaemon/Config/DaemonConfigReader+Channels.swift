import Foundation
import TicklerCore
import TicklerDelivery

/// The mail and webhook channels of `tickler.yaml` and their allow-lists.
extension DaemonConfigReader {
    /// `channels.mail`: exactly one of `spool:`, `maildir:`, `sendmail:`, an optional `from:`
    /// and `domain:`, and `allow_domains:` with `sendmail:` only.
    mutating func mail(_ node: YAMLNode, base: String) -> DaemonConfig.MailConfig? {
        guard
            let map = mapping(
                node, "channels.mail", keys: ["spool", "maildir", "sendmail", "from", "domain", "allow_domains"])
        else { return nil }
        let targets = ["spool", "maildir", "sendmail"].filter { map[$0] != nil }
        guard targets.count == 1, let key = targets.first, let target = map[key],
            let value = path(target, "channels.mail.\(key)", base: base)
        else {
            r.error(node.location, "channels.mail needs exactly one of spool:, maildir:, sendmail:")
            return nil
        }
        if let domains = map["allow_domains"], key != "sendmail" {
            r.error(domains.location, "allow_domains applies to sendmail: only (a spool or Maildir delivers to local mailboxes)")
        }
        let from = map["from"].flatMap { string($0, "channels.mail.from") } ?? "Tickler <tickler@localhost>"
        let domain = map["domain"].flatMap { mailDomain($0) }
        switch key {
        case "spool": return DaemonConfig.MailConfig(target: .spool(value), from: from, domain: domain)
        case "maildir": return DaemonConfig.MailConfig(target: .maildir(value), from: from, domain: domain)
        default:
            var config = DaemonConfig.MailConfig(target: .sendmail(value), from: from, domain: domain)
            if let node = map["allow_domains"] { config.allowDomains = allowDomains(node) }
            return config
        }
    }

    /// `domain:` the mail domain of local mailboxes' addresses, lower case (``MailDomain``).
    mutating func mailDomain(_ node: YAMLNode) -> String? {
        guard let text = string(node, "channels.mail.domain") else { return nil }
        var domain = text.lowercased()
        if domain.hasSuffix(".") { domain.removeLast() }
        if let problem = MailDomain.problem(with: domain) {
            r.error(node.location, "channels.mail.domain: \(problem); write the office's mail domain, e.g. office.example")
            return nil
        }
        return domain
    }

    /// `allow_domains:` mail domains (`example.com`, `*.example.com`) a rep's `email` may use.
    mutating func allowDomains(_ node: YAMLNode) -> [String] {
        guard case .sequence(let sequence) = node.content else {
            r.error(node.location, "allow_domains must be a list of mail domains, e.g. [example.com, \"*.example.com\"]")
            return []
        }
        var domains: [String] = []
        for item in sequence {
            guard let text = string(item, "an allow_domains entry")?.lowercased() else { continue }
            switch HostAllowList.entry(text) {
            case let entry? where entry.port == nil && entry.isNamePattern:
                domains.append(text)
            default:
                r.error(item.location, "'\(text)' is not a mail domain; write example.com or *.example.com")
            }
        }
        return domains
    }

    /// `channels.webhook`: `url:` (required), `format:`, `secret:`, `timeout:`, `allow_hosts:`.
    mutating func webhook(_ node: YAMLNode, base: String) -> DaemonConfig.WebhookConfig? {
        guard let map = mapping(node, "channels.webhook", keys: ["url", "format", "secret", "timeout", "allow_hosts"])
        else { return nil }
        guard let urlNode = map["url"], let url = string(urlNode, "channels.webhook.url") else {
            if map["url"] == nil {
                r.error(node.location, "channels.webhook needs url: (the https address to POST notices to)")
            }
            return nil
        }
        if URL(string: url)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            r.error(urlNode.location, "'\(url)' is not an http(s) URL")
        }
        var webhook = DaemonConfig.WebhookConfig(url: url)
        if let formatNode = map["format"], let format = string(formatNode, "channels.webhook.format") {
            if DaemonConfigParser.webhookFormats.contains(format) {
                webhook.format = format
            } else {
                let hint = NearestName.suggestion(for: format, among: DaemonConfigParser.webhookFormats)
                r.error(
                    formatNode.location,
                    "unknown webhook format '\(format)'"
                        + (hint.map { "; did you mean '\($0)'?" }
                            ?? "; use one of \(DaemonConfigParser.webhookFormats.joined(separator: ", "))"))
            }
        }
        if let secretNode = map["secret"] { webhook.secret = webhookSecret(secretNode, base: base) }
        if let node = map["timeout"], let text = string(node, "channels.webhook.timeout") {
            if let d = RuleDuration(parsing: text), !d.isCalendarUnit, (1...300).contains(d.approximateSeconds) {
                webhook.timeout = d.approximateSeconds
            } else {
                r.error(node.location, "'\(text)' is not a webhook timeout; write a duration from 1s to 5m, such as 10s")
            }
        }
        if let node = map["allow_hosts"] { webhook.allowHosts = allowHosts(node) }
        return webhook
    }

    /// `secret: { credential: NAME }` or `secret: { file: PATH }`, exactly one; never the
    /// secret itself.
    mutating func webhookSecret(_ node: YAMLNode, base: String) -> DaemonConfig.WebhookConfig.Secret? {
        if case .scalar = node.content {
            r.error(node.location, "write the secret as { credential: NAME } or { file: PATH }, never the secret itself")
            return nil
        }
        guard let secret = mapping(node, "channels.webhook.secret", keys: ["credential", "file"]) else { return nil }
        guard secret.entries.count == 1 else {
            r.error(node.location, "secret needs exactly one of credential: NAME (systemd LoadCredential=) or file: PATH")
            return nil
        }
        if let c = secret["credential"], let name = string(c, "channels.webhook.secret.credential") {
            guard WebhookSecret.isCredentialName(name) else {
                r.error(
                    c.location,
                    "'\(name)' is not a credential name; use the NAME of LoadCredential=NAME:PATH "
                        + "(letters, digits, '_', '-', '.')")
                return nil
            }
            return .credential(name)
        }
        if let f = secret["file"], let file = path(f, "channels.webhook.secret.file", base: base) { return .file(file) }
        return nil
    }

    /// `allow_hosts:` a list of ``HostAllowList`` entries: host names, `*.domain` patterns,
    /// IP addresses and networks, each with an optional port.
    mutating func allowHosts(_ node: YAMLNode) -> [String] {
        guard case .sequence(let sequence) = node.content else {
            r.error(node.location, "allow_hosts must be a list of host names, e.g. [hooks.example.com, \"*.office.example\"]")
            return []
        }
        var hosts: [String] = []
        for item in sequence {
            guard let host = string(item, "an allow_hosts entry")?.lowercased() else { continue }
            if HostAllowList.entry(host) != nil {
                hosts.append(host)
            } else {
                r.error(
                    item.location,
                    "'\(host)' is not a host name; write a host (hooks.example.com or *.example.com) or an "
                        + "address or network (10.0.0.5, 10.0.0.0/8), with :PORT to allow a port other than 443, "
                        + "without scheme or path")
            }
        }
        return hosts
    }
}
