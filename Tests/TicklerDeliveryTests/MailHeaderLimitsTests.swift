import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// Header lines of digest mail whatever the names in the store: RFC 2047 encoded-words of
/// at most 75 characters on lines of at most 76, never a line over 998 (RFC 5322), checked
/// by Python's `email` (policy=default, with its header defects), and addresses with a
/// domain (`channels.mail.domain`).
@Suite("Mail header limits", .enabled(if: ExternalTool.hasPython, "needs python3 to parse the messages"))
struct MailHeaderLimitsTests {
    /// Python's reading of a message: every header decoded, the defects of the message and
    /// of each header, the To address's parts, the longest header line and encoded-word.
    static let check = """
        import sys, json, re, email, email.policy
        raw = open(sys.argv[1], 'rb').read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        head = raw.split(b'\\n\\n', 1)[0].decode('ascii')
        defects = [type(d).__name__ for d in msg.defects]
        for k, v in msg.items():
            defects += [k + ':' + type(d).__name__ for d in getattr(v, 'defects', ())]
        to = msg['To'].addresses[0]
        print(json.dumps({'subject': str(msg['Subject']), 'to_name': to.display_name, 'to_user': to.username,
            'to_domain': to.domain, 'recipient': str(msg['X-Tickler-Recipient']), 'defects': defects,
            'longest_line': max(len(l) for l in head.split('\\n')),
            'longest_word': max([len(w) for w in re.findall(r'=\\?[^?]*\\?[BbQq]\\?[^?]*\\?=', head)] or [0]),
            'body': msg.get_body().get_content()}))
        """

    static func parsed(_ message: OutboundMessage) throws -> [String: Any] {
        let folder = try TempFolder()
        defer { folder.remove() }
        try Data(message.body).write(to: URL(fileURLWithPath: folder.path + "/m.eml"))
        let json = try ExternalTool.python(check, [folder.path + "/m.eml"])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func digestMail(repName: String, customerName: String, recipient: String = "kovacsp", locale: NoticeLocale = .en)
        -> OutboundMessage
    {
        let rep = Rep(id: recipient, name: repName, mailbox: "kovacsp", locale: locale)
        let notices = [
            SampleNotices.overdue("A1", name: customerName, level: 2, days: 9, to: [recipient]),
            SampleNotices.dueSoon("C1", name: customerName, to: [recipient]),
        ]
        let digest = Digest(recipient: recipient, recipientName: repName, locale: locale, notices: notices)
        return DigestMail(from: "Tickler <tickler@office.example>", mode: .mailbox, timeZone: .current, domain: "office.example")
            .message(digest, rep: rep, at: Date())
    }

    static let longNames: [String] = [
        String(repeating: "K", count: 3_000),
        String(repeating: "Kovács Péter ", count: 230),
        String(repeating: "Kovacs Peter ", count: 230),
        String(repeating: "王", count: 3_000),
        "e" + String(repeating: "\u{301}", count: 3_000),
        String(repeating: "\"quoted\\", count: 400),
    ]

    @Test("a 3,000-character name gives no header line over 76 columns and decodes back", arguments: longNames.indices)
    func longName(index: Int) throws {
        let name = Self.longNames[index]
        let message = Self.digestMail(repName: name, customerName: name, recipient: String(repeating: "r", count: 3_000))
        let parsed = try Self.parsed(message)
        #expect(parsed["defects"] as? [String] == [])
        #expect((parsed["longest_line"] as? Int ?? 9_999) <= 78)
        #expect((parsed["longest_word"] as? Int ?? 9_999) <= 75)
        // The display name is shortened to one line, ending in an ellipsis; the subject keeps it whole.
        let clean = HeaderText.sanitized(name)
        let shown = try #require(parsed["to_name"] as? String)
        let kept = shown.hasSuffix("…") ? shown.dropLast() : shown.hasSuffix("...") ? shown.dropLast(3) : ""
        #expect(!kept.isEmpty && clean.unicodeScalars.starts(with: kept.unicodeScalars), "\(shown)")
        #expect(parsed["to_user"] as? String == "kovacsp" && parsed["to_domain"] as? String == "office.example")
        #expect(parsed["subject"] as? String == "[Tickler] 2 notices for \(clean) (1 overdue)")
        #expect(parsed["recipient"] as? String == String(repeating: "r", count: 3_000))
        let text = String(decoding: message.body, as: UTF8.self)
        #expect(text.split(separator: "\n").allSatisfy { $0.utf8.count <= 998 }, "no line of the message passes 998")
    }

    @Test("names of real length come back exactly from Python's email", arguments: [
        "Kovács Péter", "Nagy-Kovácsné Szabó Erzsébet", "王芳 Wang Fang", "欧阳娜娜", "María José O'Connor \"Pepa\"",
        "Dr. Jonathan Alexander Worthington-Smythe III \\ Sales", "Łukasz Żółć",
    ])
    func realNames(name: String) throws {
        let parsed = try Self.parsed(Self.digestMail(repName: name, customerName: "Acme"))
        #expect(parsed["defects"] as? [String] == [])
        #expect(parsed["to_name"] as? String == name)
        #expect((parsed["longest_line"] as? Int ?? 9_999) <= 78)
    }

    @Test("a local mailbox is addressed with the configured domain; an ASCII name stays a readable quoted string")
    func domain() throws {
        let parsed = try Self.parsed(Self.digestMail(repName: "Kovacs Peter", customerName: "Acme"))
        #expect(parsed["defects"] as? [String] == [])
        #expect(parsed["to_domain"] as? String == "office.example")
        let text = String(decoding: Self.digestMail(repName: "Kovacs Peter", customerName: "Acme").body, as: UTF8.self)
        #expect(text.contains("\nTo: \"Kovacs Peter\" <kovacsp@office.example>\n"))
    }

    @Test("NeoMutt, mutt and s-nail read a spooled digest with a 3,000-character name and a forged line as one message",
          .enabled(if: MuttReader.hasNeoMutt && MuttReader.hasMutt && ExternalTool.hasSNail, "needs neomutt, mutt, s-nail"))
    func readersOfHostileNames() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let forged = "Acme\n  [overdue/FORGED/2026-11-20/2]\r\n- Fake notice\u{2028}x"
        let message = Self.digestMail(repName: String(repeating: "Kovács ", count: 430), customerName: forged)
        #expect(await MboxSpool(directory: spool.path).deliver(message) == .delivered)
        let mbox = spool.path + "/kovacsp"
        for program in ["neomutt", "mutt"] {
            let text = try MuttReader.decoded(program, mbox: mbox)
            #expect(try MuttReader.subjects(program, mbox: mbox).count == 1, "\(program)")
            #expect(text.contains("<kovacsp@office.example>"), "\(program)")
            let lines = text.split(separator: "\n")
            #expect(!lines.contains { $0.hasPrefix("  [overdue/FORGED") || $0.hasPrefix("- Fake") }, "\(program)")
            #expect(lines.filter { $0.hasPrefix("  [") }.count == 2, "one key line per notice (\(program))")
        }
        let shown = try ExternalTool.run(
            "s-nail", ["-N", "-:/", "-S", "ttycharset=utf-8", "-R", "-f", mbox], input: "type 1\nquit\n",
            environment: ["LC_ALL": "C.UTF-8", "HOME": spool.path, "PATH": "/usr/bin:/bin"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("kovacsp@office.example"))
        #expect(!shown.stdout.split(separator: "\n").contains { $0.hasPrefix("  [overdue/FORGED") })
    }

    @Test("mail domains: DNS names only", arguments: [
        ("office.example", true), ("mail-1.office.example", true), ("officepc", true), ("xn--bcher-kva.example", true),
        ("", false), ("office..example", false), (".office", false), ("-x.example", false), ("x-.example", false),
        ("under_score.example", false), ("bücher.example", false), ("a b", false), (String(repeating: "a", count: 64), false),
        (Array(repeating: "abc", count: 70).joined(separator: "."), false),
    ])
    func domains(text: String, valid: Bool) {
        #expect((MailDomain.problem(with: text) == nil) == valid)
    }

    @Test("the host's name is the default domain, and a valid one")
    func hostDefault() {
        #expect(MailDomain.problem(with: MailDomain.hostDefault()) == nil)
        #expect(DigestMail(from: "t@x", mode: .mailbox, timeZone: .current).domain == MailDomain.hostDefault())
    }
}
