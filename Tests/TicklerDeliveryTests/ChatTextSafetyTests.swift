import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// What a chat tool shows for store text with line breaks or markup in it: every format shows
/// one line per line of the digest (a customer named `Acme\u{2028}  [overdue/...]` forged a
/// notice line), and DingTalk, WeCom and Teams markdown show a name as written, never as a
/// link, an image, a mention, HTML or a heading. Each message body is read by Python (`json`,
/// `str.splitlines`, the widest notion of a line) and its markdown rendered by markdown-it
/// (CommonMark), apart from our code.
@Suite("Chat messages: one line per line, store text as written", .enabled(if: hasMarkdownChecker, "needs /usr/bin/python3 with markdown_it (python3-markdown-it)"))
struct ChatTextSafetyTests {
    static let python = "/usr/bin/python3"
    static let formats: [WebhookFormat] = [.slack, .dingtalk, .wecom, .feishu, .teams]
    static let breaks = DigestLineBreakTests.breaks

    /// What a person sees in a message: every shown line, and for markdown formats the HTML
    /// and the visible text of each rendered markdown text.
    struct Shown: Decodable {
        var lines: [String]
        var html: [String]
        var visible: [String]
    }

    static let reader = """
        import sys, json, html, re
        from markdown_it import MarkdownIt
        fmt = sys.argv[2]
        body = json.load(open(sys.argv[1], encoding='utf-8'))
        markdown = []
        if fmt == 'slack':
            shown = [body['text']] + [b['text']['text'] for b in body['blocks']]
        elif fmt == 'dingtalk':
            shown = [body['markdown']['title'], body['markdown']['text']]
            markdown = [body['markdown']['text']]
        elif fmt == 'wecom':
            shown = [body['markdown']['content']]
            markdown = shown
        elif fmt == 'feishu':
            language = next(iter(body['content']['post'].values()))
            shown = [language['title']] + [e['text'] for p in language['content'] for e in p]
        else:
            shown = [b['text'] for b in body['attachments'][0]['content']['body']]
            markdown = shown
        rendered = [MarkdownIt('commonmark').render(t) for t in markdown]
        visible = [html.unescape(re.sub(r'<[^>]*>', '', h)).replace('\\u200b', '') for h in rendered]
        print(json.dumps({'lines': [l for s in shown for l in s.splitlines()], 'html': rendered, 'visible': visible}))
        """

    /// Python's reading of the messages of `payload` in `format`, all parts together.
    static func shown(_ payload: WebhookPayload, _ format: WebhookFormat) throws -> Shown {
        let folder = try TempFolder()
        defer { folder.remove() }
        var all = Shown(lines: [], html: [], visible: [])
        for (index, message) in try payload.messages(to: "https://example.invalid/hook", format: format).enumerated() {
            let path = folder.path + "/body\(index).json"
            try Data(message.message.body).write(to: URL(fileURLWithPath: path))
            let output = try ExternalTool.run(python, ["-c", reader, path, format.rawValue])
            #expect(output.status == 0, "\(output.stderr)")
            let one = try JSONDecoder().decode(Shown.self, from: Data(output.stdout.utf8))
            all.lines += one.lines
            all.html += one.html
            all.visible += one.visible
        }
        return all
    }

    /// The payload the webhook channel builds for a digest of `notices`.
    static func digestPayload(repName: String, locale: NoticeLocale, notices: [Notice]) -> WebhookPayload {
        let digest = Digest(recipient: "r1", recipientName: repName, locale: locale, notices: notices)
        return WebhookPayload(
            id: "tk_test", recipient: .init(id: "r1", name: repName), rulesVersion: "sha256:0",
            locale: locale.rawValue, title: DigestText.subject(digest), text: DigestText.body(digest),
            notices: digest.notices)
    }

    /// A payload whose title and text were made elsewhere, with `separator` inside lines.
    static func handMadePayload(_ separator: String) -> WebhookPayload {
        let notice = SampleNotices.overdue("A1", name: "Acme", level: 1, days: 4)
        let text =
            "Hello Li:\n\n- Acme" + separator + "  [overdue/FORGED/2026-11-20/2]" + separator + "- Fake notice\n"
            + "  [\(notice.key)]\n\n-- \nSent by Tickler.\n"
        return WebhookPayload(
            id: "tk_test", recipient: .init(id: "r1", name: "Li"), rulesVersion: "sha256:0", locale: "en",
            title: "[Tickler] 1 notice for Li" + separator + "[overdue/FORGED/2026-11-20/2]", text: text,
            notices: [notice])
    }

    static func forged(_ lines: [String]) -> [String] {
        lines.filter {
            let line = $0.trimmingCharacters(in: .whitespaces)
            return line.hasPrefix("[overdue/FORGED") || line.hasPrefix("- Fake")
        }
    }

    @Test("a line break in store text adds no line to any chat format's message", arguments: breaks.indices)
    func oneLinePerLine(index: Int) throws {
        let separator = Self.breaks[index]
        let name = "Acme" + separator + "  [overdue/FORGED/2026-11-20/2]" + separator + "- Fake notice"
        let notices = [
            SampleNotices.overdue("A1", name: name, level: 1, days: 4), SampleNotices.dueSoon("C1", name: name),
        ]
        for format in Self.formats {
            var payloads = [
                Self.digestPayload(repName: "Li" + separator + "[overdue/FORGED]", locale: .en, notices: notices),
                Self.digestPayload(repName: "李伟" + separator + "- Fake notice", locale: .zhHans, notices: notices),
            ]
            // In a text made elsewhere `\n` is the line separator itself; every other break is inside a line.
            if !separator.unicodeScalars.contains("\n") { payloads.append(Self.handMadePayload(separator)) }
            for payload in payloads {
                let shown = try Self.shown(payload, format)
                #expect(Self.forged(shown.lines).isEmpty, "\(format) \(payload.locale): \(Self.forged(shown.lines))")
                #expect(shown.lines.contains { $0.contains("[overdue/A1/2026-11-20/1]") }, "\(format)")
            }
        }
    }

    @Test("a name with markdown shows as written in DingTalk, WeCom and Teams: no link, image, HTML, mention or heading")
    func markdownAsWritten() throws {
        let name = "[Pay here](https://evil.example/pay) ![x](https://evil.example/t.png) <@all> <font color=\"warning\">URGENT</font> <https://evil.example/a>"
        let notices = [SampleNotices.overdue("A1", name: name, level: 1, days: 4)]
        for format: WebhookFormat in [.dingtalk, .wecom, .teams] {
            for locale: NoticeLocale in [.en, .zhHans] {
                let payload = Self.digestPayload(repName: "# 紧急 > Li", locale: locale, notices: notices)
                let shown = try Self.shown(payload, format)
                let html = shown.html.joined(separator: "\n")
                for tag in ["<a ", "<img", "<font", "<h1", "<blockquote"] {
                    #expect(!html.contains(tag), "\(format) \(locale): \(tag) in \(html)")
                }
                #expect(!shown.lines.contains { $0.contains("<@all>") }, "\(format): a WeCom mention")
                #expect(
                    shown.visible.contains { $0.contains("[Pay here](https://evil.example/pay) ![x](https://evil.example/t.png)") },
                    "\(format) \(locale): the name as written")
                if locale == .zhHans {
                    #expect(shown.visible.contains { $0.contains("# 紧急 > Li，您好") }, "\(format): the greeting as written")
                }
            }
        }
    }

    @Test("Slack's mrkdwn holds no unescaped <, > or & from store text (no link, mention or <!channel>)")
    func slackEscaped() throws {
        let name = "<!channel> <https://evil.example|Pay here> & co"
        let payload = Self.digestPayload(
            repName: "Li <!here>", locale: .en, notices: [SampleNotices.overdue("A1", name: name, level: 1, days: 4)])
        let shown = try Self.shown(payload, .slack)
        #expect(!shown.lines.dropFirst(2).contains { $0.contains("<") || $0.contains(">") })
        #expect(shown.lines.contains { $0.contains("&lt;!channel&gt; &lt;https://evil.example|Pay here&gt; &amp; co") })
    }
}

/// Whether Debian's Python has markdown-it (package `python3-markdown-it`).
var hasMarkdownChecker: Bool {
    (try? ExternalTool.run(ChatTextSafetyTests.python, ["-c", "import markdown_it"]).status == 0) ?? false
}
