import Crypto
import Foundation

/// The signing of the chat tools whose robots check a signature of their own instead of
/// Standard Webhooks headers, made fresh for each attempt (both refuse a timestamp more than
/// an hour away from their clock). The secret is the one the tool shows, used as written.
enum ChatSignature {
    /// DingTalk 加签: `timestamp` (milliseconds) and `sign` added to the URL's query, where
    /// `sign` is the URL-encoded base64 HMAC-SHA256, keyed with the secret, of
    /// `"{timestamp}\n{secret}"`.
    /// https://open.dingtalk.com/document/orgapp/customize-robot-security-settings
    static func dingtalk(url: String, secret: WebhookSecret, now: Date) -> String {
        let timestamp = String(Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.text.utf8)))
        hmac.update(data: Array("\(timestamp)\n\(secret.text)".utf8))
        let sign = Data(hmac.finalize()).base64EncodedString()
        // Base64's '+', '/' and '=' would be read as a space and separators in a query.
        let encoded = sign.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
            .replacingOccurrences(of: "=", with: "%3D")
        let separator = url.contains("?") ? "&" : "?"
        return url + separator + "timestamp=\(timestamp)&sign=\(encoded)"
    }

    /// Feishu / Lark 签名校验: `timestamp` (seconds, as a string) and `sign` added to the
    /// body, where `sign` is the base64 HMAC-SHA256, keyed with `"{timestamp}\n{secret}"`, of
    /// an empty message. The body's other bytes stay as they are.
    /// https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot ("签名校验")
    static func feishu(body: [UInt8], secret: WebhookSecret, now: Date) -> [UInt8] {
        let timestamp = String(Int64(now.timeIntervalSince1970.rounded(.down)))
        let key = SymmetricKey(data: Array("\(timestamp)\n\(secret.text)".utf8))
        let sign = Data(HMAC<SHA256>.authenticationCode(for: [UInt8](), using: key)).base64EncodedString()
        guard body.first == UInt8(ascii: "{") else { return body }
        let rest = body.dropFirst()
        let more = rest.first.map { $0 == UInt8(ascii: "}") } == false ? "," : ""
        return Array("{\"sign\":\"\(sign)\",\"timestamp\":\"\(timestamp)\"\(more)".utf8) + rest
    }
}
