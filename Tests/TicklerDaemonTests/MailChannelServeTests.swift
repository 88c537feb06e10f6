import Foundation
import TicklerCore
import TicklerDaemon
import TicklerStore
import TicklerTestSupport
import Testing

/// A temporary office with the fixture rules and store and a mail channel into Maildirs.
private struct MailWorkspace {
    let office: FixtureOffice
    var folder: String { office.folder }
    var config: String { office.config }

    init(mail: String = "maildir: maildirs") throws {
        office = try FixtureOffice(
            "mail", channels: "  mail: { \(mail), from: \"Tickler <tickler@office.example>\", domain: office.example }")
    }

    func remove() { office.remove() }

    func messages(_ mailbox: String) -> [String] {
        let dir = folder + "/maildirs/\(mailbox)/new"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().compactMap {
            try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8)
        }
    }
}

@Suite("Mail channel of tickler serve", .serialized)
struct MailChannelServeTests {
    @Test("serve --once delivers one digest per recipient, in their language; a second run delivers nothing new")
    func oneDigestPerRecipient() throws {
        let workspace = try MailWorkspace()
        defer { workspace.remove() }
        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        let rep = workspace.messages("liwei")
        let manager = workspace.messages("zhangmin")
        #expect(rep.count == 1)
        #expect(manager.count == 1)
        #expect(rep.first?.contains("To: \"Li Wei\" <liwei@office.example>") == true, "channels.mail.domain")
        #expect(rep.first?.contains("Subject: [Tickler] 2 notices for Li Wei (2 overdue)") == true)
        #expect(manager.first?.contains("Subject: =?UTF-8?B?") == true, "the manager reads Chinese")
        #expect(rep.first?.contains("Message-ID: <tickler-") == true)

        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        #expect(workspace.messages("liwei").count == 1)
        #expect(workspace.messages("zhangmin").count == 1)
        let list = try TicklerBinary.run(["outbox", "--config", workspace.config])
        #expect(list.status == 0)
        #expect(list.stdout.contains("The outbox is empty"))
    }

    @Test("tickler outbox lists a dead letter, retry revives it, drop removes it")
    func outboxCommand() throws {
        let workspace = try MailWorkspace()
        defer { workspace.remove() }
        let reps = workspace.folder + "/store/reps.json"
        try """
        [
          { "id": "r1", "name": "Li Wei", "manager": "m1" },
          { "id": "m1", "name": "Zhang Min", "mailbox": "zhangmin" }
        ]
        """.write(toFile: reps, atomically: true, encoding: .utf8)
        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        #expect(workspace.messages("zhangmin").count == 1)

        let json = try TicklerBinary.run(["outbox", "--config", workspace.config, "--format", "json"])
        #expect(json.status == 0)
        let objects = json.stdoutLines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 1)
        let dead = try #require(objects.first)
        #expect(dead["status"] as? String == "dead" && dead["recipient"] as? String == "r1")
        #expect((dead["reason"] as? String)?.contains("has no mailbox") == true)
        let id = try #require(dead["id"] as? String)
        let text = try TicklerBinary.run(["outbox", "list", "--config", workspace.config])
        #expect(text.stdout.contains(id) && text.stdout.contains("0 pending, 1 dead letters"))

        // The admin fixes the mailbox; the digest already in the outbox still names the old
        // target, so it fails again (dead) — dropping it is the way out.
        #expect(try TicklerBinary.run(["outbox", "retry", id, "--config", workspace.config]).status == 0)
        let retried = try TicklerBinary.run(["outbox", "--config", workspace.config, "--format", "json"])
        #expect(retried.stdout.contains("\"status\":\"pending\""))
        #expect(try TicklerBinary.run(["outbox", "drop", id, "--config", workspace.config]).status == 0)
        #expect(try TicklerBinary.run(["outbox", "--config", workspace.config]).stdout.contains("The outbox is empty"))
        #expect(try TicklerBinary.run(["outbox", "drop", id, "--config", workspace.config]).status == 1)
    }

    @Test("an mbox spool gets the digests too, with the From line and a released lock")
    func spool() throws {
        let workspace = try MailWorkspace(mail: "spool: spool")
        defer { workspace.remove() }
        try FileManager.default.createDirectory(atPath: workspace.folder + "/spool", withIntermediateDirectories: true)
        #expect(try TicklerBinary.run(["serve", "--config", workspace.config, "--once"]).status == 0)
        let mbox = try String(contentsOfFile: workspace.folder + "/spool/liwei", encoding: .utf8)
        #expect(mbox.hasPrefix("From tickler@office.example "))
        #expect(mbox.components(separatedBy: "\nMessage-ID: ").count == 2)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder + "/spool/liwei.lock"))
    }
}
