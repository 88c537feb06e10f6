package import Foundation

/// Which URLs webhooks may go to. The office-wide URL in `tickler.yaml` is the admin's and is
/// trusted; a rep's own `webhook` (from the store, which a CRM export or a rep may write) must
/// be http or https and pass ``HostAllowList`` (`channels.webhook.allow_hosts`), so store
/// data cannot point the daemon at internal services:
/// - its host, in canonical form (IDNA, lower case, no percent-escapes), is a listed name or
///   under a listed `*.domain`; an IP literal (also `127.1` or `0x7f000001`) only when its
///   address or network is listed;
/// - its port is 443, or listed with the host (`hooks.example.com:8443`);
/// - at delivery, every address the host resolves to is public (no loopback, link-local,
///   private, multicast or unspecified address) unless an address or network entry lists it
///   (``checkAddresses(of:allowHosts:)``).
package enum WebhookTarget {
    /// Checks a rep's webhook URL against the allowed hosts and ports (no DNS lookup; see
    /// ``checkAddresses(of:allowHosts:)`` for that).
    ///
    /// Throws ``WebhookError`` (`invalidURL`, `hostNotAllowed`) with a message that names the
    /// host but never the URL's path or query (chat-tool URLs carry their token there).
    @discardableResult
    package static func validate(url: String, allowHosts: [String]) throws(WebhookError) -> URL {
        let parsed = try parse(url)
        let target = try canonicalTarget(url)
        let list = HostAllowList(allowHosts)
        let hint =
            allowHosts.isEmpty
            ? "channels.webhook.allow_hosts is empty, so no per-rep webhook is allowed"
            : "allowed: \(allowHosts.joined(separator: ", "))"
        let matching = list.matching(name: target.address == nil ? target.host : nil, address: target.address)
        guard !matching.isEmpty else {
            let what = target.address != nil ? "the IP address '\(target.host)' (an IP literal)" : "host '\(target.host)'"
            throw WebhookError(
                .hostNotAllowed,
                "webhook \(what) is not in channels.webhook.allow_hosts (\(hint)); add it there to allow it")
        }
        guard target.port == 443 || matching.contains(where: { $0.port == target.port }) else {
            throw WebhookError(
                .hostNotAllowed,
                "webhook port \(target.port) of host '\(target.host)' is not allowed: only 443 is, unless "
                    + "channels.webhook.allow_hosts lists '\(target.host):\(target.port)'")
        }
        return parsed
    }

    /// Checks that every address the URL's host resolves to is public or listed, as a
    /// delivery must right before it connects: a listed name can still resolve to
    /// 127.0.0.1 or 169.254.169.254. Returns `nil` when it may be used, a dead letter for a
    /// refused address, and a retry when the name does not resolve now.
    package static func checkAddresses(of url: String, allowHosts: [String]) async -> DeliveryOutcome? {
        let target: (host: String, address: IPAddress?, port: Int)
        do {
            target = try canonicalTarget(url)
        } catch {
            return .deadLetter(reason: error.message)
        }
        let list = HostAllowList(allowHosts)
        let addresses: [IPAddress]
        if let address = target.address {
            addresses = [address]
        } else {
            do {
                addresses = try await IPAddress.resolve(target.host, port: target.port)
            } catch {
                return .retry(after: nil, reason: (error as? WebhookError)?.message ?? "cannot resolve '\(target.host)'")
            }
        }
        for address in addresses {
            guard let kind = address.internalKind, !list.lists(address) else { continue }
            return .deadLetter(
                reason: "webhook host '\(target.host)' resolves to \(address), a \(kind) address, which a rep's "
                    + "webhook may not reach unless channels.webhook.allow_hosts lists that address or its network")
        }
        return nil
    }

    /// The canonical host of `url` (IDNA, lower case, no trailing dot, IPv6 without brackets),
    /// its address when it is an IP literal, and its port (the scheme's default when none).
    static func canonicalTarget(_ url: String) throws(WebhookError) -> (host: String, address: IPAddress?, port: Int) {
        let parsed = try parse(url)
        guard let components = URLComponents(string: url), let raw = components.encodedHost else {
            throw WebhookError(.invalidURL, "'\(redacted(url))' is not a URL; write https://HOST/PATH")
        }
        guard !raw.contains("%") else {
            throw WebhookError(
                .invalidURL, "the webhook URL's host is written with percent-escapes; write the host name plainly")
        }
        let port = components.port ?? (parsed.scheme?.lowercased() == "https" ? 443 : 80)
        if let address = IPAddress(literal: raw) { return (address.description, address, port) }
        guard let host = HostAllowList.canonicalName(raw) else {
            throw WebhookError(.invalidURL, "the webhook URL's host '\(raw)' is not a host name")
        }
        return (host, nil, port)
    }

    /// An http(s) URL with a host, without user info; the office-wide URL passes this only.
    package static func parse(_ url: String) throws(WebhookError) -> URL {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let parsed = components.url
        else {
            throw WebhookError(.invalidURL, "'\(redacted(url))' is not a URL; write https://HOST/PATH")
        }
        guard scheme == "http" || scheme == "https" else {
            throw WebhookError(.invalidURL, "webhook URLs must be http or https, not '\(scheme):'")
        }
        guard let host = components.host, !host.isEmpty else {
            throw WebhookError(.invalidURL, "the webhook URL '\(redacted(url))' has no host")
        }
        guard components.user == nil, components.password == nil else {
            throw WebhookError(.invalidURL, "the webhook URL for host '\(host)' must not contain a user or password")
        }
        return parsed
    }

    /// `scheme://host[:port]/…`: what logs and errors may show of a webhook URL.
    package static func redacted(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return "(unparsable URL)" }
        let port = components.port.map { ":\($0)" } ?? ""
        let more = components.path.count > 1 || components.query != nil ? "/…" : ""
        return "\(scheme)://\(host)\(port)\(more)"
    }
}
