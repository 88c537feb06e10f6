import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// A small office for report mails: a manager, two field reps (one Chinese name, one with
/// an accent), customers whose names need CSV quoting, contacts in week 2026-W47.
enum ReportOffice {
    static let zone = Zone(identifier: "Asia/Shanghai")!
    /// Tuesday after the week: the Monday 09:00 report is due.
    static let now = at("2026-11-24T10:00")

    static func at(_ text: String) -> Date {
        let parts = text.split(separator: "T")
        return zone.instant(LocalDate(parsing: parts[0])!, TimeOfDay(parsing: parts[1])!)
    }

    static func rules(_ locale: NoticeLocale) throws -> Rules {
        try RulesParser.parse(
            """
            version: 1
            timezone: Asia/Shanghai
            locale: \(locale.rawValue)
            reports:
              - { name: weekly-progress, every: "mon 09:00", period: week, show: [progress, numbers, key_customers], to: [managers] }
            """, file: "rules.yaml")
    }

    static func snapshot(managerLocale: NoticeLocale) -> Snapshot {
        let reps = [
            Rep(id: "M1", name: "张敏", mailbox: "zhangmin", locale: managerLocale),
            Rep(id: "R1", name: "王芳", manager: "M1", mailbox: "wangfang"),
            Rep(id: "R2", name: "Lucía Pérez", manager: "M1", mailbox: "lucia"),
        ]
        let customers = [
            Customer(
                id: "C1", name: "Acme, Inc. \"East\"", rep: "R1", class: "A", status: .prospect,
                registeredAt: at("2026-11-17T09:00"), expectedAmount: 120000, probability: 0.5),
            Customer(
                id: "C2", name: "深圳贸易有限公司", rep: "R1", class: "B", status: .prospect,
                registeredAt: at("2026-10-01T09:00"), expectedAmount: 30000, probability: 0.8),
            Customer(
                id: "C3", name: "Győr Kft.", rep: "R2", class: "A", status: .lead,
                registeredAt: at("2026-09-01T09:00"), expectedAmount: 8000, probability: 0.2),
        ]
        let contacts = [
            Contact(customer: "C2", rep: "R1", at: at("2026-11-02T10:00"), method: .phone, progress: 10),
            Contact(customer: "C1", rep: "R1", at: at("2026-11-17T10:00"), method: .visit, progress: 20),
            Contact(customer: "C2", rep: "R1", at: at("2026-11-18T15:00"), method: .visit, progress: 30),
            Contact(customer: "C2", rep: "R1", at: at("2026-11-20T11:00"), method: .visit, outcome: "won"),
            Contact(customer: "C3", rep: "R2", at: at("2026-11-19T16:00"), method: .wechat),
        ]
        return Snapshot(reps: reps, customers: customers, contacts: contacts)
    }

    /// The manager's digest as the daemon builds it: the evaluation at ``now``, the report
    /// notices for M1, the reports in M1's language, the mail.
    static func mail(rules: NoticeLocale, manager: NoticeLocale) throws -> (OutboundMessage, Digest, [String: Report]) {
        let rules = try Self.rules(rules)
        let snapshot = snapshot(managerLocale: manager)
        let evaluation = Evaluator(rules: rules).evaluate(snapshot, at: now)
        let digest = try #require(
            Digest.perRecipient(evaluation.notices, reps: snapshot.rep, fallback: rules.locale)
                .first { $0.recipient == "M1" })
        let reports = DigestReports.reports(
            for: digest, evaluated: evaluation.reports, rules: rules, snapshot: snapshot, at: now)
        let mail = DigestMail(from: "Tickler <tickler@office.example>", mode: .mailbox, timeZone: zone.timeZone)
            .message(digest, rep: snapshot.rep("M1"), at: now, reports: reports)
        return (mail, digest, reports)
    }
}

/// Python's `email` module (default policy) reads one message: subject, type, defects, the
/// text part and every attachment (name, type, charset, BOM, line ends, rows by `csv`).
let readReportMail = """
    import sys, json, csv, io, email, email.policy
    msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
    out = {'subject': str(msg['Subject']), 'type': msg.get_content_type(), 'text': None, 'files': [],
           'defects': [str(d) for p in msg.walk() for d in p.defects], 'headers': list(msg.keys())}
    for part in msg.iter_parts():
        if part.get_content_disposition() == 'attachment':
            raw = part.get_payload(decode=True)
            out['files'].append({
                'name': part.get_filename(), 'type': part.get_content_type(), 'charset': part.get_content_charset(),
                'bom': raw.startswith(b'\\xef\\xbb\\xbf'), 'crlf': raw.count(b'\\r\\n') == raw.count(b'\\n'),
                'rows': list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline='')))})
        elif part.get_content_type() == 'text/plain':
            out['text'] = part.get_content()
    print(json.dumps(out))
    """

/// What ``readReportMail`` prints.
struct ParsedReportMail: Decodable {
    struct File: Decodable {
        var name: String?
        var type: String
        var charset: String?
        var bom: Bool
        var crlf: Bool
        var rows: [[String]]
    }

    var subject: String
    var type: String
    var text: String?
    var files: [File]
    var defects: [String]
    var headers: [String]

    static func parse(_ bytes: [UInt8]) throws -> ParsedReportMail {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/message.eml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let json = try ExternalTool.python(readReportMail, [path])
        return try JSONDecoder().decode(ParsedReportMail.self, from: Data(json.utf8))
    }
}

@Suite("report digests in mail", .enabled(if: ExternalTool.hasPython, "needs python3 to read the mail"))
struct ReportMailTests {
    @Test("a report digest in every locale: Python reads the table in the text and each CSV attachment", arguments: NoticeLocale.allCases)
    func everyLocale(_ locale: NoticeLocale) throws {
        let (mail, digest, reports) = try ReportOffice.mail(rules: locale, manager: locale)
        let notice = try #require(digest.notices.first { $0.kind == .report })
        #expect(notice.key == "report/weekly-progress/2026-W47")
        let report = try #require(reports[notice.key])
        #expect(report.tables.map(\.id) == ["progress", "numbers", "key_customers"])

        let parsed = try ParsedReportMail.parse(mail.body)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.type == "multipart/mixed")
        #expect(parsed.subject == DigestText.subject(digest))
        let text = try #require(parsed.text)
        #expect(text.contains(ReportRendering.text(report)), "the aligned tables are in the text")
        #expect(text.contains(ReportText.text(.progressTitle, locale)))
        #expect(text.contains("王芳") && text.contains("Lucía Pérez"))

        #expect(parsed.files.count == report.tables.count)
        for (file, table) in zip(parsed.files, report.tables) {
            #expect(file.name == ReportRendering.csvFileName(report, table))
            #expect(file.type == "text/csv" && file.charset == "utf-8")
            #expect(file.bom, "Excel needs the BOM to read UTF-8")
            #expect(file.crlf, "RFC 4180 line ends")
            #expect(file.rows == [table.columns] + table.rows, "csv reads back the same rows")
        }
        let keyCustomers = try #require(parsed.files.last)
        #expect(keyCustomers.rows.contains { $0.contains("Acme, Inc. \"East\"") }, "a quoted field survives")
        #expect(keyCustomers.rows.contains { $0.contains("深圳贸易有限公司") })
    }

    @Test("a manager who reads another language than the rules gets the report in theirs, same figures")
    func recipientLanguage() throws {
        let (mail, digest, reports) = try ReportOffice.mail(rules: .en, manager: .zhHant)
        #expect(digest.locale == .zhHant)
        let report = try #require(reports["report/weekly-progress/2026-W47"])
        let english = try #require(
            Evaluator(rules: try ReportOffice.rules(.en))
                .evaluate(ReportOffice.snapshot(managerLocale: .zhHant), at: ReportOffice.now)
                .reports["report/weekly-progress/2026-W47"])
        #expect(report.tables.first?.columns.first == ReportText.text(.rep, .zhHant))
        #expect(
            report.tables.map { $0.rows.map { Array($0.dropFirst()) } }
                == english.tables.map { $0.rows.map { Array($0.dropFirst()) } }, "the same figures")
        let parsed = try ParsedReportMail.parse(mail.body)
        #expect(parsed.text?.contains(ReportText.text(.progressTitle, .zhHant)) == true)
        let notice = try #require(digest.notices.first { $0.kind == .report })
        let line = NoticeText.render(.report, try #require(notice.facts), locale: .en)
        #expect(!line.isEmpty && parsed.text?.contains(line) == false, "not the rules' English line")
        #expect(parsed.text?.contains(notice.message(in: .zhHant)) == true, "the notice line in the manager's language")
        #expect(notice.message == notice.message(in: .zhHant), "the digest's own notices carry the manager's text too")
        #expect(parsed.files.first?.rows.first == report.tables.first?.columns)
    }

    @Test("the generic webhook payload carries each report's tables; chat formats get them in the text")
    func webhookPayload() throws {
        let (_, digest, reports) = try ReportOffice.mail(rules: .zhHans, manager: .zhHans)
        let report = try #require(reports["report/weekly-progress/2026-W47"])
        let payload = WebhookPayload(
            id: digest.id, recipient: .init(id: "M1", name: "张敏"), rulesVersion: "sha256:0", locale: "zh-Hans",
            title: DigestText.subject(digest), text: DigestText.body(digest, reports: reports),
            notices: digest.notices, reports: reports)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try payload.body(format: .generic))) as? [String: Any])
        let list = try #require(object["reports"] as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["key"] as? String == "report/weekly-progress/2026-W47")
        #expect(list.first?["period"] as? String == "2026-W47")
        let tables = try #require(list.first?["tables"] as? [[String: Any]])
        #expect(tables.map { $0["id"] as? String } == report.tables.map(\.id))
        #expect(tables.first?["columns"] as? [String] == report.tables.first?.columns)
        #expect(tables.first?["rows"] as? [[String]] == report.tables.first?.rows)
        let chat = String(decoding: try payload.body(format: .slack), as: UTF8.self)
        #expect(chat.contains("周进度控制"))

        let plain = WebhookPayload(
            id: "x", recipient: .init(id: "r1", name: "r"), rulesVersion: "v", locale: "en", title: "t", text: "t",
            notices: SampleNotices.mixed)
        let none = try #require(try JSONSerialization.jsonObject(with: Data(try plain.body(format: .generic))) as? [String: Any])
        #expect(none["reports"] == nil, "no reports key without reports")
    }

    @Test("a digest without reports stays a single text/plain message")
    func noReports() throws {
        let message = digestMessage(mailbox: "wangfang")
        let parsed = try ParsedReportMail.parse(message.body)
        #expect(parsed.type == "text/plain")
        #expect(parsed.files.isEmpty)
        #expect(!String(decoding: message.body, as: UTF8.self).contains("multipart"))
    }

    @Test("a non-ASCII file name gets RFC 2231 filename*, an unsafe one adds no header")
    func fileNames() throws {
        let message = MailMessage(
            from: .init(address: "tickler@office.example"), to: .init(address: "zhangmin"), subject: "周报",
            messageID: "tickler-1", date: ReportOffice.now, body: "see attached\n",
            attachments: [
                .csv(filename: "周报 2026-W47.csv", text: "a,b\r\n1,2\r\n"),
                .csv(filename: "x.csv\"\r\nBcc: evil@example.com\r\n/../../etc/passwd", text: "a\r\n"),
            ])
        let text = String(decoding: message.bytes, as: UTF8.self)
        #expect(text.contains("filename*=UTF-8''%E5%91%A8%E6%8A%A5%202026-W47.csv"))
        #expect(text.contains("name=\"__ 2026-W47.csv\""), "an ASCII fallback in Content-Type")
        #expect(!text.contains("\nBcc:"))
        let parsed = try ParsedReportMail.parse(message.bytes)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(!parsed.headers.contains("Bcc"))
        #expect(parsed.files.map(\.name) == ["周报 2026-W47.csv", "x.csv_ Bcc_ evil@example.com _.._.._etc_passwd"])
        #expect(parsed.files.map(\.rows) == [[["a", "b"], ["1", "2"]], [["a"]]])
    }

    @Test("the boundary never occurs in a part: a file name holding it moves the boundary")
    func boundaryAvoided() throws {
        func message(_ name: String) -> MailMessage {
            MailMessage(
                from: .init(address: "tickler@office.example"), to: .init(address: "zhangmin"), subject: "r",
                messageID: "tickler-2", date: ReportOffice.now, body: "text\n",
                attachments: [.csv(filename: name, text: "a\r\n")])
        }
        func boundary(_ bytes: [UInt8]) throws -> String {
            let text = String(decoding: bytes, as: UTF8.self)
            return String(try #require(text.firstMatch(of: /boundary="([^"]+)"/)).1)
        }
        let first = try boundary(message("plain.csv").bytes)
        #expect(first.hasPrefix("=_tickler_"))
        #expect(try boundary(message("plain.csv").bytes) == first, "the same message, the same boundary")
        let clash = message("\(first).csv").bytes
        let second = try boundary(clash)
        #expect(second != first)
        let parsed = try ParsedReportMail.parse(clash)
        #expect(parsed.defects.isEmpty && parsed.files.count == 1 && parsed.text == "text\n")
    }

    @Test("s-nail opens the report mail: Chinese subject decoded, the table shown, the CSV listed as an attachment", .enabled(if: ExternalTool.hasSNail, "needs s-nail"))
    func sNail() async throws {
        let (mail, digest, reports) = try ReportOffice.mail(rules: .zhHans, manager: .zhHans)
        let report = try #require(reports.values.first)
        let spool = try TempFolder()
        defer { spool.remove() }
        #expect(await MboxSpool(directory: spool.path).deliver(mail) == .delivered)
        let env = ["LC_ALL": "C.UTF-8", "HOME": spool.path, "PATH": "/usr/bin:/bin"]
        let args = ["-N", "-:/", "-S", "ttycharset=utf-8", "-R", "-f", spool.path + "/zhangmin"]
        let list = try ExternalTool.run("s-nail", args, input: "headers\nquit\n", environment: env)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains(DigestText.subject(digest)), "the header list shows the decoded subject")
        let shown = try ExternalTool.run("s-nail", args, input: "type 1\nquit\n", environment: env)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Subject: \(DigestText.subject(digest))"))
        for line in ReportRendering.text(report).split(separator: "\n") {
            #expect(shown.stdout.contains(line), "table line shown: \(line)")
        }
        #expect(shown.stdout.contains("[-- #1.2 "), "the first attachment is listed as part 1.2")
        let table = try #require(report.tables.first)
        #expect(shown.stdout.contains("filename=\"\(ReportRendering.csvFileName(report, table))\""))
        #expect(shown.stdout.contains(table.columns.joined(separator: ",")), "s-nail decodes the CSV")
    }
}
