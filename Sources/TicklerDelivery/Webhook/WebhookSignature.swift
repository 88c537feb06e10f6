import Crypto
package import Foundation

/// Standard Webhooks signing (https://www.standardwebhooks.com, spec v1): the sender sends
/// `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,BASE64`, where
/// BASE64 is the HMAC-SHA256, keyed with the secret, of `ID.TIMESTAMP.BODY`.
package enum WebhookSignature {
    /// `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`.
    package static func sign(id: String, timestamp: Int64, body: [UInt8], secret: WebhookSecret) -> String {
        var hmac = HMAC<SHA256>(key: secret.key)
        hmac.update(data: Array("\(id).\(timestamp).".utf8))
        hmac.update(data: body)
        return "v1," + Data(hmac.finalize()).base64EncodedString()
    }

    /// The three headers for one attempt sent at `now`; without a secret, only `webhook-id`
    /// and `webhook-timestamp` (a receiver can still deduplicate).
    package static func headers(id: String, body: [UInt8], secret: WebhookSecret?, now: Date) -> [(String, String)] {
        let timestamp = Int64(now.timeIntervalSince1970.rounded(.down))
        var headers = [("webhook-id", id), ("webhook-timestamp", String(timestamp))]
        if let secret {
            headers.append(("webhook-signature", sign(id: id, timestamp: timestamp, body: body, secret: secret)))
        }
        return headers
    }
}
