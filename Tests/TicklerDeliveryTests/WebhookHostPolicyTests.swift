import Foundation
import Testing
import TicklerDelivery
import TicklerTestSupport

/// A rep's webhook URL (store data) cannot point the daemon where it should not go
/// (docs/reliability.md): hosts are compared in canonical form, IP literals and ports other
/// than 443 need listing, and the addresses a listed name resolves to are checked at delivery.
@Suite("Webhook host policy: canonical hosts, IP literals, ports and resolved addresses")
struct WebhookHostPolicyTests {
    @Test("hosts, IP literals and ports against allow_hosts", arguments: [
        ("https://hooks.example.com/x", ["hooks.example.com"], true),
        ("https://BÜCHER.example/x", ["bücher.example"], true),
        ("https://xn--bcher-kva.example/x", ["BÜCHER.example"], true),
        ("https://hooks%2Eexample.com/x", ["hooks.example.com"], false),
        ("https://hooks.example.com:8443/x", ["hooks.example.com"], false),
        ("https://hooks.example.com:8443/x", ["hooks.example.com:8443"], true),
        ("http://hooks.example.com/x", ["hooks.example.com"], false),
        ("http://hooks.example.com/x", ["hooks.example.com:80"], true),
        ("https://127.0.0.1/x", ["*.example.com"], false),
        ("https://127.1/x", ["127.1"], true),
        ("https://0x7f000001/x", ["hooks.example.com"], false),
        ("https://2130706433/x", ["127.0.0.1"], true),
        ("https://10.1.2.3/x", ["10.0.0.0/8"], true),
        ("https://10.1.2.3/x", ["10.0.0.0/16"], false),
        ("https://[::1]/x", ["::1"], true),
        ("https://[::1]:8443/x", ["[::1]:8443"], true),
        ("https://[::1]:8443/x", ["::1"], false),
    ])
    func staticPolicy(url: String, allow: [String], accepted: Bool) {
        let result = Result { () throws(WebhookError) in try WebhookTarget.validate(url: url, allowHosts: allow) }
        #expect(((try? result.get()) != nil) == accepted, "\(url) with \(allow): \(result)")
    }

    @Test("refusals of IP literals and ports say what to list")
    func messages() {
        #expect(throws: WebhookError.self) { try WebhookTarget.validate(url: "https://0x7f000001/x", allowHosts: []) }
        do {
            try WebhookTarget.validate(url: "https://hooks.example.com:8443/x?token=SECRET", allowHosts: ["hooks.example.com"])
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("'hooks.example.com:8443'"))
            #expect(!error.message.contains("SECRET"))
        }
    }

    static let secret = "whsec_" + Data("tickler-test-secret-0123456789abcdef".utf8).base64EncodedString()

    @Test("a listed name that resolves to loopback is a dead letter at once; the receiver gets nothing",
        .enabled(if: WebhookReceiver.python != nil, "needs python3 for the loopback webhook receiver"))
    func resolvedLoopback() async throws {
        let receiver = try WebhookReceiver(secret: Self.secret)
        defer { receiver.stop() }
        let url = "http://localhost:\(receiver.port)/status/200"
        let message = try WebhookPayloadTests.payload.message(to: url, format: .generic)
        let refused = try await WebhookTransport.withTransport(
            configuration: .init(allowHosts: ["localhost:\(receiver.port)"])
        ) { await $0.deliver(message) }
        guard case .deadLetter(let reason) = refused else {
            Issue.record("expected a dead letter, got \(refused)")
            return
        }
        #expect(reason.contains("a loopback address"), "\(reason)")
        #expect(try receiver.requests().isEmpty)

        let listed = try await WebhookTransport.withTransport(
            configuration: .init(allowHosts: ["localhost:\(receiver.port)", "127.0.0.0/8", "::1"])
        ) { await $0.deliver(message) }
        #expect(listed == .delivered)
        #expect(try receiver.requests().count == 1)
    }

    @Test("an unlisted address behind a listed name is refused even when it is private, not loopback")
    func addressKinds() async {
        let outcome = await WebhookTarget.checkAddresses(of: "https://169.254.169.254/latest", allowHosts: [])
        guard case .deadLetter(let reason)? = outcome else {
            Issue.record("expected a dead letter, got \(String(describing: outcome))")
            return
        }
        #expect(reason.contains("link-local"))
        #expect(await WebhookTarget.checkAddresses(of: "https://10.9.8.7/x", allowHosts: ["10.0.0.0/8"]) == nil)
    }
}
