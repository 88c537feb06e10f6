import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// Long digests in chat formats: split into numbered messages, each within the tool's
/// published limits (checked here with the published numbers, apart from `ChatLimits`), every
/// notice in exactly one message, nothing cut.
@Suite("Chat messages of long digests")
struct ChatPartsTests {
    /// `count` overdue notices for one manager, customers with long Chinese names.
    static func notices(_ count: Int, nameLength: Int = 40) -> [Notice] {
        let due = LocalDate(parsing: "2026-10-27")!
        let stem = String(repeating: "苏州瑞丰电子科技有限公司华东区销售服务中心", count: nameLength / 20 + 1)
        return (0..<count).map { i in
            let customer = String(format: "C%05d", i)
            let name = String(stem.prefix(nameLength)) + "第\(i)分部"
            return Notice(
                key: "overdue/\(customer)/2026-10-27/\(i % 3)", kind: .overdue, rule: "followup", rep: "R02",
                customer: customer, to: ["M01"], level: i % 3, fine: 10, points: 5, message: "逾期 \(name)",
                facts: .followup(
                    .init(
                        customerName: name, customerClass: "A", due: due, daysOverdue: 28,
                        penalty: Penalty(fine: 10, points: 5))))
        }
    }

    /// The payload the webhook channel builds for a digest.
    static func payload(_ notices: [Notice], locale: NoticeLocale = .zhHans, reports: [String: Report] = [:])
        -> WebhookPayload
    {
        let digest = Digest(recipient: "M01", recipientName: "王芳", locale: locale, notices: notices)
        return WebhookPayload(
            id: "tk_test", recipient: .init(id: "M01", name: "王芳"), rulesVersion: "sha256:0", locale: locale.rawValue,
            title: DigestText.subject(digest), text: DigestText.body(digest, reports: reports),
            notices: digest.notices, reports: reports)
    }

    /// The texts a person sees in a message (an independent reading of each tool's schema).
    static func shown(_ format: WebhookFormat, _ object: [String: Any]) -> (title: String, texts: [String]) {
        switch format {
        case .slack:
            let blocks = object["blocks"] as? [[String: Any]] ?? []
            let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
            return (texts.first ?? "", Array(texts.dropFirst()))
        case .dingtalk:
            let markdown = object["markdown"] as? [String: String] ?? [:]
            return (markdown["title"] ?? "", [markdown["text"] ?? ""])
        case .wecom:
            let content = (object["markdown"] as? [String: String])?["content"] ?? ""
            return (String(content.split(separator: "\n").first ?? ""), [content])
        case .feishu:
            let post = (object["content"] as? [String: Any])?["post"] as? [String: Any] ?? [:]
            let language = post.values.first as? [String: Any] ?? [:]
            let paragraphs = language["content"] as? [[[String: String]]] ?? []
            return (language["title"] as? String ?? "", paragraphs.flatMap { $0.compactMap { $0["text"] } })
        case .teams, .generic:
            let card = (object["attachments"] as? [[String: Any]])?.first?["content"] as? [String: Any] ?? [:]
            let texts = (card["body"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            return (texts.first ?? "", Array(texts.dropFirst()))
        }
    }

    /// Problems of one message against the tool's published limits.
    static func overLimits(_ format: WebhookFormat, _ body: [UInt8]) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        var problems: [String] = []
        switch format {
        case .slack:
            let blocks = object["blocks"] as? [[String: Any]] ?? []
            let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
            if blocks.count > 50 { problems.append("\(blocks.count) blocks") }
            if (texts.first?.count ?? 0) > 150 { problems.append("header over 150 characters") }
            if texts.contains(where: { $0.utf16.count > 3000 }) { problems.append("a section over 3000 characters") }
            if texts.reduce(0, { $0 + $1.utf16.count }) > 40_000 { problems.append("over 40000 characters") }
        case .dingtalk:
            let text = (object["markdown"] as? [String: String])?["text"] ?? ""
            if text.utf8.count > 20_000 { problems.append("markdown text of \(text.utf8.count) bytes") }
        case .wecom:
            let content = (object["markdown"] as? [String: String])?["content"] ?? ""
            if content.utf8.count > 4096 { problems.append("content of \(content.utf8.count) bytes") }
        case .feishu:
            if body.count > 20_000 { problems.append("body of \(body.count) bytes") }
        case .teams:
            // Documented 28 KB; senders see refusals from about 21 KB.
            if body.count > 21_000 { problems.append("body of \(body.count) bytes") }
        case .generic:
            break
        }
        return problems
    }

    static let chatFormats: [WebhookFormat] = [.slack, .dingtalk, .wecom, .feishu, .teams]

    @Test(
        "every notice is in exactly one message, every message within the tool's limits",
        arguments: chatFormats, [1, 50, 500, 5_000])
    func split(format: WebhookFormat, count: Int) throws {
        let payload = Self.payload(Self.notices(count))
        let messages = try payload.messages(to: "https://chat.example/hook", format: format)
        var seen: [String: Int] = [:]
        var carried: [String] = []
        for (index, (message, keys)) in messages.enumerated() {
            #expect(try Self.overLimits(format, message.body) == [], "message \(index + 1) of \(messages.count)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Any])
            let (title, texts) = Self.shown(format, object)
            if messages.count > 1 {
                #expect(title.contains("(\(index + 1)/\(messages.count))"), "\(title)")
            }
            for text in texts {
                for match in text.matches(of: /\[(overdue\/[^\]]+)\]/) { seen[String(match.1), default: 0] += 1 }
            }
            #expect(!texts.joined().contains("…"), "nothing is cut")
            carried += keys
        }
        let all = payload.notices.map(\.key)
        #expect(seen.count == all.count && seen.values.allSatisfy { $0 == 1 }, "each notice shown once")
        #expect(Set(seen.keys) == Set(all))
        #expect(carried.sorted() == all.sorted(), "each notice carried by exactly one message")
        #expect(Set(messages.map(\.message.id)).count == messages.count, "each message has its own id")
        if count == 1 { #expect(messages.count == 1 && messages[0].message.id == payload.id) }
        if count >= 500 { #expect(messages.count > 1) }
    }

    @Test("the parts and their ids are the same when the digest is built again", arguments: chatFormats)
    func stable(format: WebhookFormat) throws {
        let first = try Self.payload(Self.notices(300)).messages(to: "https://chat.example/hook", format: format)
        let again = try Self.payload(Self.notices(300).reversed())
            .messages(to: "https://chat.example/hook", format: format)
        #expect(first.map(\.message.id) == again.map(\.message.id))
        #expect(first.map(\.message.body) == again.map(\.message.body))
    }

    @Test("a report whose table does not fit goes as its summary and the rest in following messages")
    func longReport() throws {
        let rows = (1...2_000).map { ["销售代表 \($0) 号（华东区）", "\($0 * 3)", "\($0 % 17)"] }
        let report = Report(
            name: "weekly", title: "周进度控制 2026-W47",
            period: CalendarPeriod(.week, containing: LocalDate(parsing: "2026-11-23")!),
            tables: [ReportTable(id: "progress", title: "进度", columns: ["代表", "联系", "新客户"], rows: rows)])
        let notice = Notice(
            key: "report/weekly/2026-W47/M01", kind: .report, rule: "weekly", rep: "M01", to: ["M01"],
            message: "周报已生成", facts: .report(.init(title: "周进度控制 2026-W47", contacts: 10, newCustomers: 2)))
        let payload = Self.payload([notice] + Self.notices(3), reports: [notice.key: report])
        for format in Self.chatFormats {
            let messages = try payload.messages(to: "https://chat.example/hook", format: format)
            #expect(messages.count > 2, "\(format)")
            var shown = ""
            for (message, _) in messages {
                #expect(try Self.overLimits(format, message.body) == [], "\(format)")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Any])
                shown += Self.shown(format, object).texts.joined(separator: "\n") + "\n"
            }
            for row in [1, 999, 2_000] {
                #expect(shown.contains("销售代表 \(row) 号（华东区）"), "\(format): row \(row) is in a message")
            }
            // The summary (the notice itself) opens the first message carrying the report.
            let first = try #require(messages.first { $0.keys.contains(notice.key) })
            #expect(String(decoding: first.message.body, as: UTF8.self).contains("[\(notice.key)]"))
        }
    }

    @Test("one very long line (a 3,000-character name) is cut between characters, never lost")
    func longLine() throws {
        let payload = Self.payload(Self.notices(2, nameLength: 3_000))
        let messages = try payload.messages(to: "https://chat.example/hook", format: .wecom)
        #expect(messages.count >= 3)
        for (message, _) in messages { #expect(try Self.overLimits(.wecom, message.body) == []) }
        let shown = try messages.map { message, _ in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Any])
            return Self.shown(.wecom, object).texts.joined()
        }.joined()
        #expect(shown.contains("[overdue/C00000/2026-10-27/0]") && shown.contains("[overdue/C00001/2026-10-27/1]"))
    }

    @Test(
        "every message, in every locale and every part, contains the keyword Tickler (DingTalk and Feishu keyword security)",
        arguments: [NoticeLocale.en, .es, .hu, .zhHans, .zhHant])
    func keyword(locale: NoticeLocale) throws {
        for count in [1, 200] {
            let payload = Self.payload(Self.notices(count), locale: locale)
            for format in [WebhookFormat.dingtalk, .feishu, .wecom] {
                for (message, _) in try payload.messages(to: "https://chat.example/hook", format: format) {
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Any])
                    let shown = Self.shown(format, object)
                    #expect((shown.title + shown.texts.joined()).contains("Tickler"), "\(locale) \(format)")
                    if format == .dingtalk {
                        #expect(shown.texts.joined().contains("Tickler"), "DingTalk checks the text too")
                    }
                }
            }
        }
    }
}
