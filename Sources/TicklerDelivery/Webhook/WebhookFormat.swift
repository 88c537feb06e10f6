import Foundation

/// The body shape a webhook receiver accepts: Tickler's own versioned payload (`generic`) or
/// the incoming-webhook message of a chat tool offices use.
///
/// The names are the values of `channels.webhook.format` in `tickler.yaml` (SPEC section 5).
package enum WebhookFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// The full ``WebhookPayload`` (`"type": "tickler.digest"`, `"version": 1`).
    case generic
    /// Slack incoming webhook: `text` (the notification fallback) and Block Kit `blocks`.
    case slack
    /// DingTalk custom robot: `msgtype: markdown` with `title` and `text`.
    case dingtalk
    /// WeCom (WeChat Work) group robot: `msgtype: markdown` with `content`.
    case wecom
    /// Feishu / Lark custom bot: `msg_type: post` (rich text with a title).
    case feishu
    /// Microsoft Teams (Workflows or incoming webhook): an Adaptive Card in `attachments`.
    case teams

    /// The chat tool a well-known incoming-webhook address belongs to, so a rep's own
    /// `webhook` URL gets the shape its tool accepts; `nil` for any other host (use the
    /// configured format, usually `generic`).
    package static func inferred(from url: String) -> WebhookFormat? {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return nil }
        func under(_ domain: String) -> Bool { host == domain || host.hasSuffix("." + domain) }
        if under("hooks.slack.com") { return .slack }
        if under("oapi.dingtalk.com") { return .dingtalk }
        if under("qyapi.weixin.qq.com") { return .wecom }
        if under("open.feishu.cn") || under("open.larksuite.com") { return .feishu }
        if under("webhook.office.com") || under("powerautomate.com") || under("powerplatform.com")
            || under("logic.azure.com")
        {
            return .teams
        }
        return nil
    }
}
