import Foundation
import TicklerCore

/// The incoming-webhook message of each chat tool, built from a digest's title and plain
/// text, whole: a text too long for one message is split before (``ChatParts``), never cut
/// here. The tools' size limits are in ``ChatLimits``. Every format shows one line per line
/// of the text and store text as written, never as the tool's formatting (``ChatText``).
enum ChatMessage {
    /// The JSON bytes of the `format` message with `title` and `text` (`generic`: just the two).
    static func body(_ format: WebhookFormat, title: String, text: String, locale: String) throws -> [UInt8] {
        switch format {
        case .generic: try encode(["title": title, "text": text])
        case .slack: try encode(slack(title: title, text: text))
        case .dingtalk: try encode(dingtalk(title: title, text: text))
        case .wecom: try encode(wecom(title: title, text: text))
        case .feishu: try encode(feishu(title: title, text: text, locale: locale))
        case .teams: try encode(teams(title: title, text: text))
        }
    }

    /// The JSON bytes of a message object, keys sorted, slashes and non-ASCII text as they are.
    static func encode(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// Slack: `text` is the notification fallback, `blocks` what the channel shows; a
    /// `header` holds at most 150 characters of plain text and a `section` 3000 of mrkdwn,
    /// and a message at most 50 blocks.
    /// https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks/ and
    /// https://docs.slack.dev/reference/block-kit/blocks/section-block/
    static func slack(title: String, text: String) -> [String: Any] {
        let header = TextLine.flattened(title)
        var blocks: [[String: Any]] = [
            ["type": "header", "text": ["type": "plain_text", "text": String(header.prefix(150)), "emoji": false]]
        ]
        let escaped = ChatText.lines(text, .slack).joined(separator: "\n")
        for chunk in chunks(of: escaped, maxCharacters: ChatLimits.slack.sectionCharacters ?? 3000) {
            blocks.append(["type": "section", "text": ["type": "mrkdwn", "text": chunk]])
        }
        return ["text": ChatText.title(title, .slack), "blocks": blocks]
    }

    /// DingTalk custom robot, markdown message: `title` shows in the conversation list,
    /// `text` is the message (about 20000 bytes at most); a line break needs a blank line.
    /// https://open.dingtalk.com/document/orgapp/custom-robot-access and
    /// https://open.dingtalk.com/document/orgapp/robot-message-types-and-data-format
    static func dingtalk(title: String, text: String) -> [String: Any] {
        let body = "### \(ChatText.title(title, .dingtalk))\n\n" + lines(of: text, .dingtalk).joined(separator: "\n\n")
        return ["msgtype": "markdown", "markdown": ["title": TextLine.flattened(title), "text": body]]
    }

    /// WeCom group robot, markdown message: `content` of at most 4096 UTF-8 bytes.
    /// https://developer.work.weixin.qq.com/document/path/91770
    static func wecom(title: String, text: String) -> [String: Any] {
        let body = "**\(ChatText.title(title, .wecom))**\n" + ChatText.lines(text, .wecom).joined(separator: "\n")
        return ["msgtype": "markdown", "markdown": ["content": body]]
    }

    /// Feishu / Lark custom bot, rich text (`post`): a title and one paragraph per line, in
    /// the language block of the locale; a request body holds at most 20 KB.
    /// https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
    static func feishu(title: String, text: String, locale: String) -> [String: Any] {
        let language = locale.lowercased().hasPrefix("zh") ? "zh_cn" : "en_us"
        let paragraphs: [[[String: Any]]] = lines(of: text, .feishu).map {
            [["tag": "text", "text": $0]]
        }
        return [
            "msg_type": "post",
            "content": ["post": [language: ["title": ChatText.title(title, .feishu), "content": paragraphs]]],
        ]
    }

    /// Microsoft Teams: an Adaptive Card as a message attachment, which both a Workflows
    /// ("Post to a channel when a webhook request is received") and the older incoming webhook
    /// accept; one `TextBlock` per line, since a block's markdown folds single line breaks.
    /// https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
    /// (section "Send Adaptive Cards using an Incoming Webhook")
    static func teams(title: String, text: String) -> [String: Any] {
        var body: [[String: Any]] = [
            ["type": "TextBlock", "text": ChatText.title(title, .teams), "weight": "Bolder", "size": "Medium", "wrap": true]
        ]
        for line in lines(of: text, .teams) {
            body.append(["type": "TextBlock", "text": line, "wrap": true, "spacing": "None"])
        }
        let card: [String: Any] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard",
            "version": "1.2",
            "body": body,
        ]
        return [
            "type": "message",
            "attachments": [
                ["contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": NSNull(), "content": card]
            ],
        ]
    }

    /// The lines of a text that show something, each one line in `format` (``ChatText``).
    static func lines(of text: String, _ format: WebhookFormat) -> [String] {
        ChatText.lines(text, format).filter { !$0.allSatisfy { $0 == " " } }
    }

    /// `text` in pieces of at most `maxCharacters` UTF-16 code units, split at line breaks
    /// where possible (a longer line at a character).
    static func chunks(of text: String, maxCharacters: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        var size = 0
        func add(_ piece: Substring) {
            let width = piece.utf16.count
            if !current.isEmpty, size + 1 + width > maxCharacters {
                chunks.append(current)
                current = ""
                size = 0
            }
            if current.isEmpty {
                current = String(piece)
                size = width
            } else {
                current += "\n" + piece
                size += 1 + width
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = line[...]
            while rest.utf16.count > maxCharacters {
                var end = rest.startIndex
                var units = 0
                while end < rest.endIndex, units + rest[end].utf16.count <= maxCharacters {
                    units += rest[end].utf16.count
                    end = rest.index(after: end)
                }
                if end == rest.startIndex { end = rest.index(after: end) }
                add(rest[..<end])
                rest = rest[end...]
            }
            add(rest)
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { chunks.append(current) }
        return chunks
    }
}
