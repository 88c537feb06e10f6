import Foundation
import TicklerCore
import TicklerDaemon
import TicklerDelivery
import Testing

@Suite("Daemon config: webhook channel")
struct WebhookConfigTests {
    static func parse(_ webhook: String) throws(DiagnosticsError) -> DaemonConfig {
        try DaemonConfigParser.parse(
            "rules: r.yaml\nstore: s\nstate: t\nchannels:\n  webhook:\n" + webhook, file: "/etc/tickler/tickler.yaml")
    }

    @Test("timeout, allow_hosts and a secret file are read; relative secret paths are resolved")
    func full() throws {
        let config = try Self.parse(
            """
                url: https://hooks.example.com/tickler
                format: wecom
                timeout: 30s
                allow_hosts: [hooks.example.com, "*.Office.Example"]
                secret: { file: secrets/webhook }
            """)
        let webhook = try #require(config.webhook)
        #expect(webhook.format == "wecom")
        #expect(webhook.timeout == 30)
        #expect(webhook.allowHosts == ["hooks.example.com", "*.office.example"])
        #expect(webhook.secret == .file("/etc/tickler/secrets/webhook"))
    }

    @Test("defaults: generic format, 10 s timeout, no per-rep hosts, unsigned")
    func defaults() throws {
        let webhook = try #require(try Self.parse("    url: https://hooks.example.com/tickler\n").webhook)
        #expect(webhook == DaemonConfig.WebhookConfig(url: "https://hooks.example.com/tickler"))
        #expect(webhook.format == "generic")
        #expect(webhook.timeout == 10)
        #expect(webhook.allowHosts.isEmpty)
        #expect(webhook.secret == nil)
    }

    @Test("every format SPEC names is accepted", arguments: ["generic", "slack", "dingtalk", "wecom", "feishu", "teams"])
    func formats(format: String) throws {
        let webhook = try Self.parse("    url: https://h.example/x\n    format: \(format)\n").webhook
        #expect(webhook?.format == format)
    }

    @Test("webhook problems are reported at FILE:LINE:COLUMN with a hint", arguments: [
        ("    url: https://h.example/x\n    format: dingtlak\n",
         "/etc/tickler/tickler.yaml:7:13: unknown webhook format 'dingtlak'; did you mean 'dingtalk'?"),
        ("    url: https://h.example/x\n    format: telegram\n",
         "/etc/tickler/tickler.yaml:7:13: unknown webhook format 'telegram'; use one of generic, slack, dingtalk, wecom, feishu, teams"),
        ("    url: https://h.example/x\n    timeout: 2h\n",
         "/etc/tickler/tickler.yaml:7:14: '2h' is not a webhook timeout; write a duration from 1s to 5m, such as 10s"),
        ("    url: https://h.example/x\n    timout: 5s\n",
         "/etc/tickler/tickler.yaml:7:5: unknown key 'timout' in channels.webhook; did you mean 'timeout'?"),
        ("    url: https://h.example/x\n    allow_hosts: hooks.example.com\n",
         "/etc/tickler/tickler.yaml:7:18: allow_hosts must be a list of host names, e.g. [hooks.example.com, \"*.office.example\"]"),
        ("    url: https://h.example/x\n    allow_hosts: [\"https://hooks.example.com/x\"]\n",
         "/etc/tickler/tickler.yaml:7:19: 'https://hooks.example.com/x' is not a host name; write a host (hooks.example.com or *.example.com) or an address or network (10.0.0.5, 10.0.0.0/8), with :PORT to allow a port other than 443, without scheme or path"),
        ("    url: https://h.example/x\n    secret: whsec_abcdef\n",
         "/etc/tickler/tickler.yaml:7:13: write the secret as { credential: NAME } or { file: PATH }, never the secret itself"),
        ("    url: https://h.example/x\n    secret: { credential: ../x }\n",
         "/etc/tickler/tickler.yaml:7:27: '../x' is not a credential name; use the NAME of LoadCredential=NAME:PATH (letters, digits, '_', '-', '.')"),
        ("    url: https://h.example/x\n    secret: { credential: a, file: b }\n",
         "/etc/tickler/tickler.yaml:7:13: secret needs exactly one of credential: NAME (systemd LoadCredential=) or file: PATH"),
    ])
    func problems(webhook: String, message: String) {
        do {
            _ = try Self.parse(webhook)
            Issue.record("accepted: \(webhook)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("the config gives the transport its timeout, secret, trusted office URL and allowed hosts")
    func transport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tickler-cred-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secretText = "whsec_" + Data("credential-secret-0123456789".utf8).base64EncodedString()
        try Data(secretText.utf8).write(to: folder.appendingPathComponent("webhook-hmac"))
        let webhook = try #require(
            try Self.parse(
                """
                    url: https://hooks.office.example/t
                    format: feishu
                    timeout: 3s
                    allow_hosts: [crm.example.com]
                    secret: { credential: webhook-hmac }
                """
            ).webhook)
        let configuration = try webhook.transportConfiguration(environment: ["CREDENTIALS_DIRECTORY": folder.path])
        #expect(configuration.timeout == .seconds(3))
        #expect(configuration.secret == (try WebhookSecret(parsing: secretText)))
        #expect(configuration.trustedURLs == ["https://hooks.office.example/t"])
        #expect(configuration.allowHosts == ["crm.example.com"])
        #expect(webhook.routes.officeFormat == .feishu)
        #expect(throws: WebhookError.self) { try webhook.transportConfiguration(environment: [:]) }
    }
}
