import Foundation
import TicklerCore
import TicklerDelivery
import Testing

@Suite("Maildir and sendmail", .enabled(if: ExternalTool.hasPython, "needs python3 to read the Maildir"))
struct MaildirAndSendmailTests {
    static let readMaildir = """
        import sys, json, mailbox, email.policy, email
        box = mailbox.Maildir(sys.argv[1], create=False)
        out = []
        for key, m in box.iteritems():
            msg = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
            out.append({'subject': str(msg['Subject']), 'id': str(msg['Message-ID']), 'body': msg.get_content(), 'key': key})
        print(json.dumps(out))
        """

    @Test("a digest lands in ROOT/MAILBOX/new and reads back with Python's mailbox.Maildir; a retry does not duplicate")
    func maildir() async throws {
        let root = try TempFolder()
        defer { root.remove() }
        let transport = MaildirDrop(root: root.path)
        var message = digestMessage(mailbox: "wangfang")
        #expect(await transport.deliver(message) == .delivered)
        message.attempt = 2
        #expect(await transport.deliver(message) == .delivered)
        let messages = try pythonMessages(Self.readMaildir, root.path + "/wangfang")
        #expect(messages.count == 1)
        #expect(messages.first?["subject"] == "[Tickler] 王芳 Wang Fang 的 4 条提醒（逾期 3 条）")
        #expect(messages.first?["body"]?.contains("逾期跟进（第 3 级）") == true)
        #expect(messages.first?["id"] == "<\(message.id)@localhost>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/wangfang/tmp").isEmpty)
    }

    @Test("an unsafe mailbox name is a dead letter and creates nothing")
    func maildirTraversal() async throws {
        let root = try TempFolder()
        defer { root.remove() }
        let outcome = await MaildirDrop(root: root.path + "/maildirs").deliver(digestMessage(mailbox: "../../etc/x"))
        #expect({ if case .deadLetter = outcome { true } else { false } }())
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    /// An executable with sendmail's interface: reads the message on stdin, records its
    /// arguments, exits with the status in `STATUS` (a stand-in for the local MTA).
    static func mta(in folder: String, status: Int) throws -> String {
        let path = folder + "/sendmail"
        try """
            #!/bin/sh
            echo "$@" > "\(folder)/args"
            cat > "\(folder)/message"
            echo "mta says \(status)" >&2
            exit \(status)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test("sendmail -t -oi gets the message on stdin; its exit status decides", arguments: [(0, "delivered"), (75, "retry"), (67, "dead")])
    func sendmail(status: Int, expected: String) async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let rep = Rep(id: "r1", name: "Wang Fang", mailbox: "wangfang", email: "wang.fang@example.com", locale: .en)
        let digest = Digest(recipient: "r1", recipientName: rep.name, locale: .en, notices: SampleNotices.mixed)
        let message = DigestMail(from: "Tickler <tickler@office.example>", mode: .sendmail, timeZone: .current)
            .message(digest, rep: rep, at: Date())
        #expect(message.target == "wang.fang@example.com")
        let outcome = await SendmailHandoff(
            executable: try Self.mta(in: folder.path, status: status), allowDomains: ["example.com"]
        ).deliver(message)
        switch (outcome, expected) {
        case (.delivered, "delivered"), (.retry, "retry"), (.deadLetter, "dead"): break
        default: Issue.record("exit \(status) gave \(outcome)")
        }
        if case .retry(_, let reason) = outcome { #expect(reason.contains("mta says 75")) }
        #expect(try String(contentsOfFile: folder.path + "/args", encoding: .utf8) == "-t -oi\n")
        let handed = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/message"))
        #expect(Array(handed) == message.body)
        #expect(String(decoding: handed, as: UTF8.self).contains("To: \"Wang Fang\" <wang.fang@example.com>"))
    }

    @Test("a sendmail that does not exist is retried, not lost")
    func missingSendmail() async throws {
        let outcome = await SendmailHandoff(executable: "/nonexistent/sendmail").deliver(digestMessage(mailbox: "wangfang"))
        #expect({ if case .retry = outcome { true } else { false } }())
    }
}
