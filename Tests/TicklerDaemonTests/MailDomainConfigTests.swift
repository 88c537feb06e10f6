import Foundation
import TicklerCore
import TicklerDaemon
import TicklerDelivery
import Testing

/// `channels.mail.domain` (the domain of local mailboxes' addresses) and the envelope sender
/// `sendmail` gets, from the config to the running transport.
@Suite("Mail config: domain and envelope sender")
struct MailDomainConfigTests {
    static func config(_ mail: String) throws -> DaemonConfig {
        try DaemonConfigParser.parse("rules: r.yaml\nstore: s\nstate: t\nchannels:\n  mail: \(mail)\n", file: "/c/tickler.yaml")
    }

    @Test("domain: is read in lower case without a trailing dot; without it, the host's name is used")
    func domain() throws {
        let given = try Self.config("{ spool: /var/mail, domain: Office.Example. }")
        #expect(given.mail?.domain == "office.example")
        let rules = try RulesParser.parse("version: 1\ntimezone: UTC\n", file: "r.yaml")
        #expect(ChannelWiring.digestMail(given, rules: rules)?.domain == "office.example")
        let unset = try Self.config("{ maildir: /var/lib/tickler/maildirs }")
        #expect(unset.mail?.domain == nil)
        #expect(ChannelWiring.digestMail(unset, rules: rules)?.domain == MailDomain.hostDefault())
    }

    @Test("a domain that is not a DNS name is an error at its line and column", arguments: [
        ("{ spool: /var/mail, domain: office_example }", "/c/tickler.yaml:5:37: channels.mail.domain: 'office_example' holds characters"),
        ("{ spool: /var/mail, domain: \"a..b\" }", "/c/tickler.yaml:5:37: channels.mail.domain: 'a..b' has an empty label"),
        ("{ spool: /var/mail, domian: x.example }", "/c/tickler.yaml:5:29: unknown key 'domian' in channels.mail; did you mean 'domain'?"),
    ])
    func badDomain(mail: String, message: String) {
        do {
            _ = try Self.config(mail)
            Issue.record("\(mail) was accepted")
        } catch {
            #expect(String(describing: error).hasPrefix(message), "\(error)")
        }
    }

    @Test("sendmail runs with -f and the address of from:, so bounces go there")
    func envelopeSender() async throws {
        let config = try Self.config("{ sendmail: /usr/sbin/sendmail, from: \"Tickler <tickler@office.example>\" }")
        let mail = try #require(config.mail)
        let transport = try #require(ChannelWiring.mailTransport(mail) as? SendmailHandoff)
        #expect(transport.arguments == ["-t", "-oi", "-f", "tickler@office.example"])
        // The real handoff: a stand-in MTA records the arguments it was started with.
        let folder = NSTemporaryDirectory() + "tickler-mta-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mta = folder + "/sendmail"
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(folder)/args\"\ncat > /dev/null\n".write(toFile: mta, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: mta)
        var handoff = transport
        handoff.executable = mta
        let message = OutboundMessage(
            id: "tickler-1", channel: "mail", recipient: "r1", target: "kovacsp", body: Array("To: kovacsp\n\nhi\n".utf8))
        #expect(await handoff.deliver(message) == .delivered)
        #expect(try String(contentsOfFile: folder + "/args", encoding: .utf8) == "-t\n-oi\n-f\ntickler@office.example\n")
    }

    @Test("a from: whose address could be read as an option gives no -f", arguments: ["-oQ/tmp", "Tickler <-bad@x>", "", "Tickler <a b@x>"])
    func unsafeSender(from: String) {
        let handoff = SendmailHandoff(sender: MailMessage.Address(parsing: from).address)
        #expect(handoff.arguments == ["-t", "-oi"])
    }
}
