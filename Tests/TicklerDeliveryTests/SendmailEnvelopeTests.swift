import Foundation
import TicklerCore
import TicklerDelivery
import Testing

/// `sendmail -f`: the envelope sender reaches the SMTP conversation. A real
/// sendmail-compatible program (msmtp, run as `sendmail -t -oi -f ...`) relays the digest to
/// a small SMTP server on loopback that records `MAIL FROM` and `RCPT TO`.
@Suite(
    "sendmail envelope sender",
    .enabled(if: ExternalTool.hasPython && ExternalTool.exists("msmtp"), "needs python3 and msmtp"))
struct SendmailEnvelopeTests {
    /// An SMTP server for one message: prints its port, then writes the envelope and the
    /// data as JSON to argv[1] and exits.
    static let server = """
        import json, socket, sys
        s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)
        print(s.getsockname()[1], flush=True)
        s.settimeout(30)
        c, _ = s.accept(); f = c.makefile('rwb')
        def say(line): f.write(line.encode() + b'\\r\\n'); f.flush()
        say('220 test ESMTP')
        env = {'from': None, 'to': [], 'data': ''}
        while True:
            line = f.readline().decode().rstrip('\\r\\n')
            cmd = line.upper()
            if cmd.startswith('EHLO') or cmd.startswith('HELO'): say('250 test')
            elif cmd.startswith('MAIL FROM:'): env['from'] = line[10:].strip().split()[0].strip('<>'); say('250 ok')
            elif cmd.startswith('RCPT TO:'): env['to'].append(line[8:].strip().strip('<>')); say('250 ok')
            elif cmd == 'DATA':
                say('354 go'); lines = []
                while True:
                    l = f.readline().decode()
                    if l.rstrip('\\r\\n') == '.': break
                    lines.append(l)
                env['data'] = ''.join(lines); say('250 queued')
            elif cmd == 'QUIT': say('221 bye'); break
            else: say('250 ok')
        json.dump(env, open(sys.argv[1], 'w'))
        """

    @Test("msmtp as sendmail relays the digest with MAIL FROM set by -f to the address of from:")
    func envelopeSender() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let record = folder.path + "/envelope.json"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.server, record]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var portText = ""
        while !portText.hasSuffix("\n") {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            portText += String(decoding: byte, as: UTF8.self)
        }
        let port = try #require(Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)))
        let sendmail = folder.path + "/sendmail"
        try "#!/bin/sh\nexec msmtp --host=127.0.0.1 --port=\(port) --auth=off --tls=off \"$@\"\n"
            .write(toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)

        let rep = Rep(id: "r1", name: "Wang Fang", mailbox: "wangfang", email: "wang.fang@example.com", locale: .en)
        let digest = Digest(recipient: "r1", recipientName: rep.name, locale: .en, notices: SampleNotices.mixed)
        let message = DigestMail(from: "Tickler <tickler@office.example>", mode: .sendmail, timeZone: .current)
            .message(digest, rep: rep, at: Date())
        let handoff = SendmailHandoff(executable: sendmail, allowDomains: ["example.com"], sender: "tickler@office.example")
        #expect(await handoff.deliver(message) == .delivered)
        process.waitUntilExit()
        let json = try Data(contentsOf: URL(fileURLWithPath: record))
        let envelope = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(envelope["from"] as? String == "tickler@office.example")
        #expect(envelope["to"] as? [String] == ["wang.fang@example.com"])
        #expect((envelope["data"] as? String)?.contains("Subject: [Tickler] 4 notices for Wang Fang (3 overdue)") == true)
    }
}
