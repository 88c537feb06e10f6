import Foundation
import TicklerCore
import TicklerDelivery
import Testing

@Suite("Mail messages", .enabled(if: ExternalTool.hasPython, "needs python3 to parse the messages"))
struct MailMessageTests {
    /// Python's `email` package parses the message: header names in order, decoded
    /// subject, To, and the decoded body.
    static let parse = """
        import sys, json, email, email.policy
        msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
        print(json.dumps({'names': [k for k, v in msg.raw_items()], 'subject': str(msg['Subject']),
            'to': str(msg['To']), 'from': str(msg['From']), 'id': msg['Message-ID'],
            'body': msg.get_content(), 'defects': len(msg.defects),
            'raw_lines': max(len(l) for l in open(sys.argv[1], 'rb').read().split(b'\\n'))}))
        """

    static func parsed(_ message: MailMessage) throws -> [String: Any] {
        let folder = try TempFolder()
        defer { folder.remove() }
        let file = folder.path + "/message.eml"
        try Data(message.bytes).write(to: URL(fileURLWithPath: file))
        let json = try ExternalTool.python(parse, [file])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("a Chinese subject becomes encoded-words, folded, and decodes back; the body is base64 UTF-8")
    func chineseSubject() throws {
        let subject = "[Tickler] 王芳 的 12 条提醒（逾期 7 条）：华东区重点客户跟进情况汇总与处罚明细通知"
        let message = MailMessage(
            from: .init(parsing: "Tickler <tickler@office.example>"), to: .init(name: "王芳", address: "wangfang"),
            subject: subject, messageID: "tickler-0123abcd", date: Date(timeIntervalSince1970: 1_795_000_000),
            timeZone: TimeZone(identifier: "Asia/Shanghai")!, body: "客户 王芳贸易 跟进已逾期 3 天。\n")
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("\n =?UTF-8?B?"), "a long subject is folded")
        #expect(text.contains("Content-Transfer-Encoding: base64"))
        #expect(text.contains("Message-ID: <tickler-0123abcd@office.example>"))
        #expect(text.contains("+0800"))
        let parsed = try Self.parsed(message)
        #expect(parsed["subject"] as? String == subject)
        #expect(parsed["body"] as? String == "客户 王芳贸易 跟进已逾期 3 天。\n")
        #expect((parsed["to"] as? String)?.contains("王芳") == true)
        #expect(parsed["defects"] as? Int == 0)
        #expect((parsed["raw_lines"] as? Int ?? 999) <= 78)
    }

    @Test("CR/LF and control characters in store data never start a header")
    func headerInjection() throws {
        let evil = "Acme\r\nBcc: victim@example.com\r\n\r\nInjected body\u{0}\u{7}"
        let message = MailMessage(
            from: .init(parsing: "Tickler <tickler@localhost>\nX-Evil: 1"), to: .init(name: evil, address: "r1\nBcc: x@y"),
            subject: "Overdue: " + evil, messageID: "tickler-1\r\nX-Evil: 2", date: Date(), body: "Hello\n")
        let parsed = try Self.parsed(message)
        let names = try #require(parsed["names"] as? [String])
        #expect(names == [
            "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type",
            "Content-Transfer-Encoding", "Auto-Submitted",
        ])
        #expect(parsed["subject"] as? String == "Overdue: Acme Bcc: victim@example.com Injected body")
        #expect(parsed["to"] as? String == "undisclosed-recipients:;", "an address that is not plain is not used")
        #expect(parsed["body"] as? String == "Hello\n")
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(!text.contains("\nBcc:") && !text.contains("\nX-Evil"))
    }

    @Test("a digest for a rep whose name and customers carry CR/LF adds no header")
    func digestInjection() throws {
        var notice = SampleNotices.overdue("A1", name: "Evil\r\nBcc: victim@example.com", level: 1, days: 4)
        notice.to = ["r1"]
        let rep = Rep(id: "r1", name: "Li\r\nX-Injected: yes", mailbox: "liwei", email: "li@example.com\nBcc: x@y")
        let digest = Digest(recipient: "r1", recipientName: rep.name, locale: .en, notices: [notice])
        let message = DigestMail(from: "Tickler <tickler@localhost>", mode: .mailbox, timeZone: .current, domain: "office.example")
            .message(digest, rep: rep, at: Date())
        let folder = try TempFolder()
        defer { folder.remove() }
        try Data(message.body).write(to: URL(fileURLWithPath: folder.path + "/m.eml"))
        let json = try ExternalTool.python(Self.parse, [folder.path + "/m.eml"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let names = try #require(parsed["names"] as? [String])
        #expect(!names.contains("Bcc") && !names.contains("X-Injected"))
        #expect(parsed["to"] as? String == "\"Li X-Injected: yes\" <liwei@office.example>", "the bad email is not used; the mailbox is")
        #expect((parsed["body"] as? String)?.contains("Evil") == true)
    }

    @Test("a mostly ASCII body is quoted-printable and decodes back exactly, long lines included")
    func quotedPrintable() throws {
        let body = "Follow-up of Kovács Péter = 3 days overdue.   \nFrom the office\n" + String(repeating: "long words ", count: 20) + "\n"
        let message = MailMessage(
            from: .init(parsing: "tickler@localhost"), to: .init(name: "Kovács Péter", address: "kovacsp"),
            subject: "Plain subject", messageID: "tickler-2", date: Date(), body: body)
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable"))
        let parsed = try Self.parsed(message)
        #expect(parsed["body"] as? String == body)
        #expect(parsed["subject"] as? String == "Plain subject")
        #expect((parsed["raw_lines"] as? Int ?? 999) <= 78)
    }

    @Test("mailbox names: local user names only", arguments: [
        ("wangfang", true), ("_svc", true), ("a.b-c_d9", true), ("../../etc/x", false), ("/etc/passwd", false),
        ("a/b", false), ("a..b", false), ("Wang", true), ("9lives", true), ("x.lock", false), ("", false),
        ("wang\nfang", false), (String(repeating: "a", count: 33), false),
    ])
    func mailboxNames(name: String, valid: Bool) {
        #expect((MailboxName(name) != nil) == valid)
    }
}
