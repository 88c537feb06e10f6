/// Why a webhook secret, URL or payload could not be used: a ``Code`` to branch on and a
/// sentence for the admin that says what to do. Never contains a secret or a full URL
/// (chat-tool URLs carry their access token in the path or query).
package struct WebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Code: Sendable, Hashable {
        /// The secret's credential or file could not be read.
        case secretUnreadable
        /// The secret's file can be read by other users.
        case secretExposed
        /// The secret is empty, too short or not valid `whsec_` base64.
        case secretInvalid
        /// The URL is not an http(s) URL with a host.
        case invalidURL
        /// The URL's host (or port, or an address it resolves to) is not allowed by
        /// `webhook.allow_hosts`.
        case hostNotAllowed
        /// The URL's host name does not resolve (now; worth a retry).
        case hostUnresolved
    }

    package var code: Code
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
