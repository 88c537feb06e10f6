import Foundation

/// How much one chat message may hold, per tool: the one place these limits live. Each
/// value stays under the tool's published limit with a margin (the tools count in ways they
/// do not all document: bytes of the UTF-8 text, JavaScript string length, the JSON body).
/// "Characters" are UTF-16 code units, the larger of the usual counts for Chinese text and
/// emoji, so a message within them is within any character count.
///
/// ``fits(_:body:)`` checks a built message against them; ``ChatParts`` splits a digest into
/// as many messages as it needs to stay within them.
package struct ChatLimits: Sendable, Hashable {
    /// The whole JSON request body, in bytes.
    package var bodyBytes: Int
    /// The message text (all sections together), in UTF-8 bytes and in UTF-16 code units.
    package var textBytes: Int
    package var textCharacters: Int
    /// Slack only: blocks in a message, and characters in one section's text.
    package var blocks: Int?
    package var sectionCharacters: Int?

    /// Slack: a message's `text` is cut at 40,000 characters, a message holds at most 50
    /// blocks, a section's text at most 3,000 characters and a header at most 150.
    /// https://docs.slack.dev/reference/methods/chat.postMessage ("Truncating content"),
    /// https://docs.slack.dev/reference/block-kit/blocks/section-block/
    static let slack = ChatLimits(
        bodyBytes: 150_000, textBytes: 120_000, textCharacters: 36_000, blocks: 50, sectionCharacters: 3_000)
    /// DingTalk custom robot: a markdown message of about 20,000 bytes.
    /// https://open.dingtalk.com/document/orgapp/robot-message-types-and-data-format
    static let dingtalk = ChatLimits(bodyBytes: 19_000, textBytes: 18_000, textCharacters: 18_000)
    /// WeCom group robot: markdown `content` of at most 4,096 UTF-8 bytes.
    /// https://developer.work.weixin.qq.com/document/path/91770
    static let wecom = ChatLimits(bodyBytes: 4_300, textBytes: 3_900, textCharacters: 3_900)
    /// Feishu / Lark custom bot: a request body of at most 20 KB.
    /// https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot ("请求体大小不能超过 20 K")
    static let feishu = ChatLimits(bodyBytes: 18_000, textBytes: 16_000, textCharacters: 16_000)
    /// Microsoft Teams: a message (with its card) of at most 28 KB; senders report refusals
    /// from about 21 KB of card, so the margin is wider here.
    /// https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
    static let teams = ChatLimits(bodyBytes: 20_000, textBytes: 16_000, textCharacters: 16_000)

    /// The limits of `format`; `nil` for `generic` (Tickler's own payload is never split).
    package static func of(_ format: WebhookFormat) -> ChatLimits? {
        switch format {
        case .generic: nil
        case .slack: slack
        case .dingtalk: dingtalk
        case .wecom: wecom
        case .feishu: feishu
        case .teams: teams
        }
    }

    /// Whether a message of `format` is within these limits: the body, then the text as the
    /// tool counts it (the fields that hold the digest's title and text).
    package func fits(_ format: WebhookFormat, body: [UInt8]) -> Bool {
        guard body.count <= bodyBytes,
            let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        else { return false }
        let texts = Self.texts(format, object)
        guard texts.reduce(0, { $0 + $1.utf8.count }) <= textBytes,
            texts.reduce(0, { $0 + $1.utf16.count }) <= textCharacters
        else { return false }
        if let blocks, let count = (object["blocks"] as? [Any])?.count, count > blocks { return false }
        if let sectionCharacters, texts.contains(where: { $0.utf16.count > sectionCharacters }) { return false }
        return true
    }

    /// The texts a message of `format` shows (Slack: each block's text; DingTalk: the
    /// markdown; WeCom: the content; Feishu: each paragraph; Teams: each TextBlock).
    static func texts(_ format: WebhookFormat, _ object: [String: Any]) -> [String] {
        switch format {
        case .generic: return []
        case .slack:
            let blocks = object["blocks"] as? [[String: Any]] ?? []
            return blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        case .dingtalk:
            return [(object["markdown"] as? [String: Any])?["text"] as? String ?? ""]
        case .wecom:
            return [(object["markdown"] as? [String: Any])?["content"] as? String ?? ""]
        case .feishu:
            let post = (object["content"] as? [String: Any])?["post"] as? [String: Any] ?? [:]
            return post.values.flatMap { language -> [String] in
                let language = language as? [String: Any] ?? [:]
                let paragraphs = language["content"] as? [[[String: Any]]] ?? []
                let lines = paragraphs.flatMap { $0.compactMap { $0["text"] as? String } }
                return [language["title"] as? String ?? ""] + lines
            }
        case .teams:
            let attachments = object["attachments"] as? [[String: Any]] ?? []
            return attachments.flatMap { attachment -> [String] in
                let card = attachment["content"] as? [String: Any] ?? [:]
                return (card["body"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            }
        }
    }
}
