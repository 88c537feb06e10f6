import Foundation
import TicklerCore
import TicklerDelivery
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A digest mail for `mailbox` as the daemon builds it.
func digestMessage(mailbox: String, locale: NoticeLocale = .zhHans, notices: [Notice] = SampleNotices.mixed) -> OutboundMessage {
    let rep = Rep(id: "r1", name: "王芳 Wang Fang", mailbox: mailbox, locale: locale)
    let digest = Digest(recipient: "r1", recipientName: rep.name, locale: locale, notices: notices)
    return DigestMail(from: "Tickler <tickler@localhost>", mode: .mailbox, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        .message(digest, rep: rep, at: Date())
}

/// Python's `mailbox` module reads an mbox: subject (decoded), Message-ID and body of each message.
let readMbox = """
    import sys, json, mailbox, email.policy, email
    box = mailbox.mbox(sys.argv[1], create=False)
    out = []
    for m in box:
        msg = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
        out.append({'subject': str(msg['Subject']), 'id': str(msg['Message-ID']), 'body': msg.get_content()})
    print(json.dumps(out))
    """

func pythonMessages(_ script: String, _ path: String) throws -> [[String: String]] {
    let json = try ExternalTool.python(script, [path])
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
}

@Suite("mbox spool", .enabled(if: ExternalTool.hasPython, "needs python3 to read the spool"))
struct MboxSpoolTests {
    @Test("a Chinese digest appended to the spool reads back with Python's mailbox module")
    func pythonReadsSpool() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let transport = MboxSpool(directory: spool.path)
        let first = digestMessage(mailbox: "wangfang")
        let second = digestMessage(mailbox: "wangfang", locale: .en, notices: [SampleNotices.dueSoon("C1", name: "Gamma")])
        #expect(await transport.deliver(first) == .delivered)
        #expect(await transport.deliver(second) == .delivered)
        let messages = try pythonMessages(readMbox, spool.path + "/wangfang")
        #expect(messages.count == 2)
        #expect(messages.first?["subject"] == "[Tickler] 王芳 Wang Fang 的 4 条提醒（逾期 3 条）")
        #expect(messages.first?["body"]?.contains("客户 Acme Trading（A类）跟进已逾期 9 天") == true)
        #expect(messages.last?["subject"] == "[Tickler] 1 notice for 王芳 Wang Fang")
        #expect(!FileManager.default.fileExists(atPath: spool.path + "/wangfang.lock"), "the dotlock is released")
        var info = stat()
        #expect(stat(spool.path + "/wangfang", &info) == 0 && info.st_mode & 0o777 == 0o660)
    }

    @Test("s-nail shows the decoded Chinese subject and body", .enabled(if: ExternalTool.hasSNail, "needs s-nail"))
    func sNailReadsSpool() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        #expect(await MboxSpool(directory: spool.path).deliver(digestMessage(mailbox: "wangfang")) == .delivered)
        let result = try ExternalTool.run(
            "s-nail", ["-N", "-:/", "-S", "ttycharset=utf-8", "-R", "-f", spool.path + "/wangfang"],
            input: "type 1\nquit\n", environment: ["LC_ALL": "C.UTF-8", "HOME": spool.path, "PATH": "/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Subject: [Tickler] 王芳 Wang Fang 的 4 条提醒（逾期 3 条）"))
        #expect(result.stdout.contains("王芳 Wang Fang，您好！以下事项需要您处理："))
        #expect(result.stdout.contains("客户：王芳贸易（A1） · 截止日期：11月20日 · 逾期天数：1"))
    }

    @Test("mboxrd: From lines in a message are quoted, and unquoting gives the message back")
    func mboxrdRoundTrip() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let body = Array("Subject: quoting\nMessage-ID: <q@x>\n\nFrom the start\n>From once quoted\n>>From twice\nFromage\n From indented\n".utf8)
        let message = OutboundMessage(id: "q", channel: "mail", recipient: "r1", target: "lina", body: body)
        #expect(await MboxSpool(directory: spool.path).deliver(message) == .delivered)
        let raw = try String(contentsOfFile: spool.path + "/lina", encoding: .utf8)
        #expect(raw.contains("\n>From the start\n>>From once quoted\n>>>From twice\nFromage\n From indented\n"))
        let unquoted = try ExternalTool.python(
            """
            import sys, re
            data = open(sys.argv[1], 'rb').read().split(b'\\n', 1)[1]
            data = re.sub(rb'(?m)^>(>*From )', rb'\\1', data)
            sys.stdout.write(data.decode()[:-1])
            """, [spool.path + "/lina"])
        #expect(unquoted == String(decoding: body, as: UTF8.self))
        #expect(try pythonMessages(readMbox, spool.path + "/lina").count == 1, "a From line in the body does not split the message")
    }

    @Test("a mailbox name like ../../etc/x never escapes the spool; it becomes a dead letter")
    func traversal() async throws {
        let root = try TempFolder()
        defer { root.remove() }
        let spool = root.path + "/spool/mail"
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        for name in ["../../etc/x", "../x", "/tmp/x", "x/../../y", "x.lock", ""] {
            let outcome = await MboxSpool(directory: spool).deliver(digestMessage(mailbox: name))
            guard case .deadLetter(let reason) = outcome else {
                Issue.record("\(name) was not refused: \(outcome)")
                continue
            }
            #expect(reason.contains("mailbox field"))
        }
        let everything = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        #expect(everything.sorted() == ["spool", "spool/mail"])
    }

    @Test("a mailbox that is a symbolic link is not followed")
    func symlink() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let outside = spool.path + "/outside"
        try "precious\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: spool.path + "/mail", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: spool.path + "/mail/lina", withDestinationPath: outside)
        let outcome = await MboxSpool(directory: spool.path + "/mail").deliver(digestMessage(mailbox: "lina"))
        #expect({ if case .deadLetter(let reason) = outcome { reason.contains("symbolic link") } else { false } }())
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious\n")
    }

    @Test("a retry after a crash between the append and the outbox's record does not deliver twice")
    func retryFindsEarlierCopy() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let transport = MboxSpool(directory: spool.path)
        var message = digestMessage(mailbox: "wangfang")
        #expect(await transport.deliver(message) == .delivered)
        message.attempt = 2
        #expect(await transport.deliver(message) == .delivered)
        #expect(try pythonMessages(readMbox, spool.path + "/wangfang").count == 1)
        let other = digestMessage(mailbox: "wangfang", notices: [SampleNotices.dueSoon("C2", name: "Omega")])
        #expect(await transport.deliver(OutboundMessage(
            id: other.id, channel: "mail", recipient: "r1", target: "wangfang", body: other.body, attempt: 3)) == .delivered)
        #expect(try pythonMessages(readMbox, spool.path + "/wangfang").count == 2, "a different message is still delivered")
    }

    @Test("a dotlock held by dotlockfile makes delivery wait; it succeeds after release", .enabled(if: ExternalTool.hasDotlockfile, "needs dotlockfile (liblockfile-bin)"))
    func dotlockfileHolder() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let lock = spool.path + "/lina.lock"
        #expect(try ExternalTool.run("dotlockfile", ["-l", "-r", "0", lock]).status == 0)
        let impatient = MboxSpool(directory: spool.path, lockTimeout: .milliseconds(200))
        let outcome = await impatient.deliver(digestMessage(mailbox: "lina"))
        guard case .retry(_, let reason) = outcome else {
            Issue.record("delivered while locked: \(outcome)")
            return
        }
        #expect(reason.contains("lina.lock"))
        #expect(FileManager.default.fileExists(atPath: lock), "someone else's lock is left alone")
        #expect(((try? FileManager.default.attributesOfItem(atPath: spool.path + "/lina"))?[.size] as? Int ?? 0) == 0)

        async let waiting = MboxSpool(directory: spool.path, lockTimeout: .seconds(60)).deliver(digestMessage(mailbox: "lina"))
        #expect(try ExternalTool.run("dotlockfile", ["-u", lock]).status == 0)
        #expect(await waiting == .delivered)
        #expect(try pythonMessages(readMbox, spool.path + "/lina").count == 1)
    }

    @Test("while another process holds fcntl lock and dotlock mid-append, delivery waits and nothing interleaves")
    func fcntlHolder() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let box = spool.path + "/lina"
        // The holder locks like procmail (fcntl, then dotlock by link), writes half its
        // message, says "locked", waits for a line on stdin, writes the rest and releases.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-u", "-c", """
            import fcntl, os, sys
            box = sys.argv[1]
            f = open(box, 'ab')
            fcntl.lockf(f, fcntl.LOCK_EX)
            tmp = box + '.holder'
            open(tmp, 'w').close()
            os.link(tmp, box + '.lock'); os.unlink(tmp)
            f.write(b'From holder Mon Nov 30 10:00:00 2026\\nSubject: holder\\nMessage-ID: <holder@x>\\n\\nfirst half\\n'); f.flush()
            print('locked', flush=True)
            sys.stdin.readline()
            f.write(b'second half\\n\\n'); f.flush(); os.fsync(f.fileno())
            os.unlink(box + '.lock')
            fcntl.lockf(f, fcntl.LOCK_UN); f.close()
            print('released', flush=True)
            """, box]
        let toHolder = Pipe()
        let fromHolder = Pipe()
        holder.standardInput = toHolder
        holder.standardOutput = fromHolder
        try holder.run()
        let line = String(decoding: fromHolder.fileHandleForReading.availableData, as: UTF8.self)
        #expect(line.hasPrefix("locked"))

        let impatient = await MboxSpool(directory: spool.path, lockTimeout: .milliseconds(200)).deliver(digestMessage(mailbox: "lina"))
        #expect(impatient != .delivered, "no delivery while the fcntl lock is held")
        async let waiting = MboxSpool(directory: spool.path, lockTimeout: .seconds(60)).deliver(digestMessage(mailbox: "lina"))
        toHolder.fileHandleForWriting.write(Data("go\n".utf8))
        #expect(await waiting == .delivered)
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        let messages = try pythonMessages(readMbox, box)
        #expect(messages.map { $0["subject"] ?? "" } == ["holder", "[Tickler] 王芳 Wang Fang 的 4 条提醒（逾期 3 条）"])
        #expect(messages.first?["body"] == "first half\nsecond half\n")
    }

    @Test("concurrent deliveries of this process to one mailbox take turns; every message arrives whole")
    func concurrentSameMailbox() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let transport = MboxSpool(directory: spool.path)
        let messages = (0..<8).map { i in
            digestMessage(mailbox: "lina", notices: [SampleNotices.dueSoon("C\(i)", name: "Customer \(i)")])
        }
        let outcomes = await DeliveryRunner.run(messages, transports: ["mail": transport], maxConcurrent: 8)
        #expect(outcomes.allSatisfy { $0 == .delivered })
        let read = try pythonMessages(readMbox, spool.path + "/lina")
        #expect(Set(read.compactMap { $0["id"] }) == Set(messages.map { "<\($0.id)@localhost>" }))
        #expect(read.allSatisfy { $0["body"]?.hasSuffix("每条提醒只发送一次，如有疑问请联系您的主管。\n") == true })
    }

    @Test("a dotlock older than five minutes is stale and removed")
    func staleDotlock() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let lock = spool.path + "/lina.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data("99999\n".utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-301)], ofItemAtPath: lock)
        #expect(await MboxSpool(directory: spool.path, lockTimeout: .milliseconds(200)).deliver(digestMessage(mailbox: "lina")) == .delivered)
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    @Test("a fresh dotlock naming a process that is gone (a killed daemon) is removed at once; one naming a live process is not")
    func dotlockOfDeadProcess() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let lock = spool.path + "/lina.lock"
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        #expect(FileManager.default.createFile(atPath: lock, contents: Data("\(gone.processIdentifier)\n".utf8)))
        #expect(await MboxSpool(directory: spool.path, lockTimeout: .milliseconds(200)).deliver(digestMessage(mailbox: "lina")) == .delivered)
        #expect(!FileManager.default.fileExists(atPath: lock))

        #expect(FileManager.default.createFile(atPath: lock, contents: Data("\(getpid())\n".utf8)))
        let outcome = await MboxSpool(directory: spool.path, lockTimeout: .milliseconds(200)).deliver(digestMessage(mailbox: "lina"))
        guard case .retry = outcome else {
            Issue.record("delivered while a live process held the lock: \(outcome)")
            return
        }
        #expect(FileManager.default.fileExists(atPath: lock), "a live process's lock is left alone")
    }
}
