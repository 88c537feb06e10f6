import Foundation
import Testing
import TicklerCore
import TicklerDelivery

#if canImport(Glibc)
    import Glibc
#endif

/// Mail channels cannot be pointed where they should not go (docs/reliability.md): a Maildir
/// folder linked elsewhere is not followed, a hard-linked mbox is refused, and a rep's email
/// in sendmail mode obeys `allow_domains`.
@Suite("Mail targets: linked Maildirs, hard-linked mboxes and foreign domains are refused")
struct MailTargetSafetyTests {
    static func isDeadLetter(_ outcome: DeliveryOutcome, saying text: String) -> Bool {
        if case .deadLetter(let reason) = outcome { return reason.contains(text) }
        return false
    }

    @Test("a mailbox folder that is a symbolic link is a dead letter; nothing lands where it points",
        arguments: ["wangfang", "wangfang/new"])
    func linkedMaildir(linked: String) async throws {
        let root = try TempFolder()
        defer { root.remove() }
        let elsewhere = root.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root.path + "/maildirs/wangfang", withIntermediateDirectories: true)
        if linked == "wangfang" { try FileManager.default.removeItem(atPath: root.path + "/maildirs/wangfang") }
        #expect(symlink(elsewhere, root.path + "/maildirs/" + linked) == 0)
        let outcome = await MaildirDrop(root: root.path + "/maildirs").deliver(digestMessage(mailbox: "wangfang"))
        #expect(Self.isDeadLetter(outcome, saying: "is a symbolic link or not a folder"), "\(outcome)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test("an mbox with a second hard link is a dead letter; the other file is untouched")
    func hardLinkedMbox() async throws {
        let spool = try TempFolder()
        defer { spool.remove() }
        let other = spool.path + "/other"
        try "precious\n".write(toFile: other, atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: spool.path + "/mail", withIntermediateDirectories: true)
        #expect(link(other, spool.path + "/mail/lina") == 0)
        let outcome = await MboxSpool(directory: spool.path + "/mail").deliver(digestMessage(mailbox: "lina"))
        #expect(Self.isDeadLetter(outcome, saying: "has 2 hard links"), "\(outcome)")
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "precious\n")
    }

    @Test("sendmail: a rep's email goes out only to an allowed domain, compared in canonical form", arguments: [
        ("li@example.com", ["example.com"], true),
        ("li@Mail.EXAMPLE.com.", ["*.example.com"], true),
        ("li@example.com.evil.net", ["example.com"], false),
        ("li@evil.net", [], false),
        ("li%evil.net@example.com", ["example.com"], false),
        ("li!evil.net!x@example.com", ["example.com"], false),
        ("lina", [], true),
    ])
    func allowDomains(address: String, allowed: [String], delivered: Bool) async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let mta = try MaildirAndSendmailTests.mta(in: folder.path, status: 0)
        var message = digestMessage(mailbox: "lina")
        message.target = address
        let outcome = await SendmailHandoff(executable: mta, allowDomains: allowed).deliver(message)
        if delivered {
            #expect(outcome == .delivered)
        } else {
            #expect(Self.isDeadLetter(outcome, saying: "fix the rep's email") || Self.isDeadLetter(outcome, saying: "allow_domains"), "\(outcome)")
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/message"), "sendmail was run")
        }
    }
}
