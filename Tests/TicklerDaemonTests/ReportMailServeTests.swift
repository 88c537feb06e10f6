import Foundation
import TicklerTestSupport
import Testing

/// Python's `email` module reads a Maildir message: type, subject, the text, and each
/// attachment's name, BOM and rows (by `csv`).
private let readMail = """
    import sys, json, csv, io, email, email.policy
    msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
    files, text = [], None
    for part in msg.iter_parts():
        if part.get_content_disposition() == 'attachment':
            raw = part.get_payload(decode=True)
            files.append({'name': part.get_filename(), 'bom': raw.startswith(b'\\xef\\xbb\\xbf'),
                          'rows': list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline='')))})
        elif part.get_content_type() == 'text/plain':
            text = part.get_content()
    print(json.dumps({'type': msg.get_content_type(), 'subject': str(msg['Subject']), 'text': text, 'files': files}))
    """

private struct Mail: Decodable {
    struct File: Decodable {
        var name: String
        var bom: Bool
        var rows: [[String]]
    }

    var type: String
    var subject: String
    var text: String?
    var files: [File]
}

private func python(_ script: String, _ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

@Suite(
    "Report digests from tickler serve",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3 to read the mail"))
struct ReportMailServeTests {
    /// `every: "mon 09:00"` is due whenever the test runs: the latest Monday 09:00 (or the
    /// one before, on a Monday morning) is an occurrence not yet delivered in a fresh state.
    @Test("serve --once mails the due weekly report to the manager's Maildir, tables in the text and CSVs attached")
    func weeklyReport() throws {
        let office = try FixtureOffice(
            "report", channels: #"  mail: { maildir: maildirs, from: "Tickler <tickler@office.example>" }"#)
        defer { office.remove() }
        let folder = office.folder
        let rules = try String(contentsOfFile: folder + "/rules.yaml", encoding: .utf8)
        try (rules + "\n" + """
            reports:
              - { name: weekly-progress, every: "mon 09:00", period: week, show: [progress, numbers], to: [managers] }

            """).write(toFile: folder + "/rules.yaml", atomically: true, encoding: .utf8)

        let run = try TicklerBinary.run(["serve", "--config", folder + "/tickler.yaml", "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        let new = folder + "/maildirs/zhangmin/new"
        let names = try FileManager.default.contentsOfDirectory(atPath: new)
        #expect(names.count == 1)
        let file = try #require(names.first)
        let mail = try JSONDecoder().decode(Mail.self, from: Data(try python(readMail, new + "/" + file).utf8))
        #expect(mail.type == "multipart/mixed")
        #expect(mail.subject.hasPrefix("[Tickler] Zhang Min 的 "), "the manager reads Chinese")
        let text = try #require(mail.text)
        #expect(text.contains("报表"), "the reports group")
        #expect(text.contains("周进度控制") && text.contains("关键指标"), "both tables, in Chinese")
        #expect(mail.files.map { $0.name.replacing(/-\d{4}-W\d{2}-/, with: "-WEEK-") }
            == ["weekly-progress-WEEK-progress.csv", "weekly-progress-WEEK-numbers.csv"])
        #expect(mail.files.allSatisfy { $0.bom })
        let progress = try #require(mail.files.first)
        #expect(progress.rows.first?.first == "业务员")
        #expect(progress.rows.contains { $0.first?.contains("Li Wei") == true }, "a row for the field rep")
        #expect(progress.rows.allSatisfy { $0.count == progress.rows[0].count })

        let rep = try FileManager.default.contentsOfDirectory(atPath: folder + "/maildirs/liwei/new")
        for name in rep {
            let mail = try String(contentsOfFile: folder + "/maildirs/liwei/new/" + name, encoding: .utf8)
            #expect(!mail.contains("multipart/mixed"), "the rep gets no report")
        }

        #expect(try TicklerBinary.run(["serve", "--config", folder + "/tickler.yaml", "--once"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: new).count == 1, "the report is sent once")
    }
}
