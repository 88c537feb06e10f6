import Foundation
import TicklerCore
import TicklerDelivery
import Testing

@Suite("Webhook payload and chat formats")
struct WebhookPayloadTests {
    static let overdue = Notice(
        key: "overdue/C018/2026-10-27/2", kind: .overdue, rule: "followup", rep: "R02", customer: "C018",
        to: ["R02", "M01"], level: 2, fine: Decimal(string: "10.5"), points: 5,
        message: "客户 苏州瑞丰电子（A类）跟进已逾期 28 天。罚款 10.5 元，扣 5 分。", source: "customers.json:167",
        facts: .followup(
            .init(
                customerName: "苏州瑞丰电子", customerClass: "A", due: LocalDate(parsing: "2026-10-27")!, daysOverdue: 28,
                penalty: Penalty(fine: Decimal(string: "10.5")!, points: 5))))
    static let late = Notice(
        key: "late/R02/2026-11-24", kind: .late, rule: "attendance", rep: "R02", to: ["R02"], message: "迟到 12 分钟",
        date: LocalDate(parsing: "2026-11-24"),
        facts: .attendance(.init(repName: "王伟", date: LocalDate(parsing: "2026-11-24")!, minutesLate: 12)))

    static let payload = WebhookPayload(
        id: WebhookPayload.idempotencyID(channel: "webhook", recipient: "R02", noticeKeys: [overdue.key, late.key]),
        recipient: .init(id: "R02", name: "王伟"), rulesVersion: WebhookPayload.rulesVersion(of: Array("rules".utf8)),
        locale: "zh-Hans", title: "王伟 的提醒：2 条", text: "逾期\n- 苏州瑞丰电子 逾期 28 天\n\n考勤\n- 迟到 12 分钟",
        notices: [overdue, late])

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("the generic payload is versioned and carries the recipient, rules version and locale")
    func envelope() throws {
        let object = try Self.json(try Self.payload.body(format: .generic))
        #expect(object["type"] as? String == "tickler.digest")
        #expect(object["version"] as? Int == 1)
        #expect(object["id"] as? String == Self.payload.id)
        #expect((object["recipient"] as? [String: String]) == ["id": "R02", "name": "王伟"])
        #expect(object["rules_version"] as? String == Self.payload.rulesVersion)
        #expect(object["locale"] as? String == "zh-Hans")
        #expect(object["title"] as? String == "王伟 的提醒：2 条")
        #expect(object["count"] as? Int == 2)
    }

    @Test("every notice has every SPEC field, null where it does not apply")
    func specFields() throws {
        let object = try Self.json(try Self.payload.body(format: .generic))
        let notices = try #require(object["notices"] as? [[String: Any]])
        #expect(notices.count == 2)
        let specFields = ["key", "kind", "rule", "rep", "customer", "to", "due", "level", "fine", "points", "message"]
        for notice in notices {
            #expect(Set(specFields).isSubset(of: notice.keys), "missing: \(Set(specFields).subtracting(notice.keys))")
        }
        let first = notices[0]
        #expect(first["key"] as? String == "overdue/C018/2026-10-27/2")
        #expect(first["kind"] as? String == "overdue")
        #expect(first["rule"] as? String == "followup")
        #expect(first["rep"] as? String == "R02")
        #expect(first["customer"] as? String == "C018")
        #expect(first["to"] as? [String] == ["R02", "M01"])
        #expect(first["due"] as? String == "2026-10-27")
        #expect(first["level"] as? Int == 2)
        #expect((first["fine"] as? NSNumber)?.doubleValue == 10.5)
        #expect(first["points"] as? Int == 5)
        #expect(first["message"] as? String == Self.overdue.message)
        #expect(first["days"] as? Int == 28)
        #expect(first["source"] as? String == "customers.json:167")
        let second = notices[1]
        for field in ["customer", "due", "level", "fine", "points"] {
            #expect(second[field] is NSNull, "\(field) should be null")
        }
        #expect(second["minutes"] as? Int == 12)
        #expect(second["date"] as? String == "2026-11-24")
    }

    @Test("a reward notice carries its bonus; other notices have no bonus field")
    func rewardBonus() throws {
        var reward = Notice(
            key: "reward/quota/calls/R02/2026-W47", kind: .reward, rule: "quotas.calls", rep: "R02", to: ["R02"], points: 5,
            message: "王伟 已完成 2026-W47 的指标 calls：20/20。奖励：加 5 分，奖金 50 元。", date: LocalDate(parsing: "2026-11-22"))
        reward.bonus = 50
        let payload = WebhookPayload(
            id: "x", recipient: .init(id: "R02", name: "王伟"), rulesVersion: "v", locale: "zh-Hans", title: "t", text: "t",
            notices: [reward, Self.late])
        let notices = try #require(try Self.json(try payload.body(format: .generic))["notices"] as? [[String: Any]])
        #expect(notices[0]["kind"] as? String == "reward")
        #expect(notices[0]["points"] as? Int == 5)
        #expect(notices[0]["bonus"] as? Int == 50)
        #expect(notices[1]["bonus"] == nil)
    }

    @Test("the same payload gives the same bytes, with sorted keys and Chinese text unescaped")
    func deterministic() throws {
        for format in WebhookFormat.allCases {
            #expect(try Self.payload.body(format: format) == (try Self.payload.body(format: format)))
        }
        let text = String(decoding: try Self.payload.body(format: .generic), as: UTF8.self)
        #expect(text.contains("苏州瑞丰电子"))
        #expect(!text.contains("\\u"))
        #expect(text.hasPrefix("{\"count\":2,\"id\":"))
    }

    @Test("the rules version is a short SHA-256 of the file's bytes")
    func rulesVersion() {
        // python3 -c "import hashlib; print(hashlib.sha256(b'rules').hexdigest()[:16])"
        #expect(WebhookPayload.rulesVersion(of: Array("rules".utf8)) == "sha256:6c621d1a05138a78")
        #expect(WebhookPayload.rulesVersion(of: Array("rules\n".utf8)) != "sha256:6c621d1a05138a78")
    }

    @Test("the idempotency id depends on the notices, not their order, and is header-safe")
    func idempotencyID() {
        let a = WebhookPayload.idempotencyID(channel: "webhook", recipient: "R02", noticeKeys: ["b/客户", "a"])
        let b = WebhookPayload.idempotencyID(channel: "webhook", recipient: "R02", noticeKeys: ["a", "b/客户"])
        let c = WebhookPayload.idempotencyID(channel: "webhook", recipient: "R03", noticeKeys: ["a", "b/客户"])
        #expect(a == b)
        #expect(a != c)
        #expect(a.hasPrefix("tk_") && a.count == 35)
        #expect(a.utf8.allSatisfy { (0x21...0x7E).contains($0) })
    }

    @Test("the outbox message carries the id, the channel, the recipient and the URL")
    func message() throws {
        let message = try Self.payload.message(to: "https://hooks.example.com/tickler", format: .generic)
        #expect(message.id == Self.payload.id)
        #expect(message.channel == "webhook")
        #expect(message.recipient == "R02")
        #expect(message.target == "https://hooks.example.com/tickler")
        #expect(message.body == (try Self.payload.body(format: .generic)))
    }

    @Test("Slack gets a text fallback and header and section blocks")
    func slack() throws {
        let object = try Self.json(try Self.payload.body(format: .slack))
        #expect(object["text"] as? String == "王伟 的提醒：2 条")
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        #expect(blocks.first?["type"] as? String == "header")
        let section = try #require(blocks.dropFirst().first)
        #expect(section["type"] as? String == "section")
        let text = try #require(section["text"] as? [String: Any])
        #expect(text["type"] as? String == "mrkdwn")
        #expect((text["text"] as? String)?.contains("苏州瑞丰电子 逾期 28 天") == true)
    }

    @Test("DingTalk gets msgtype markdown with a title and text")
    func dingtalk() throws {
        let object = try Self.json(try Self.payload.body(format: .dingtalk))
        #expect(object["msgtype"] as? String == "markdown")
        let markdown = try #require(object["markdown"] as? [String: String])
        #expect(markdown["title"] == "王伟 的提醒：2 条")
        #expect(markdown["text"]?.contains("- 迟到 12 分钟") == true)
    }

    @Test("WeCom gets msgtype markdown with content; a long one is split into messages of 4096 bytes at most")
    func wecom() throws {
        let object = try Self.json(try Self.payload.body(format: .wecom))
        #expect(object["msgtype"] as? String == "markdown")
        let content = try #require((object["markdown"] as? [String: String])?["content"])
        #expect(content.contains("苏州瑞丰电子 逾期 28 天"))

        var long = Self.payload
        long.text = (1...500).map { "- 客户 \($0) 跟进已逾期" }.joined(separator: "\n")
        let parts = try long.messages(to: "https://qyapi.weixin.qq.com/x", format: .wecom)
        #expect(parts.count > 1, "a long text is split, not cut")
        var shown = ""
        for (message, _) in parts {
            let content = try #require(((try Self.json(message.body))["markdown"] as? [String: String])?["content"])
            #expect(content.utf8.count <= 4096)
            #expect(!content.hasSuffix("…"))
            shown += content + "\n"
        }
        for n in [1, 250, 500] { #expect(shown.contains("- 客户 \(n) 跟进已逾期\n")) }
    }

    @Test("Feishu gets msg_type post with a title and paragraphs in the locale's language")
    func feishu() throws {
        let object = try Self.json(try Self.payload.body(format: .feishu))
        #expect(object["msg_type"] as? String == "post")
        let post = try #require((object["content"] as? [String: Any])?["post"] as? [String: Any])
        let zh = try #require(post["zh_cn"] as? [String: Any])
        #expect(zh["title"] as? String == "王伟 的提醒：2 条")
        let paragraphs = try #require(zh["content"] as? [[[String: String]]])
        #expect(paragraphs.contains([["tag": "text", "text": "- 迟到 12 分钟"]]))
    }

    @Test("Teams gets an Adaptive Card attachment")
    func teams() throws {
        let object = try Self.json(try Self.payload.body(format: .teams))
        #expect(object["type"] as? String == "message")
        let attachment = try #require((object["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect(card["version"] as? String != nil)
        let texts = (card["body"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(texts.first == "王伟 的提醒：2 条")
        #expect(texts.contains("- 苏州瑞丰电子 逾期 28 天"))
    }

    @Test("a long text goes as messages that each fit the chat tool's size limits", arguments: [
        (WebhookFormat.slack, 150_000), (.dingtalk, 20_000), (.wecom, 4_400), (.feishu, 20_000), (.teams, 21_000),
    ])
    func sizeLimits(format: WebhookFormat, maxBodyBytes: Int) throws {
        var long = Self.payload
        long.text = (1...3000).map { "- 客户 \($0) 苏州瑞丰电子 跟进已逾期 28 天，罚款 10 元" }.joined(separator: "\n")
        let parts = try long.messages(to: "https://chat.example/x", format: format)
        #expect(parts.count > 1)
        for (message, _) in parts {
            let body = message.body
            #expect(body.count <= maxBodyBytes)
            let object = try Self.json(body)
            guard format == .slack else { continue }
            let blocks = try #require(object["blocks"] as? [[String: Any]])
            #expect(blocks.count <= 50)
            let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
            #expect(texts.allSatisfy { $0.count <= 3000 })
            #expect(texts.reduce(0) { $0 + $1.count } <= 40_000, "Slack's 40,000 characters")
        }
        let all = parts.map { String(decoding: $0.message.body, as: UTF8.self) }.joined()
        for n in [1, 1500, 3000] { #expect(all.contains("- 客户 \(n) 苏州瑞丰电子 跟进已逾期 28 天")) }
    }

    @Test("well-known chat webhook hosts are recognised", arguments: [
        ("https://hooks.slack.com/services/T0/B0/x", WebhookFormat.slack),
        ("https://oapi.dingtalk.com/robot/send?access_token=x", .dingtalk),
        ("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", .wecom),
        ("https://open.feishu.cn/open-apis/bot/v2/hook/x", .feishu),
        ("https://contoso.webhook.office.com/webhookb2/x", .teams),
    ])
    func inferred(url: String, format: WebhookFormat) {
        #expect(WebhookFormat.inferred(from: url) == format)
    }

    @Test("other hosts have no inferred format")
    func notInferred() {
        #expect(WebhookFormat.inferred(from: "https://crm.example.com/hooks/tickler") == nil)
        #expect(WebhookFormat.inferred(from: "https://evilhooks.slack.com.example.net/x") == nil)
    }
}
