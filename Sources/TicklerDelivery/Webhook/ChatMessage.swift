import Foundation

/// The incoming-webhook message of each chat tool, built from a digest's title and plain
/// text. Each tool caps a message's size, so long digests are cut at a line with a note.
enum ChatMessage {
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
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        var blocks: [[String: Any]] = [
            ["type": "header", "text": ["type": "plain_text", "text": String(title.prefix(150)), "emoji": false]]
        ]
        // 49 sections of 3000 characters could pass Slack's 40000-character message limit.
        for chunk in chunks(of: truncated(escape(text), maxBytes: 36000), maxCharacters: 3000).prefix(49) {
            blocks.append(["type": "section", "text": ["type": "mrkdwn", "text": chunk]])
        }
        return ["text": escape(title), "blocks": blocks]
    }

    /// DingTalk custom robot, markdown message: `title` shows in the conversation list,
    /// `text` is the message (about 20000 bytes at most); a line break needs a blank line.
    /// https://open.dingtalk.com/document/orgapp/custom-robot-access and
    /// https://open.dingtalk.com/document/orgapp/robot-message-types-and-data-format
    static func dingtalk(title: String, text: String) -> [String: Any] {
        let body = "### \(title)\n\n" + lines(of: text).joined(separator: "\n\n")
        return ["msgtype": "markdown", "markdown": ["title": title, "text": truncated(body, maxBytes: 18000)]]
    }

    /// WeCom group robot, markdown message: `content` of at most 4096 UTF-8 bytes.
    /// https://developer.work.weixin.qq.com/document/path/91770
    static func wecom(title: String, text: String) -> [String: Any] {
        let body = "**\(title)**\n" + text
        return ["msgtype": "markdown", "markdown": ["content": truncated(body, maxBytes: 4096)]]
    }

    /// Feishu / Lark custom bot, rich text (`post`): a title and one paragraph per line, in
    /// the language block of the locale; a request body holds at most 20 KB.
    /// https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
    static func feishu(title: String, text: String, locale: String) -> [String: Any] {
        let language = locale.lowercased().hasPrefix("zh") ? "zh_cn" : "en_us"
        let paragraphs: [[[String: Any]]] = lines(of: truncated(text, maxBytes: 18000, perLine: 32)).map {
            [["tag": "text", "text": $0]]
        }
        return [
            "msg_type": "post",
            "content": ["post": [language: ["title": title, "content": paragraphs]]],
        ]
    }

    /// Microsoft Teams: an Adaptive Card as a message attachment, which both a Workflows
    /// ("Post to a channel when a webhook request is received") and the older incoming webhook
    /// accept; one `TextBlock` per line, since a block's markdown folds single line breaks.
    /// https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
    /// (section "Send Adaptive Cards using an Incoming Webhook")
    static func teams(title: String, text: String) -> [String: Any] {
        var body: [[String: Any]] = [
            ["type": "TextBlock", "text": title, "weight": "Bolder", "size": "Medium", "wrap": true]
        ]
        for line in lines(of: truncated(text, maxBytes: 24000, perLine: 64)) {
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

    /// The non-empty lines of a text.
    static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// `text` cut to at most `maxBytes` UTF-8 bytes at a line break (or a character, for one
    /// long line), ending with a note that more was left out; `perLine` counts the JSON a
    /// format wraps around each line.
    static func truncated(_ text: String, maxBytes: Int, perLine: Int = 0) -> String {
        let lineCount = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        guard text.utf8.count + lineCount * perLine > maxBytes else { return text }
        let note = "\n…"
        var result = ""
        var size = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let cost = line.utf8.count + 1 + perLine
            if size + cost + note.utf8.count + perLine > maxBytes { break }
            result += line + "\n"
            size += cost
        }
        if result.isEmpty {
            for character in text {
                let cost = String(character).utf8.count
                if size + cost + note.utf8.count > maxBytes { break }
                result.append(character)
                size += cost
            }
        }
        return result.trimmingCharacters(in: .newlines) + note
    }

    /// `text` in pieces of at most `maxCharacters`, split at line breaks where possible.
    static func chunks(of text: String, maxCharacters: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(line)
            while line.count > maxCharacters {
                if !current.isEmpty { chunks.append(current); current = "" }
                chunks.append(String(line.prefix(maxCharacters)))
                line = line.dropFirst(maxCharacters)
            }
            if current.count + line.count + 1 > maxCharacters, !current.isEmpty {
                chunks.append(current)
                current = ""
            }
            current += current.isEmpty ? String(line) : "\n" + line
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { chunks.append(current) }
        return chunks
    }
}
