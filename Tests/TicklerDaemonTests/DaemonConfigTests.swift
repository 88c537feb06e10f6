import TicklerCore
import TicklerDaemon
import Testing

@Suite("Daemon config")
struct DaemonConfigTests {
    @Test("relative paths are relative to the config's folder; absent channels are off")
    func relativePaths() throws {
        let config = try DaemonConfigParser.parse(
            "rules: office.yaml\nstore: /var/lib/tickler/store\nstate: ../state\ninterval: 2m\nchannels:\n  journal: {}\n",
            file: "/etc/tickler/tickler.yaml")
        #expect(config.rules == "/etc/tickler/office.yaml")
        #expect(config.store == "/var/lib/tickler/store")
        #expect(config.state == "/etc/state")
        #expect(config.interval == 120)
        #expect(config.journal == DaemonConfig.JournalConfig())
        #expect(config.mail == nil && config.webhook == nil)
    }

    @Test("mail and webhook channels are read as SPEC section 5 writes them")
    func channels() throws {
        let config = try DaemonConfigParser.parse(
            """
            rules: r.yaml
            store: s
            state: t
            channels:
              mail: { spool: /var/mail, from: "Tickler <tickler@localhost>" }
              webhook:
                url: https://hooks.example.com/tickler
                format: dingtalk
                secret: { credential: webhook-hmac }
            """, file: "/etc/tickler/tickler.yaml")
        #expect(config.mail == DaemonConfig.MailConfig(target: .spool("/var/mail"), from: "Tickler <tickler@localhost>"))
        #expect(config.webhook?.secret == .credential("webhook-hmac"))
        #expect(config.webhook?.format == "dingtalk")
        #expect(config.journal == nil)
    }

    @Test("problems are reported at FILE:LINE:COLUMN with a hint", arguments: [
        ("rules: r.yaml\nstore: s\nstate: t\nintervall: 5m\n", "/c/tickler.yaml:4:1: unknown key 'intervall' in the config; did you mean 'interval'?"),
        ("rules: r.yaml\nstore: s\nstate: t\ninterval: soon\n", "/c/tickler.yaml:4:11: 'soon' is not a tick interval; write a duration such as 30s, 5m or 1h"),
        ("rules: r.yaml\nstore: s\nstate: t\nchannels:\n  webhook: { url: https://x, format: slak }\n", "/c/tickler.yaml:5:38: unknown webhook format 'slak'; did you mean 'slack'?"),
    ])
    func problems(text: String, message: String) {
        #expect(throws: DiagnosticsError.self) { try DaemonConfigParser.parse(text, file: "/c/tickler.yaml") }
        do {
            _ = try DaemonConfigParser.parse(text, file: "/c/tickler.yaml")
        } catch {
            #expect(error.description == message)
        }
    }
}

@Suite("Daemon config: the YAML typo checks and a byte order mark")
struct DaemonConfigTypoTests {
    @Test("a tab, a full-width colon and a missing space are named at their line and column", arguments: [
        ("rules: r.yaml\nstore: s\nstate: t\nchannels:\n\tjournal: {}\n", "/etc/tickler/tickler.yaml:5:1: a tab is used for indentation here"),
        ("rules: r.yaml\nstore： s\n", "/etc/tickler/tickler.yaml:2:6: full-width colon '：' here"),
        ("rules: r.yaml\nstore:s\n", "/etc/tickler/tickler.yaml:2:7: missing space after the colon of 'store:'"),
    ])
    func typos(text: String, expected: String) {
        #expect(throws: DiagnosticsError.self) { try DaemonConfigParser.parse(text, file: "/etc/tickler/tickler.yaml") }
        do {
            _ = try DaemonConfigParser.parse(text, file: "/etc/tickler/tickler.yaml")
        } catch {
            // Not necessarily the first: the rest of the file is read too (a missing 'state:' at 1:1).
            #expect(error.diagnostics.contains { $0.description.hasPrefix(expected) }, "\(error)")
        }
    }

    @Test("a full-width colon, a misspelt key and a bad value are all reported in one run, as in the rules")
    func allProblemsInOneRun() {
        let text = "rules: r.yaml\nstore： s\nstate: t\nchanels:\n  journal: {}\ninterval: soon\n"
        #expect(throws: DiagnosticsError.self) { try DaemonConfigParser.parse(text, file: "/etc/tickler/tickler.yaml") }
        do {
            _ = try DaemonConfigParser.parse(text, file: "/etc/tickler/tickler.yaml")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.count == 3, "\(lines)")
            #expect(lines.first?.hasPrefix("/etc/tickler/tickler.yaml:2:6: full-width colon '：' here") == true, "\(lines)")
            #expect(lines.contains("/etc/tickler/tickler.yaml:4:1: unknown key 'chanels' in the config; did you mean 'channels'?"), "\(lines)")
            #expect(lines.contains("/etc/tickler/tickler.yaml:6:11: 'soon' is not a tick interval; write a duration such as 30s, 5m or 1h"), "\(lines)")
        }
    }

    @Test("a misspelt key inside a channel gets did-you-mean at its line and column; without a near name, the keys")
    func unknownKeys() {
        let text = "rules: r.yaml\nstore: s\nstate: t\nchannels:\n  mail: { spool: /var/mail, frm: x }\n  zzz: 1\n"
        do {
            _ = try DaemonConfigParser.parse(text, file: "/etc/tickler/tickler.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "/etc/tickler/tickler.yaml:5:29: unknown key 'frm' in channels.mail; did you mean 'from'?",
                "/etc/tickler/tickler.yaml:6:3: unknown key 'zzz' in channels; use one of: journal, mail, webhook",
            ])
        }
    }

    @Test("a config that starts with a byte order mark is read")
    func byteOrderMark() throws {
        let config = try DaemonConfigParser.parse("\u{FEFF}rules: r.yaml\nstore: s\nstate: t\n", file: "/etc/tickler/tickler.yaml")
        #expect(config.rules == "/etc/tickler/r.yaml")
    }
}
