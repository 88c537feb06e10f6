package import Foundation

/// Which URLs webhooks may go to. The office-wide URL in `tickler.yaml` is the admin's and is
/// trusted; a rep's own `webhook` (from the store, which a CRM export or a rep may write) must
/// be http or https and its host must be listed in `channels.webhook.allow_hosts`, so store
/// data cannot point the daemon at internal services.
package enum WebhookTarget {
    /// Checks a rep's webhook URL against the allowed hosts (exact host names, or `*.DOMAIN`
    /// for any host under DOMAIN; compared without case and a trailing dot).
    ///
    /// Throws ``WebhookError`` (`invalidURL`, `hostNotAllowed`) with a message that names the
    /// host but never the URL's path or query (chat-tool URLs carry their token there).
    @discardableResult
    package static func validate(url: String, allowHosts: [String]) throws(WebhookError) -> URL {
        let parsed = try parse(url)
        let host = normalized(parsed.host ?? "")
        guard allowHosts.contains(where: { matches(host: host, pattern: $0) }) else {
            let hint =
                allowHosts.isEmpty
                ? "channels.webhook.allow_hosts is empty, so no per-rep webhook is allowed"
                : "allowed: \(allowHosts.joined(separator: ", "))"
            throw WebhookError(
                .hostNotAllowed,
                "webhook host '\(host)' is not in channels.webhook.allow_hosts (\(hint)); add it there to allow it")
        }
        return parsed
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

    /// Whether `host` matches an `allow_hosts` entry (`name` or `*.domain`).
    package static func matches(host: String, pattern: String) -> Bool {
        let host = normalized(host)
        let pattern = normalized(pattern)
        guard !pattern.isEmpty else { return false }
        if pattern.hasPrefix("*.") {
            let domain = pattern.dropFirst(2)
            return !domain.isEmpty && host.hasSuffix("." + domain)
        }
        return host == pattern
    }

    private static func normalized(_ host: String) -> String {
        var host = host.lowercased()
        while host.hasSuffix(".") { host.removeLast() }
        return host
    }
}
